import path from 'node:path';

export const POST_OFFICE_APP_SERVICE_NAME = 'post-office-app';
export const POST_OFFICE_APP_DEFAULT_PORT = 3008;

/** The services whose HTTP APIs the app reaches through its own origin, `/api/<service>/…`. */
export const PROXIED_SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking'] as const;
export type ProxiedService = (typeof PROXIED_SERVICES)[number];

export interface PostOfficeAppConfig {
  readonly port: number;
  readonly host: string;
  readonly kafkaBrokers: string[];
  /** HS256 secret of the development issuer: the app signs staff tokens with it after a roster sign-in. */
  readonly authJwtSecret: string;
  readonly serviceUrls: Readonly<Record<ProxiedService, string>>;
  /** The built web app (vite build output). */
  readonly webDistDir: string;
  /** JSON roster of staff accounts; unset outside production means the sample roster. */
  readonly staffRosterFile?: string;
  readonly production: boolean;
}

export class PostOfficeAppConfigError extends Error {}

const DEFAULT_SERVICE_PORTS: Record<ProxiedService, number> = {
  intake: 3001,
  digitization: 3002,
  forwarding: 3003,
  'agency-gateway': 3004,
  returns: 3005,
  tracking: 3006,
};

/** Reads the environment once at start; a bad value stops the start with a message naming the variable. */
export function loadPostOfficeAppConfig(env: NodeJS.ProcessEnv, rootDir: string): PostOfficeAppConfig {
  const port = Number(env.PORT ?? POST_OFFICE_APP_DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PostOfficeAppConfigError(`PORT must be a port number, got "${env.PORT}"`);
  const secret = env.AUTH_JWT_SECRET?.trim();
  if (!secret) throw new PostOfficeAppConfigError('AUTH_JWT_SECRET is required: staff tokens are signed with it after sign-in');
  const serviceUrls = Object.fromEntries(
    Object.entries(DEFAULT_SERVICE_PORTS).map(([service, defaultPort]) => {
      const variable = `${service.toUpperCase().replace(/-/g, '_')}_URL`;
      const url = env[variable]?.trim() || `http://127.0.0.1:${defaultPort}`;
      if (!/^https?:\/\/[^/]+$/.test(url.replace(/\/$/, ''))) throw new PostOfficeAppConfigError(`${variable} must be a base URL like http://127.0.0.1:3001, got "${url}"`);
      return [service, url.replace(/\/$/, '')];
    }),
  ) as Record<ProxiedService, string>;
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    kafkaBrokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((broker) => broker.trim()).filter(Boolean),
    authJwtSecret: secret,
    serviceUrls,
    webDistDir: path.resolve(rootDir, env.WEB_DIST_DIR?.trim() || 'services/post-office-app/dist/web'),
    ...(env.STAFF_ROSTER_FILE?.trim() ? { staffRosterFile: path.resolve(rootDir, env.STAFF_ROSTER_FILE.trim()) } : {}),
    production: env.NODE_ENV === 'production',
  };
}
