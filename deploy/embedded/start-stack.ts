/**
 * The single-machine stack, as a function shared by `npm start` (stack.main.ts), the end-to-end tests and
 * the benchmark: PostgreSQL, the broker, one database per service, the declared topics, the catalog,
 * then every service that exists as its own process. Stops in the reverse order.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLOCK_OFFSET_ENV, clockOffsetFrom, systemClock } from '@bcci/kernel';
import { loadCatalogFromDirectory, loadSampleCatalog, shortCatalogVersion, type Catalog } from '@bcci/catalog';
import { assertOwnCluster, ensureDatabase, findFreePorts, startEmbeddedPostgres, withDatabase, type EmbeddedPostgresHandle } from '@bcci/persistence';
import { createDeclaredTopics, replicationFactorFor } from './declared-topics';
import { DevSecrets } from './dev-secrets';
import { stopLeftoverPostgres } from './leftover-postgres';
import { assertPortFree } from './port-check';
import { BROKER_ENTRY, BrokerProcess } from './broker-process';
import { HttpBalancer } from './http-balancer';
import { DEFAULT_RESTART_POLICY, RestartPolicy, type RestartPolicyOptions } from './restart-policy';
import { Supervisor } from './supervisor';
import { SERVICES, type ServiceDefinition } from './service-registry';
import { ServiceProcess, type ServiceProcessOptions } from './service-process';
import { leftoverProcesses, readStackState, removeStackState, runningStack, writeStackState } from './stack-state';
import type { StackOptions } from './stack-options';

export interface StackReporter {
  /** A step of the start or stop sequence (and a restart while the stack runs), one line each. */
  step(message: string): void;
  warn(message: string): void;
}

/** Knobs of startStack beyond StackOptions (tests). */
export interface StackRuntime {
  /** When a crashed service, the broker or PostgreSQL is restarted, and when the launcher gives up. */
  restartPolicy?: RestartPolicyOptions;
  /** Aborting it while the stack starts stops what was started and makes startStack reject. */
  abortSignal?: AbortSignal;
}

export interface StackService {
  name: string;
  /** Where clients call it: the service itself, or the balancer in front of its instances. */
  url: string;
  port: number;
  /** Its database, when it keeps state. */
  database?: string;
  /** The first instance's log. */
  logFile: string;
  /** Its processes: one, or `--instances N` behind the balancer at `url`. */
  instances: ServiceInstance[];
}

export interface ServiceInstance {
  /** `intake` alone, `intake#2` among several. */
  name: string;
  url: string;
  port: number;
  logFile: string;
}

export interface ServiceExit {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  lastLogLines: string;
}

