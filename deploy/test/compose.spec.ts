// deploy/compose/docker-compose.yml cannot run here (no Docker engine): these checks stand in for it.
import { TOPIC_DEFAULTS } from '@bcci/contracts';
import {
  databasesOfInitScript,
  documentedDatabases,
  documentedServices,
  documentedVariables,
  existingServices,
  loadYaml,
  readText,
} from './deploy-fixtures';

interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  volumes?: string[];
  ports?: string[];
}

const compose = loadYaml<{ services: Record<string, ComposeService> }>('deploy/compose/docker-compose.yml');
const services = compose.services;
const brokers = Object.entries(services).filter(([, s]) => s.image?.startsWith('apache/kafka:'));
const appServices = Object.entries(services).filter(([, s]) => s.environment?.SERVICE !== undefined);
const brokerList = brokers.map(([name]) => `${name}:9092`).join(',');

describe('Compose: the services', () => {
  it('declares every service that exists under services/, and only services of docs/architecture.md', () => {
    const declared = appServices.map(([name]) => name);
    expect(existingServices().filter((name) => !declared.includes(name))).toEqual([]);
    const documented = documentedServices().map((s) => s.name);
    expect(declared.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it.each(appServices.map(([name]) => name))('%s has the port, database and variables of docs/architecture.md', (name) => {
    const documented = documentedServices().find((s) => s.name === name);
    expect(documented?.port).toEqual(expect.any(Number)); // a service missing from the architecture table has no port yet
    const service = services[name];
    const env = service.environment ?? {};
    expect(env.SERVICE).toBe(name);
    expect(env.PORT).toBe(String(documented?.port));
    expect(env.HOST).toBe('0.0.0.0');
    if (documented?.database) {
      expect(new URL(env.DATABASE_URL.replace(/\$\{[A-Z_]+\}/g, 'secret')).pathname).toBe(`/${documented.database}`);
      expect(new URL(env.DATABASE_URL.replace(/\$\{[A-Z_]+\}/g, 'secret')).hostname).toBe('postgres');
    } else {
      expect(env.DATABASE_URL).toBeUndefined();
    }
    expect(env.KAFKA_BROKERS).toBe(brokerList);
    expect(env.AUTH_JWT_SECRET ?? env.AUTH_JWT_PUBLIC_KEY).toBeTruthy();
    expect(env.LOG_LEVEL).toBeTruthy();
    // Only the documented variables, plus SERVICE which picks the entry point of the shared image.
    const allowed = [...documentedVariables(name), 'SERVICE'];
    expect(Object.keys(env).filter((key) => !allowed.includes(key))).toEqual([]);
    expect(service.ports).toContain(`127.0.0.1:${documented?.port}:${documented?.port}`);
    expect(service.depends_on).toMatchObject({
      ...(documented?.database ? { postgres: { condition: 'service_healthy' } } : {}),
      'kafka-topics': { condition: 'service_completed_successfully' },
    });
  });
});

describe('Compose: Kafka and topics', () => {
  it('runs enough KRaft brokers for the replication factor of contracts, without auto-creation', () => {
    expect(brokers.length).toBeGreaterThanOrEqual(TOPIC_DEFAULTS.replicationFactor);
    const voters = brokers.map(([name], index) => `${index + 1}@${name}:9093`).join(',');
    const clusterIds = new Set(brokers.map(([, s]) => s.environment?.CLUSTER_ID));
    expect(clusterIds.size).toBe(1);
    brokers.forEach(([name, broker], index) => {
      const env = broker.environment ?? {};
      expect(env.KAFKA_PROCESS_ROLES).toBe('broker,controller');
      expect(env.KAFKA_NODE_ID).toBe(String(index + 1));
      expect(env.KAFKA_CONTROLLER_QUORUM_VOTERS).toBe(voters);
      expect(env.KAFKA_ADVERTISED_LISTENERS).toContain(`PLAINTEXT://${name}:9092`);
      expect(env.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
      expect(env.KAFKA_MIN_INSYNC_REPLICAS).toBe(TOPIC_DEFAULTS.config['min.insync.replicas']);
      expect(Number(env.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR)).toBe(TOPIC_DEFAULTS.replicationFactor);
    });
  });

  it('creates the topics of contracts with create-topics.mjs before any service starts', () => {
    const job = services['kafka-topics'];
    expect(job.command).toEqual(['node', 'deploy/scripts/create-topics.mjs']);
    expect(job.environment?.KAFKA_BROKERS).toBe(brokerList);
    // No replication override: the job applies the declared replication factor and min.insync.replicas.
    expect(job.environment?.TOPIC_REPLICATION_FACTOR).toBeUndefined();
    expect(job.environment?.TOPIC_MIN_INSYNC_REPLICAS).toBeUndefined();
    for (const [name] of brokers) expect(job.depends_on).toMatchObject({ [name]: { condition: 'service_healthy' } });
  });
});

describe('Compose: PostgreSQL, Prometheus, Grafana', () => {
  it('runs PostgreSQL 18 and creates one database per documented service', () => {
    expect(services.postgres.image).toMatch(/^postgres:18(\.|$|-)/);
    expect(services.postgres.volumes).toContain('./postgres/init-databases.sh:/docker-entrypoint-initdb.d/10-init-databases.sh:ro');
    const created = databasesOfInitScript(readText('deploy/compose/postgres/init-databases.sh'));
    expect(created.sort()).toEqual(documentedDatabases().sort());
  });

  it('scrapes /metrics of every service with its service label', () => {
    const prometheus = loadYaml<{ scrape_configs: Array<{ job_name: string; static_configs: Array<{ targets: string[]; labels?: Record<string, string> }> }> }>(
      'deploy/compose/prometheus/prometheus.yml',
    );
    const job = prometheus.scrape_configs.find((c) => c.job_name === 'bcci-services');
    const scraped = (job?.static_configs ?? []).map((c) => ({ target: c.targets.join(','), service: c.labels?.service }));
    const expected = appServices.map(([name]) => ({ target: `${name}:${documentedServices().find((s) => s.name === name)?.port}`, service: name }));
    expect(scraped.sort((a, b) => a.service!.localeCompare(b.service!))).toEqual(expected.sort((a, b) => a.service.localeCompare(b.service)));
  });

  it('provisions the dashboards of deploy/grafana into Grafana', () => {
    const provider = loadYaml<{ providers: Array<{ options: { path: string } }> }>('deploy/compose/grafana/provisioning/dashboards/bcci.yml');
    const mount = services.grafana.volumes?.find((v) => v.startsWith('../grafana/dashboards:'));
    expect(mount?.split(':')[1]).toBe(provider.providers[0].options.path);
  });
});
