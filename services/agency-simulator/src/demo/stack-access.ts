import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { issueDevToken, type DevTokenRequest } from '@bcci/auth';

/** Default ports of docs/architecture.md §3, used when the stack did not record its own. */
export const DEFAULT_PORTS: Record<string, number> = {
  intake: 3001,
  digitization: 3002,
  forwarding: 3003,
  'agency-gateway': 3004,
  returns: 3005,
  tracking: 3006,
  'agency-simulator': 3007,
};

export interface StackAccess {
  urlOf(service: string): string;
  token(request: DevTokenRequest): string;
  source: string;
}

/**
 * Where the running stack is and how to sign its tokens: `<data dir>/stack.json` (written by npm start,
 * with the ports it chose) and `<data dir>/dev-secrets.json` (the development issuer's secret).
 * BCCI_DATA_DIR overrides `.data`; AUTH_JWT_SECRET overrides the stored secret.
 */
export function openStack(rootDir: string, env: NodeJS.ProcessEnv = process.env): StackAccess {
  const dataDir = path.resolve(rootDir, env.BCCI_DATA_DIR?.trim() || '.data');
  const urls = new Map<string, string>();
  let source = 'default ports (docs/architecture.md)';
  const stateFile = path.join(dataDir, 'stack.json');
  if (existsSync(stateFile)) {
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { services?: Array<{ name: string; url: string }> };
    for (const s of state.services ?? []) urls.set(s.name, s.url.replace(/\/+$/, ''));
    source = stateFile;
  }
  const secretsFile = path.join(dataDir, 'dev-secrets.json');
  const stored = existsSync(secretsFile)
    ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as { secrets?: Record<string, string> }).secrets?.['auth.jwtSecret']
    : undefined;
  const secret = env.AUTH_JWT_SECRET?.trim() || stored;
  if (!secret) throw new Error(`no development secret: ${secretsFile} is missing (start the stack with npm start first)`);
  const tokens = new Map<string, string>();
  return {
    source,
    urlOf: (service) => urls.get(service) ?? `http://127.0.0.1:${DEFAULT_PORTS[service]}`,
    token: (request) => {
      const key = JSON.stringify(request);
      let token = tokens.get(key);
      if (!token) {
        token = issueDevToken({ ...request, ttlSeconds: 8 * 3_600 }, secret);
        tokens.set(key, token);
      }
      return token;
    },
  };
}