export interface RunningStack {
  dataDir: string;
  kafkaBrokers: string[];
  /** Admin URL (the `postgres` database) of the server holding every service's database. */
  databaseAdminUrl: string;
  embeddedPostgres: boolean;
  embeddedKafka: boolean;
  catalogVersion: string;
  /** The reference data every service loads (same version). */
  catalog: Catalog;
  services: StackService[];
  /** Services under services/* that the registry does not know (not started). */
  unregisteredServices: string[];
  /** HS256 secret of the development token issuer (from dev-secrets.json). */
  authJwtSecret: string;
  /**
   * Called when a service dies while the stack runs (not while it stops, nor when killed by killService).
   * The launcher restarts it (see restart-policy.ts) unless it crashed too often.
   */
  onServiceExit(listener: (exit: ServiceExit) => void): void;
  /**
   * For resilience tests: sends `signal` (default SIGKILL, a crash without any graceful shutdown) to a
   * service (every instance of it) or to one instance (`intake#2`), and resolves when the processes are
   * gone. startService brings them back.
   */
  killService(name: string, signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Starts a killed service (or instance) again with the same port, database and environment; resolves once /ready answers 200. */
  startService(name: string): Promise<void>;
  /** The broker's process (embedded Kafka only), PostgreSQL's runner process (embedded PostgreSQL only). */
  brokerPid(): number | undefined;
  postgresRunnerPid(): number | undefined;
  /**
   * For the fault suite: stops the embedded PostgreSQL (fast shutdown) and keeps it down, as an outage
   * would, until bringPostgresBack(). Every service meanwhile waits (it is not a crash of theirs).
   */
  holdPostgresDown(): Promise<void>;
  /** Starts PostgreSQL again on the same port and cluster; resolves once it accepts connections. */
  bringPostgresBack(): Promise<void>;
  /** Services, then the broker, then PostgreSQL, with no restart from then on. Safe to call twice. */
  stop(): Promise<void>;
}

export const SILENT_REPORTER: StackReporter = { step: () => undefined, warn: () => undefined };

/** Registry entries whose `services/<name>/src/main.ts` exists, and service directories the registry lacks. */
export function discoverServices(rootDir: string, only?: string[]): { present: ServiceDefinition[]; unregistered: string[] } {
  const servicesDir = path.join(rootDir, 'services');
  const onDisk = existsSync(servicesDir)
    ? readdirSync(servicesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(path.join(servicesDir, d.name, 'src', 'main.ts'))).map((d) => d.name)
    : [];
  if (only) {
    const unknown = only.filter((name) => !SERVICES.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`BCCI_SERVICES names unknown service(s): ${unknown.join(', ')} (known: ${SERVICES.map((s) => s.name).join(', ')})`);
    const missing = only.filter((name) => !onDisk.includes(name));
    if (missing.length > 0) throw new Error(`BCCI_SERVICES names service(s) without services/<name>/src/main.ts: ${missing.join(', ')}`);
  }
  const present = SERVICES.filter((s) => onDisk.includes(s.name) && (!only || only.includes(s.name)));
  const unregistered = onDisk.filter((name) => !SERVICES.some((s) => s.name === name));
  return { present, unregistered };
}

export async function startStack(options: StackOptions, reporter: StackReporter = SILENT_REPORTER, runtime: StackRuntime = {}): Promise<RunningStack> {
  const { dataDir, rootDir } = options;
  const restartPolicy = () => new RestartPolicy(runtime.restartPolicy ?? DEFAULT_RESTART_POLICY);
  const aborted = () => {
    if (runtime.abortSignal?.aborted) throw new Error('stop requested while the stack was starting');
  };
  // stack.json must name every process of ours (pids change on restarts); set once they are known.
  let recordState: () => void = () => undefined;
  const cleanups: Array<{ what: string; run: () => Promise<void> }> = [];
  const stopAll = async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.pop()!;
      try {
        await cleanup.run();
      } catch (error) {
        reporter.warn(`stopping ${cleanup.what} failed: ${(error as Error).message}`);
      }
    }
  };

  try {
    // The PostgreSQL server runs as the `postgres` user when we are root: the directory must be traversable.
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    reporter.step(`data directory ${dataDir}`);
    // Only the test harness sets it; said out loud so that a stack on a moved clock is never mistaken for a real one.
    if (clockOffsetFrom(process.env) !== 0) reporter.step(`clock: services run as if it were ${systemClock.now().toISOString()} (${CLOCK_OFFSET_ENV}, tests only)`);
    await takeOverDataDir(dataDir, reporter);
    // Claim the directory at once, so a second launcher on it refuses instead of racing this one.
    writeStackState(dataDir, { pid: process.pid, startedAt: new Date().toISOString(), kafkaBrokers: [], databaseAdminUrl: '', services: [] });
    cleanups.push({ what: 'the stack state file', run: async () => removeStackState(dataDir, process.pid) });

    const { present, unregistered } = discoverServices(rootDir, options.onlyServices);
    for (const name of unregistered) reporter.warn(`services/${name} is not in deploy/embedded/service-registry.ts; not started`);
    const ports = await choosePorts(options, present);

    // 1. PostgreSQL
    let databaseAdminUrl: string;
    let postgresSupervisor: Supervisor<EmbeddedPostgresHandle> | undefined;
    const embeddedPostgres = !options.externalPostgresAdminUrl;
    if (options.externalPostgresAdminUrl) {
      databaseAdminUrl = options.externalPostgresAdminUrl;
      reporter.step(`PostgreSQL: external (DATABASE_ADMIN_URL ${redact(databaseAdminUrl)})`);
    } else {
      const clusterDir = path.join(dataDir, 'postgres');
      assertOwnCluster(clusterDir);
      const leftover = await stopLeftoverPostgres(clusterDir);
      if (leftover) reporter.warn(`stopped PostgreSQL pid ${leftover} left running by a previous stack`);
      reporter.step(`PostgreSQL: starting the embedded server (${clusterDir}${existsSync(path.join(clusterDir, 'PG_VERSION')) ? '' : ', first start: initdb'})`);
      postgresSupervisor = new Supervisor<EmbeddedPostgresHandle>({
        name: 'PostgreSQL',
        launch: async (register) => {
          const handle = await startEmbeddedPostgres({ dataDir: clusterDir, port: ports.postgres, postgresFlags: postgresSettingsFrom(process.env) });
          register(handle);
          return handle;
        },
        logTail: () => '  | (PostgreSQL writes its log to this terminal)',
        policy: restartPolicy(),
        step: reporter.step,
        warn: reporter.warn,
        onChange: () => recordState(),
      });
      const postgresSupervised = postgresSupervisor;
      cleanups.push({ what: 'PostgreSQL', run: () => postgresSupervised.stop() });
      const postgres = await postgresSupervisor.start();
      databaseAdminUrl = postgres.adminUrl;
      reporter.step(`PostgreSQL: ready on 127.0.0.1:${postgres.port}`);
      aborted();
    }

    // 2. Kafka
    let kafkaBrokers: string[];
    let brokerSupervisor: Supervisor<BrokerProcess> | undefined;
    const embeddedKafka = !options.externalKafkaBrokers;
    if (options.externalKafkaBrokers) {
      kafkaBrokers = options.externalKafkaBrokers;
      reporter.step(`Kafka: external (KAFKA_BROKERS ${kafkaBrokers.join(',')})`);
    } else {
      const brokerDir = path.join(dataDir, 'kafka');
      reporter.step(`Kafka: starting the embedded broker (${brokerDir})`);
      const brokerLog = path.join(dataDir, 'logs', 'kafka-broker.log');
      // Its own process (libs/kafka-broker/src/cli.ts, as `npm run broker`), supervised like a service.
      brokerSupervisor = new Supervisor<BrokerProcess>({
        name: 'Kafka broker',
        launch: async (register) => {
          const broker = new BrokerProcess({ rootDir, dataDir: brokerDir, port: ports.kafka, logFile: brokerLog });
          broker.start();
          register(broker);
          await broker.waitUntilListening(60_000);
          return broker;
        },
        logTail: () => lastLines(brokerLog, 20),
        policy: restartPolicy(),
        step: reporter.step,
        warn: reporter.warn,
        onChange: () => recordState(),
      });
      const brokerSupervised = brokerSupervisor;
      cleanups.push({ what: 'the broker', run: () => brokerSupervised.stop() });
      const broker = await brokerSupervisor.start();
      kafkaBrokers = [broker.bootstrap];
      reporter.step(`Kafka: broker ready on ${broker.bootstrap} (pid ${broker.pid}, log ${brokerLog})`);
      aborted();
    }

    // 3. One database per service
    for (const service of present) {
      if (!service.database) continue;
      const created = await ensureDatabase(databaseAdminUrl, service.database);
      reporter.step(`database ${service.database}: ${created ? 'created' : 'exists'}`);
    }
    if (present.length === 0) reporter.step('databases: none needed yet (no service under services/*)');

    // 4. Topics from contracts/topics.json
    const replicationFactor = replicationFactorFor(embeddedKafka, options.replicationFactor);
    const topics = await createDeclaredTopics(kafkaBrokers, replicationFactor);
    reporter.step(
      `topics: ${topics.created.length} created, ${topics.existing.length} already there${topics.grown.length ? `, ${topics.grown.length} grown` : ''} (replication factor ${replicationFactor})`,
    );

    // 5. Reference data: every service loads the same catalog; check it here so a bad directory fails once.
    const catalogDir = process.env.CATALOG_DIR?.trim();
    const catalog: Catalog = catalogDir ? loadCatalogFromDirectory(path.resolve(rootDir, catalogDir)) : loadSampleCatalog();
    reporter.step(`catalog: ${catalogDir ? path.resolve(rootDir, catalogDir) : 'bundled sample data (DỮ LIỆU MẪU)'}, version ${shortCatalogVersion(catalog.version)}`);

    // 6. Work a service needs done before it starts (the post office app's build), once per start.
    const preparedEnvironment = new Map<string, Record<string, string>>();
    for (const service of present) {
      if (service.prepare) preparedEnvironment.set(service.name, await untilAborted(service.prepare(rootDir, reporter.step), runtime.abortSignal));
    }

    // 7. Services
    const secrets = DevSecrets.open(dataDir);
    const authJwtSecret = secrets.authJwtSecret();
    const supervisors: Array<{ supervisor: Supervisor<ServiceProcess>; service: string; instance?: number; url: string; instanceUrl: string }> = [];
    const balancers: HttpBalancer[] = [];
    const exitListeners: Array<(exit: ServiceExit) => void> = [];
    const startedAt = new Date().toISOString();
    recordState = () =>
      writeStackState(dataDir, {
        pid: process.pid,
        startedAt,
        kafkaBrokers,
        databaseAdminUrl,
        services: supervisors.map(({ supervisor, service, instance, url, instanceUrl }) => ({
          name: service,
          ...(instance !== undefined ? { instance, instanceUrl } : {}),
          url,
          pid: supervisor.pid,
          entry: path.join('services', service, 'src', 'main.ts'),
        })),
        ...(brokerSupervisor?.pid !== undefined ? { broker: { pid: brokerSupervisor.pid, entry: BROKER_ENTRY } } : {}),
        ...(postgresSupervisor?.pid !== undefined ? { postgresRunnerPid: postgresSupervisor.pid } : {}),
      });
    recordState();
    cleanups.push({
      what: 'the services',
      run: async () => {
        await Promise.all(supervisors.map(({ supervisor }) => supervisor.stop()));
      },
    });
    // Popped before the services: no request reaches an instance that is stopping.
    cleanups.push({ what: 'the balancers', run: async () => void (await Promise.all(balancers.map((balancer) => balancer.close()))) });
    const services: StackService[] = [];
    const addresses = {
      urlOf: (name: string) => `http://127.0.0.1:${ports.services.get(name) ?? SERVICES.find((s) => s.name === name)?.port ?? 0}`,
    };
    for (const service of present) {
      const port = ports.services.get(service.name)!;
      const instancePorts = ports.instances.get(service.name)!;
      const several = instancePorts.length > 1;
      const entry = path.join('services', service.name, 'src', 'main.ts');
      const instances: ServiceInstance[] = [];
      instancePorts.forEach((instancePort, index) => {
        const instance = index + 1;
        const name = several ? `${service.name}#${instance}` : service.name;
        const logFile = path.join(dataDir, 'logs', several ? `${service.name}-${instance}.log` : `${service.name}.log`);
        const environment: Record<string, string> = {
          ...inheritedEnvironment(),
          NODE_ENV: 'development',
          PORT: String(instancePort),
          HOST: '127.0.0.1',
          ...(service.database ? { DATABASE_URL: withDatabase(databaseAdminUrl, service.database) } : {}),
          KAFKA_BROKERS: kafkaBrokers.join(','),
          AUTH_JWT_SECRET: authJwtSecret,
          LOG_LEVEL: options.serviceLogLevel,
          ...(catalogDir ? { CATALOG_DIR: path.resolve(rootDir, catalogDir) } : {}),
          ...(service.environment?.(secrets, addresses) ?? {}),
          ...(preparedEnvironment.get(service.name) ?? {}),
          ...(options.serviceEnvironment ?? {}),
        };
        const childOptions: ServiceProcessOptions = { name, rootDir, entry, port: instancePort, environment, logFile, echo: options.verbose };
        // Restarted on the same port, database and environment when it dies.
        const supervisor: Supervisor<ServiceProcess> = new Supervisor<ServiceProcess>({
          name,
          launch: async (register) => {
            const child = new ServiceProcess(childOptions);
            child.start();
            register(child);
            await child.waitUntilReady(options.readyTimeoutMs);
            return child;
          },
          logTail: () => supervisor.child?.lastLogLines(20) ?? lastLines(logFile, 20),
          policy: restartPolicy(),
          step: reporter.step,
          warn: reporter.warn,
          onChange: () => recordState(),
          onCrash: ({ code, signal }) => {
            const exit = { name, code, signal, lastLogLines: supervisor.child?.lastLogLines(20) ?? '' };
            for (const listener of exitListeners) listener(exit);
          },
        });
        const instanceUrl = `http://127.0.0.1:${instancePort}`;
        supervisors.push({ supervisor, service: service.name, ...(several ? { instance } : {}), url: `http://127.0.0.1:${port}`, instanceUrl });
        instances.push({ name, url: instanceUrl, port: instancePort, logFile });
        reporter.step(`${name}: starting (log ${logFile})`);
      });
      if (several) {
        const balancer = new HttpBalancer(service.name, instances);
        await balancer.listen(port);
        balancers.push(balancer);
        reporter.step(`${service.name}: ${instances.length} instances behind http://127.0.0.1:${port} (each request to the next instance)`);
      }
      services.push({ name: service.name, url: `http://127.0.0.1:${port}`, port, database: service.database, logFile: instances[0]!.logFile, instances });
    }

    // Started together (they compile and boot in parallel), reported as each becomes ready.
    const allReady = Promise.all(
      supervisors.map(async ({ supervisor }) => {
        await supervisor.start();
        reporter.step(`${supervisor.name}: ready`);
      }),
    );
    await untilAborted(allReady, runtime.abortSignal);
    recordState();

    /** A service's instances (all of them) or one instance by its own name (`intake#2`). */
    const supervisorsNamed = (name: string) => {
      const found = supervisors.filter(({ supervisor, service }) => supervisor.name === name || service === name);
      if (found.length === 0) throw new Error(`no service or instance ${name} in this stack`);
      return found;
    };
    let stopped: Promise<void> | undefined;
    return {
      dataDir,
      kafkaBrokers,
      databaseAdminUrl,
      embeddedPostgres,
      embeddedKafka,
      catalogVersion: catalog.version,
      catalog,
      services,
      unregisteredServices: unregistered,
      authJwtSecret,
      onServiceExit: (listener) => void exitListeners.push(listener),
      killService: async (name, signal = 'SIGKILL') => {
        const found = supervisorsNamed(name);
        const [first] = await Promise.all(found.map(({ supervisor }) => supervisor.kill(signal)));
        return first!;
      },
      startService: async (name) => {
        const found = supervisorsNamed(name);
        const running = found.filter(({ supervisor }) => !supervisor.isPaused).map(({ supervisor }) => supervisor.name);
        if (running.length > 0) throw new Error(`${running.join(', ')} running; killService it first`);
        await Promise.all(found.map(({ supervisor }) => supervisor.resume()));
      },
      brokerPid: () => brokerSupervisor?.pid,
      postgresRunnerPid: () => postgresSupervisor?.pid,
      holdPostgresDown: async () => {
        if (!postgresSupervisor) throw new Error('PostgreSQL is external: the stack cannot take it away');
        await postgresSupervisor.pause();
      },
      bringPostgresBack: async () => {
        if (!postgresSupervisor) throw new Error('PostgreSQL is external: the stack cannot bring it back');
        await postgresSupervisor.resume();
      },
      stop: () => (stopped ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Refuses a data directory used by a live stack; cleans up after one that was killed. */
async function takeOverDataDir(dataDir: string, reporter: StackReporter): Promise<void> {
  const running = runningStack(dataDir);
  if (running) {
    throw new Error(`a stack is already running from ${dataDir} (launcher pid ${running.pid}). Stop it (Ctrl-C in its terminal, or kill ${running.pid}) or set BCCI_DATA_DIR to another directory.`);
  }
  const previous = readStackState(dataDir);
  if (!previous) return;
  const leftovers = leftoverProcesses(previous);
  for (const { name, pid } of leftovers) {
    reporter.warn(`stopping ${name} (pid ${pid}) left running by a previous stack that did not stop cleanly`);
    process.kill(pid, 'SIGTERM');
  }
  const deadline = Date.now() + 10_000;
  while (leftovers.some(({ pid }) => isRunning(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  for (const { pid } of leftovers) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
  removeStackState(dataDir, previous.pid);
}

/** Rejects as soon as `signal` aborts (the caller then stops what was started). */
async function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  let onAbort: () => void = () => undefined;
  const abortion = new Promise<never>((_, reject) => {
    onAbort = () => reject(new Error('stop requested while the stack was starting'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  work.catch(() => undefined); // the stop that follows an abort makes the pending starts fail
  try {
    return await Promise.race([work, abortion]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

function lastLines(file: string, count: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).map((line) => `  | ${line}`).join('\n');
  } catch {
    return '  | (no log)';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface ChosenPorts {
  postgres: number;
  kafka: number;
  /** Each service's own port (its balancer's when it runs as several instances). */
  services: Map<string, number>;
  /** Each service's instances' ports: its own port alone, or free ports behind the balancer. */
  instances: Map<string, number[]>;
}

async function choosePorts(options: StackOptions, services: ServiceDefinition[]): Promise<ChosenPorts> {
  const servicePorts = new Map<string, number>();
  const perService = options.instances;
  // Instances behind a balancer listen on free ports whatever the mode: nobody calls them directly.
  const balanced = perService > 1 ? services.length * perService : 0;
  const withInstances = (postgres: number, kafka: number, instancePool: number[]): ChosenPorts => {
    const instances = new Map<string, number[]>();
    services.forEach((service, i) => {
      instances.set(service.name, perService > 1 ? instancePool.slice(i * perService, (i + 1) * perService) : [servicePorts.get(service.name)!]);
    });
    return { postgres, kafka, services: servicePorts, instances };
  };
  if (options.freePorts) {
    // All at once, so that no two servers of this stack are given the same port.
    const [postgres, kafka, ...others] = await findFreePorts(2 + services.length + balanced);
    services.forEach((service, i) => servicePorts.set(service.name, others[i]));
    return withInstances(postgres, kafka, others.slice(services.length));
  }
  const hint = 'Is another `npm start` still running? Stop it, or run with BCCI_FREE_PORTS=1 to use free ports.';
  if (!options.externalPostgresAdminUrl) {
    await assertPortFree(options.postgresPort, 'embedded PostgreSQL', `Set BCCI_POSTGRES_PORT to another port. ${hint}`);
  }
  if (!options.externalKafkaBrokers) {
    await assertPortFree(options.kafkaPort, 'embedded Kafka broker', `Stop what holds it (a local Kafka, \`npm run broker\`), set BCCI_KAFKA_PORT, or point KAFKA_BROKERS at that Kafka. ${hint}`);
  }
  for (const service of services) {
    await assertPortFree(service.port, `service ${service.name}`, hint);
    servicePorts.set(service.name, service.port);
  }
  return withInstances(options.postgresPort, options.kafkaPort, balanced > 0 ? await findFreePorts(balanced) : []);
}

/** The launcher's environment minus what would confuse a service (test runner markers, our own knobs). */
function inheritedEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The test clock's offset (BCCI_TEST_NOW, see @bcci/kernel's systemClock) is the one BCCI_ knob services read.
    if (key === CLOCK_OFFSET_ENV && value) {
      env[key] = value;
      continue;
    }
    if (value === undefined || key.startsWith('JEST_') || key.startsWith('BCCI_') || key === 'DATABASE_ADMIN_URL') continue;
    env[key] = value;
  }
  return env;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * BCCI_POSTGRES_SETTINGS: extra `name=value` settings for the embedded PostgreSQL, separated by spaces
 * (e.g. `shared_preload_libraries=pg_stat_statements` to see which statements cost it most, see
 * docs/benchmarks.md). Unset: PostgreSQL's defaults.
 */
function postgresSettingsFrom(env: NodeJS.ProcessEnv): string[] {
  const settings = env.BCCI_POSTGRES_SETTINGS?.trim();
  if (!settings) return [];
  return settings.split(/\s+/).flatMap((setting) => {
    if (!/^[\w.]+=\S+$/.test(setting)) throw new Error(`BCCI_POSTGRES_SETTINGS: '${setting}' is not name=value`);
    return ['-c', setting];
  });
}
