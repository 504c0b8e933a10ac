import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const DEV_SECRETS_FILE = 'dev-secrets.json';

interface DevSecretsFile {
  note: string;
  secrets: Record<string, string>;
}

/**
 * Development secrets of the embedded stack, generated on first use and kept in
 * `<dataDir>/dev-secrets.json` (mode 0600) so that tokens and encrypted data stay valid across restarts.
 * Never used in production: there the secrets come from the deployment's secret store.
 */
export class DevSecrets {
  private constructor(
    private readonly file: string,
    private readonly content: DevSecretsFile,
  ) {}

  static open(dataDir: string): DevSecrets {
    const file = path.join(dataDir, DEV_SECRETS_FILE);
    if (existsSync(file)) {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevSecretsFile>;
      if (!parsed.secrets || typeof parsed.secrets !== 'object') throw new Error(`${file} is not a dev-secrets file; remove it or run npm run reset`);
      return new DevSecrets(file, { note: parsed.note ?? NOTE, secrets: parsed.secrets });
    }
    return new DevSecrets(file, { note: NOTE, secrets: {} });
  }

  /** The secret called `name` (base64 of `bytes` random bytes), created and saved if it does not exist. */
  get(name: string, bytes = 32): string {
    const existing = this.content.secrets[name];
    if (existing) return existing;
    const created = randomBytes(bytes).toString('base64');
    this.content.secrets[name] = created;
    this.save();
    return created;
  }

  /** HS256 secret of the development token issuer, shared by every service and `npm run token`. */
  authJwtSecret(): string {
    return this.get('auth.jwtSecret', 48);
  }

  private save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.content, null, 2) + '\n', { mode: 0o600 });
  }
}

const NOTE = 'Development secrets of the embedded stack (npm start). Generated once; npm run reset removes them. Not for production.';
