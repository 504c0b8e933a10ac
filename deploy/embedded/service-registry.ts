/**
 * The services `npm start` runs, in start order. A service joins the stack by adding one entry here
 * (port and database from docs/architecture.md §3); the launcher starts it as soon as
 * `services/<name>/src/main.ts` exists, so entries for services still being written are harmless.
 */
import type { DevSecrets } from './dev-secrets';
import { buildPostOfficeAppIfStale } from './post-office-app-build';

export interface ServiceDefinition {
  /** Directory under `services/`. */
  readonly name: string;
  /** Default HTTP port (architecture.md §3). */
  readonly port: number;
  /** The service's own database; none for a service that keeps no state (the post office app's server). */
  readonly database?: string;
  /**
   * Variables beyond the common ones of architecture.md §3 (PORT, HOST, DATABASE_URL, KAFKA_BROKERS,
   * AUTH_JWT_SECRET, CATALOG_DIR, LOG_LEVEL). Secrets come from `.data/dev-secrets.json`, generated once.
   */
  readonly environment?: (secrets: DevSecrets, stack: StackAddresses) => Record<string, string>;
  /** Work before the service can start (the web app's build), run once per start; returns more environment. */
  readonly prepare?: (rootDir: string, step: (message: string) => void) => Promise<Record<string, string>>;
}

export interface StackAddresses {
  /** Base URL of a service of this stack (its chosen port, or its default port when it does not run). */
  urlOf(name: string): string;
}

export const SERVICES: readonly ServiceDefinition[] = [
  {
    name: 'intake',
    port: 3001,
    database: 'bcci_intake',
    // Applicant personal data is encrypted at rest (AES-256, 32-byte key) and searched through blind
    // indexes (HMAC key); both stay in dev-secrets.json so data written yesterday is readable today.
    // The sending slip's QR code points at tracking's free public look-up.
    environment: (secrets, stack) => ({
      PII_ENCRYPTION_KEY: secrets.get('intake.piiEncryptionKey', 32),
      PII_INDEX_KEY: secrets.get('intake.piiIndexKey', 32),
      PUBLIC_LOOKUP_BASE_URL: `${stack.urlOf('tracking')}/lookup`,
    }),
  },
  { name: 'digitization', port: 3002, database: 'bcci_digitization' },
  { name: 'forwarding', port: 3003, database: 'bcci_forwarding' },
  { name: 'agency-gateway', port: 3004, database: 'bcci_agency_gateway' },
  { name: 'returns', port: 3005, database: 'bcci_returns' },
  { name: 'tracking', port: 3006, database: 'bcci_tracking' },
  {
    name: 'agency-simulator',
    port: 3007,
    database: 'bcci_agency_simulator',
    // HTTP mode calls the gateway where the stack actually put it (free ports in tests).
    environment: (_secrets, stack) => ({ SIMULATOR_GATEWAY_URL: stack.urlOf('agency-gateway') }),
  },
  {
    // The staff's web app: static files, sign-in, the services' APIs on one origin, live queue notices.
    name: 'post-office-app',
    port: 3008,
    environment: (_secrets, stack) =>
      Object.fromEntries(['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking'].map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_URL`, stack.urlOf(name)])),
    prepare: buildPostOfficeAppIfStale,
  },
];
