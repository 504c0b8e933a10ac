// deploy/k8s cannot be applied here (no cluster): these checks stand in for it.
import fs from 'node:fs';
import path from 'node:path';
import { TOPIC_DEFAULTS, TOPICS } from '@bcci/contracts';
import {
  ROOT,
  databasesOfInitScript,
  documentedDatabases,
  documentedServices,
  documentedVariables,
  existingServices,
  loadYaml,
  loadYamlDocuments,
  yamlFiles,
} from './deploy-fixtures';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  ports: Array<{ name: string; containerPort: number }>;
  env: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec: any; // manifests of many kinds
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const kustomization = loadYaml<{ resources: string[]; namespace: string }>('deploy/k8s/kustomization.yaml');
const applied = kustomization.resources.flatMap((file) => loadYamlDocuments<Resource>(path.join('deploy/k8s', file)));
const find = (kind: string, name: string) => applied.find((r) => r.kind === kind && r.metadata.name === name);
const configMap = find('ConfigMap', 'bcci-config');
const deployments = applied.filter((r) => r.kind === 'Deployment').map((r) => r.metadata.name);
const exampleSecrets = loadYamlDocuments<Resource>('deploy/k8s/secrets.example.yaml');

describe('Kubernetes: kustomization', () => {
  it('applies every manifest except the examples and the optional monitoring, all in one namespace', () => {
    const manifests = yamlFiles('deploy/k8s')
      .map((f) => path.relative('deploy/k8s', f))
      .filter((f) => !['kustomization.yaml', 'secrets.example.yaml', 'monitoring.yaml'].includes(f));
    expect([...kustomization.resources].sort()).toEqual(manifests.sort());
    for (const resource of applied.filter((r) => r.kind !== 'Namespace')) expect(resource.metadata.namespace).toBe(kustomization.namespace);
  });
});

describe('Kubernetes: the services', () => {
  it('declares a Deployment for every service that exists under services/, and only services of docs/architecture.md', () => {
    expect(existingServices().filter((name) => !deployments.includes(name))).toEqual([]);
    const documented = documentedServices().map((s) => s.name);
    expect(deployments.filter((name) => !documented.includes(name))).toEqual([]);
    for (const name of deployments) expect(fs.existsSync(path.join(ROOT, 'deploy/k8s/services', `${name}.yaml`))).toBe(true);
  });

  it.each(deployments)('%s: port, probes, resources and the variables of docs/architecture.md', (name) => {
    const documented = documentedServices().find((s) => s.name === name);
    expect(documented?.port).toEqual(expect.any(Number));
    const deployment = find('Deployment', name);
    const container: Container = deployment?.spec.template.spec.containers[0];
    expect(container.image).toBe('bcci-channel:latest');
    expect(container.ports).toEqual([{ name: 'http', containerPort: documented?.port }]);
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(container.resources?.requests?.cpu).toBeTruthy();
    expect(container.resources?.limits?.memory).toBeTruthy();
    expect(deployment?.spec.template.spec.securityContext.runAsNonRoot).toBe(true);

    const env = Object.fromEntries(container.env.map((e) => [e.name, e]));
    expect(env.SERVICE.value).toBe(name);
    expect(env.PORT.value).toBe(String(documented?.port));
    if (documented?.database) expect(env.DATABASE_URL?.valueFrom?.secretKeyRef).toEqual({ name: 'bcci-database-urls', key: name });
    else expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_JWT_SECRET?.valueFrom?.secretKeyRef ?? env.AUTH_JWT_PUBLIC_KEY?.valueFrom?.secretKeyRef).toEqual({ name: 'bcci-auth', key: expect.any(String) });
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'bcci-config' } }]);
    const variables = [...Object.keys(env), ...Object.keys(configMap?.data ?? {})];
    expect(variables.filter((v) => ![...documentedVariables(name), 'SERVICE'].includes(v))).toEqual([]);

    const databaseUrls = exampleSecrets.find((s) => s.metadata.name === 'bcci-database-urls');
    if (documented?.database) expect(new URL(databaseUrls?.stringData?.[name] ?? 'x:').pathname).toBe(`/${documented.database}`);
    else expect(databaseUrls?.stringData?.[name]).toBeUndefined();

    const service = find('Service', name);
    expect(service?.spec.selector).toEqual({ 'app.kubernetes.io/name': name });
    expect(service?.spec.ports).toEqual([{ name: 'http', port: documented?.port, targetPort: 'http' }]);
  });

  it.each(deployments)('%s: no more replicas than the partitions of any topic it consumes (a replica beyond them would wait idle)', (name) => {
    const replicas: number = find('Deployment', name)?.spec.replicas;
    const consumed = TOPICS.filter((topic) => topic.consumers.includes(name));
    expect(replicas).toBeGreaterThanOrEqual(1);
    expect(consumed.filter((topic) => topic.partitions < replicas).map((topic) => `${topic.name}: ${topic.partitions} partitions`)).toEqual([]);
  });

  it('shares HOST, LOG_LEVEL and the bootstrap address of the Strimzi cluster through bcci-config', () => {
    const cluster = find('Kafka', 'bcci-kafka');
    expect(configMap?.data?.HOST).toBe('0.0.0.0');
    expect(configMap?.data?.LOG_LEVEL).toBeTruthy();
    const plain = cluster?.spec.kafka.listeners.find((l: { tls: boolean }) => !l.tls);
    expect(configMap?.data?.KAFKA_BROKERS).toBe(`${cluster?.metadata.name}-kafka-bootstrap.${cluster?.metadata.namespace}.svc:${plain.port}`);
  });
});

describe('Kubernetes: Kafka (Strimzi) and PostgreSQL', () => {
  it('runs a KRaft cluster with enough nodes for the declared replication, without auto-creation', () => {
    const cluster = find('Kafka', 'bcci-kafka');
    expect(cluster?.metadata.annotations).toMatchObject({ 'strimzi.io/kraft': 'enabled', 'strimzi.io/node-pools': 'enabled' });
    const pools = applied.filter((r) => r.kind === 'KafkaNodePool');
    const brokers = pools.filter((p) => p.spec.roles.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0);
    const controllers = pools.filter((p) => p.spec.roles.includes('controller')).reduce((n, p) => n + p.spec.replicas, 0);
    expect(brokers).toBeGreaterThanOrEqual(TOPIC_DEFAULTS.replicationFactor);
    expect(controllers % 2).toBe(1);
    const config = cluster?.spec.kafka.config;
    expect(config['auto.create.topics.enable']).toBe(false);
    expect(String(config['min.insync.replicas'])).toBe(TOPIC_DEFAULTS.config['min.insync.replicas']);
    expect(config['default.replication.factor']).toBe(TOPIC_DEFAULTS.replicationFactor);
    // Strimzi's topic operator turns the generated KafkaTopic resources into topics.
    expect(cluster?.spec.entityOperator.topicOperator).toEqual({});
  });

  it('creates the same databases in the in-cluster PostgreSQL as in Compose, one per documented service', () => {
    const init = find('ConfigMap', 'bcci-postgres-init')?.data?.['10-init-databases.sh'] ?? '';
    const expected = documentedDatabases().sort();
    expect(databasesOfInitScript(init).sort()).toEqual(expected);
    const statefulSet = find('StatefulSet', 'bcci-postgres');
    expect(statefulSet?.spec.template.spec.containers[0].image).toMatch(/^postgres:18(\.|$|-)/);
  });
});
