#!/usr/bin/env node
// Creates the topics declared in contracts/topics.json (every stream and its dead-letter topic) on any
// Kafka-protocol cluster: Apache Kafka in Compose, a managed cluster, or the project's broker. Idempotent:
// existing topics are kept, raised to the declared partition count when they have fewer, and their
// declared configuration is re-applied. Partitions are never reduced (Kafka cannot).
//
//   node deploy/scripts/create-topics.mjs [--brokers host:port,...] [--topics file] [--replication-factor n]
//        [--config key=value ...] [--agency <agencyId> ...] [--plan] [--wait-seconds n]
//
// Environment: KAFKA_BROKERS (default localhost:9092), TOPICS_FILE, TOPIC_REPLICATION_FACTOR,
// TOPIC_MIN_INSYNC_REPLICAS (a single-broker cluster needs 1, as min.insync.replicas must not exceed the
// replication factor). --plan prints the plan as JSON without connecting.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_TOPICS_FILE = path.resolve(HERE, '..', '..', 'contracts', 'topics.json');

function parseArgs(argv, env) {
  const options = {
    brokers: (env.KAFKA_BROKERS ?? 'localhost:9092').split(',').map((b) => b.trim()).filter(Boolean),
    topicsFile: env.TOPICS_FILE ?? DEFAULT_TOPICS_FILE,
    replicationFactor: env.TOPIC_REPLICATION_FACTOR ? Number(env.TOPIC_REPLICATION_FACTOR) : undefined,
    configOverrides: env.TOPIC_MIN_INSYNC_REPLICAS ? { 'min.insync.replicas': env.TOPIC_MIN_INSYNC_REPLICAS } : {},
    agencies: [],
    planOnly: false,
    waitSeconds: Number(env.TOPICS_WAIT_SECONDS ?? 120),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--brokers') options.brokers = value().split(',').map((b) => b.trim()).filter(Boolean);
    else if (arg === '--topics') options.topicsFile = path.resolve(value());
    else if (arg === '--replication-factor') options.replicationFactor = Number(value());
    else if (arg === '--config') {
      const [key, ...rest] = value().split('=');
      if (!key || rest.length === 0) throw new Error('--config expects key=value');
      options.configOverrides[key] = rest.join('=');
    } else if (arg === '--agency') options.agencies.push(value());
    else if (arg === '--plan') options.planOnly = true;
    else if (arg === '--wait-seconds') options.waitSeconds = Number(value());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.replicationFactor !== undefined && !(Number.isInteger(options.replicationFactor) && options.replicationFactor >= 1)) {
    throw new Error('the replication factor must be a positive integer');
  }
  return options;
}

/**
 * The topics to create, from the declarations alone: each stream, its dead-letter topic, and the
 * per-agency topics asked for. Configuration = defaults.config, then the topic's own, then overrides.
 */
export function planTopics(declarations, { replicationFactor, configOverrides = {}, agencies = [] } = {}) {
  const rf = replicationFactor ?? declarations.defaults.replicationFactor;
  const configOf = (own) => ({ ...declarations.defaults.config, ...own, ...configOverrides });
  const plan = [];
  for (const topic of declarations.topics) {
    plan.push({ topic: topic.name, numPartitions: topic.partitions, replicationFactor: rf, config: configOf(topic.config) });
    const dlq = topic.deadLetter;
    plan.push({ topic: dlq.name, numPartitions: dlq.partitions, replicationFactor: rf, config: configOf(dlq.config) });
  }
  for (const agencyId of agencies) {
    const pattern = declarations.topicPatterns.find((p) => p.parameter.name === 'agencyId');
    if (!pattern) throw new Error('topics.json declares no per-agency topic pattern');
    if (!new RegExp(pattern.parameter.pattern).test(agencyId)) throw new Error(`invalid agency id ${agencyId}`);
    const name = pattern.pattern.replace('{agencyId}', agencyId);
    plan.push({ topic: name, numPartitions: pattern.partitions, replicationFactor: rf, config: configOf(pattern.config) });
  }
  const minIsr = Number(plan[0]?.config['min.insync.replicas'] ?? 1);
  if (minIsr > rf) {
    throw new Error(`min.insync.replicas=${minIsr} exceeds the replication factor ${rf}: producers with acks=all would be refused (set TOPIC_MIN_INSYNC_REPLICAS)`);
  }
  return plan;
}

async function waitForCluster(admin, plan, waitSeconds) {
  const needed = Math.max(...plan.map((t) => t.replicationFactor));
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      const { brokers } = await admin.describeCluster();
      if (brokers.length >= needed) return brokers.length;
      console.log(`waiting for ${needed} brokers (${brokers.length} up)`);
    } catch (error) {
      console.log(`waiting for the cluster: ${error.message}`);
    }
    if (Date.now() > deadline) throw new Error(`the cluster did not offer ${needed} brokers within ${waitSeconds}s`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function apply(plan, brokers, waitSeconds) {
  // kafkajs is a dependency of the repository root; resolve it from here so the script runs from any cwd.
  const { Kafka, logLevel } = createRequire(import.meta.url)('kafkajs');
  const kafka = new Kafka({ clientId: 'bcci-create-topics', brokers, logLevel: logLevel.WARN, retry: { retries: 10 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const brokerCount = await waitForCluster(admin, plan, waitSeconds);
    const existing = new Set(await admin.listTopics());
    const missing = plan.filter((t) => !existing.has(t.topic));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.topic,
          numPartitions: t.numPartitions,
          replicationFactor: t.replicationFactor,
          configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const present = plan.filter((t) => existing.has(t.topic));
    if (present.length) {
      const metadata = await admin.fetchTopicMetadata({ topics: present.map((t) => t.topic) });
      const grow = present
        .map((t) => ({ t, count: metadata.topics.find((m) => m.name === t.topic)?.partitions.length ?? 0 }))
        .filter(({ t, count }) => count < t.numPartitions);
      if (grow.length) await admin.createPartitions({ topicPartitions: grow.map(({ t }) => ({ topic: t.topic, count: t.numPartitions })) });
      for (const { t, count } of grow) console.log(`${t.topic}: partitions ${count} -> ${t.numPartitions}`);
      try {
        await admin.alterConfigs({
          validateOnly: false,
          resources: present.map((t) => ({
            type: 2, // ConfigResourceTypes.TOPIC
            name: t.topic,
            configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })),
          })),
        });
      } catch (error) {
        // The project's embedded broker has no AlterConfigs; Apache Kafka has. Creation already applied them.
        if (error.type !== 'UNSUPPORTED_VERSION' && !/does not support/i.test(error.message)) throw error;
        console.log(`configuration of existing topics not re-applied: ${error.message}`);
      }
    }
    for (const t of plan) {
      console.log(`${existing.has(t.topic) ? 'kept   ' : 'created'} ${t.topic} partitions=${t.numPartitions} rf=${t.replicationFactor}`);
    }
    console.log(`topics ready: ${plan.length} declared, ${missing.length} created, ${brokerCount} broker(s)`);
  } finally {
    await admin.disconnect();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2), process.env);
  const declarations = JSON.parse(fs.readFileSync(options.topicsFile, 'utf8'));
  const plan = planTopics(declarations, options);
  if (options.planOnly) {
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return;
  }
  await apply(plan, options.brokers, options.waitSeconds);
}

main().catch((error) => {
  console.error(`create-topics failed: ${error.message}`);
  process.exit(1);
});
