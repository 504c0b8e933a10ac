import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication, Type } from '@nestjs/common';
import { issueDevToken, type DevTokenRequest } from '@bcci/auth';
import { allConcreteTopics } from '@bcci/contracts';
import { KafkajsMessageBus } from '@bcci/messaging';
import { acquireTestKafka, createTestDatabase } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { createServiceApp } from '../../src/bootstrap/create-service-app';
import { MessagingLifecycle } from '../../src/messaging/messaging-lifecycle';

export interface StartTestServiceOptions {
  /** Default `test`; names the test database, the OpenAPI title and the default consumer group. */
  serviceName?: string;
  /** Extra environment for the service (its own variables, or overrides such as LOG_LEVEL). */
  extraEnv?: Record<string, string>;
  bodyLimitBytes?: number;
  /** Create every topic of contracts/topics.json on the broker first (default true). */
  createTopics?: boolean;
}

export interface TestService {
  /** http://127.0.0.1:<port> */
  url: string;
  app: INestApplication;
  dataSource: DataSource;
  /** Kafka bootstrap addresses of the run's broker. */
  brokers: string[];
  /** The generated AUTH_JWT_SECRET. */
  secret: string;
  /** A valid token; role defaults to clerk at postal point 33100. */
  tokenFor(actor?: Partial<DevTokenRequest>): string;
  /** `Bearer <token>` for supertest's .set('Authorization', ...). */
  authHeader(actor?: Partial<DevTokenRequest>): string;
  /** Publishes every pending outbox row now (the relay would anyway, within a second). */
  drainOutbox(): Promise<number>;
  stop(): Promise<void>;
}

let topicsCreated: Promise<void> | undefined;

/**
 * Starts a service module as production does (createServiceApp: pipes, filters, guard, OpenAPI,
 * migrations, relay, consumers) on port 0 with a fresh database and the run's broker.
 * The environment variables are set for the duration and restored by stop().
 */
export async function startTestService(module: Type<unknown>, options: StartTestServiceOptions = {}): Promise<TestService> {
  const serviceName = options.serviceName ?? 'test';
  const db = await createTestDatabase(serviceName);
  const kafka = await acquireTestKafka();
  const secret = randomBytes(24).toString('hex');

  if (options.createTopics ?? true) {
    topicsCreated ??= new KafkajsMessageBus({ clientId: 'test-topics', brokers: kafka.brokers, logLevel: 'NOTHING' }).ensureTopics(
      allConcreteTopics().map(({ name, partitions }) => ({ topic: name, partitions })),
    );
    await topicsCreated;
  }

  const env: Record<string, string | undefined> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    KAFKA_BROKERS: kafka.brokers.join(','),
    AUTH_JWT_SECRET: secret,
    AUTH_JWT_PUBLIC_KEY: undefined,
    LOG_LEVEL: 'warn',
    ...options.extraEnv,
  };
  const previous = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const applyEnv = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  applyEnv(env);

  let app: INestApplication;
  try {
    app = await createServiceApp({ serviceName, module, bodyLimitBytes: options.bodyLimitBytes, logger: ['fatal', 'error', 'warn'] });
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    applyEnv(previous);
    await kafka.release();
    await db.drop();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;

  const tokenFor = (actor: Partial<DevTokenRequest> = {}) => {
    const role = actor.role ?? 'clerk';
    const postalCode = actor.postalCode ?? (role === 'clerk' && !actor.role ? '33100' : undefined);
    return issueDevToken({ ...actor, role, ...(postalCode ? { postalCode } : {}) }, secret);
  };

  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    dataSource: app.get(DataSource),
    brokers: kafka.brokers,
    secret,
    tokenFor,
    authHeader: (actor) => `Bearer ${tokenFor(actor)}`,
    drainOutbox: () => app.get(MessagingLifecycle).drainOutbox(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        await app.close();
      } finally {
        applyEnv(previous);
        await kafka.release();
        await db.drop();
      }
    },
  };
}
