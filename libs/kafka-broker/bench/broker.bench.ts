/**
 * `npm run bench:broker`: throughput and latency of the project's broker with kafkajs, 1 KB messages.
 * The broker runs as its own process so its CPU seconds and memory can be read beside the client's.
 * Options: --messages N (default 200000) --partitions N (default 100) --size BYTES (default 1024)
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { cpuSecondsOf, ownCpuSeconds, percentile, residentMegabytesOf } from './process-stats';

const ROOT = path.resolve(__dirname, '../../..');

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const MESSAGES = option('messages', 200_000);
const PARTITIONS = option('partitions', 100);
const SIZE = option('size', 1024);
const SEND_BATCH = 500;
const IN_FLIGHT = 4;
const LATENCY_SAMPLES = 2000;

async function startBrokerProcess(dataDir: string): Promise<{ pid: number; bootstrap: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/register-ts.cjs'), path.join(ROOT, 'libs/kafka-broker/src/cli.ts'), '--data-dir', dataDir, '--port', '0', '--log-level', 'warn', '--fsync', 'interval'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const bootstrap = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (\S+)/.exec(chunk.toString());
      if (match) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`broker exited with ${code}`)));
  });
  return { pid: child.pid!, bootstrap, stop: () => child.kill('SIGTERM') };
}

interface Phase {
  name: string;
  seconds: number;
  messages: number;
  brokerCpu: number;
  clientCpu: number;
}

async function measure(name: string, brokerPid: number, messages: number, work: () => Promise<void>): Promise<Phase> {
  const brokerCpu0 = cpuSecondsOf(brokerPid);
  const clientCpu0 = ownCpuSeconds();
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  return { name, seconds, messages, brokerCpu: cpuSecondsOf(brokerPid) - brokerCpu0, clientCpu: ownCpuSeconds() - clientCpu0 };
}

function report(phase: Phase): void {
  const rate = phase.messages / phase.seconds;
  console.log(
    `${phase.name.padEnd(28)} ${Math.round(rate).toLocaleString('en-US').padStart(9)} msg/s  ${((rate * SIZE) / 1e6).toFixed(1).padStart(6)} MB/s  ` +
      `broker CPU ${phase.brokerCpu.toFixed(2)} s, client CPU ${phase.clientCpu.toFixed(2)} s (ratio ${(phase.brokerCpu / phase.clientCpu).toFixed(2)})`,
  );
}

async function consumeAll(kafka: Kafka, topic: string, groupId: string, members: number, expected: number): Promise<void> {
  let received = 0;
  const consumers: Consumer[] = [];
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < members; i++) {
      const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, maxBytesPerPartition: 1 << 20 });
      consumers.push(consumer);
      consumer
        .connect()
        .then(() => consumer.subscribe({ topic, fromBeginning: true }))
        .then(() =>
          consumer.run({
            eachBatch: async ({ batch }) => {
              received += batch.messages.length;
              if (received >= expected) resolve();
            },
          }),
        )
        .catch(reject);
    }
  });
  await Promise.all(consumers.map((consumer) => consumer.disconnect()));
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broker-bench-'));
  const broker = await startBrokerProcess(dataDir);
  const kafka = new Kafka({ clientId: 'bench', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  console.log(`broker bench: ${MESSAGES.toLocaleString('en-US')} messages of ${SIZE} B, ${PARTITIONS} partitions, consumer group of 2, ${os.cpus().length} cores`);
  try {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'bench', numPartitions: PARTITIONS }, { topic: 'latency', numPartitions: 1 }] });
    await admin.disconnect();

    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const payload = Buffer.alloc(SIZE, 'x');
    let next = 0;
    const produce = await measure('produce (acks=all)', broker.pid, MESSAGES, async () => {
      const sender = async () => {
        while (next < MESSAGES) {
          const count = Math.min(SEND_BATCH, MESSAGES - next);
          const first = next;
          next += count;
          await producer.send({ topic: 'bench', acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: String(first + i), value: payload })) });
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
    });
    report(produce);

    const consume = await measure('consume (group of 2)', broker.pid, MESSAGES, () => consumeAll(kafka, 'bench', 'bench-readers', 2, MESSAGES));
    report(consume);

    const both = await measure('produce + consume together', broker.pid, MESSAGES * 2, async () => {
      next = 0;
      const consuming = consumeAll(kafka, 'bench', 'bench-live', 2, MESSAGES * 2);
      const sender = async () => {
        while (next < MESSAGES) {
          const count = Math.min(SEND_BATCH, MESSAGES - next);
          const first = next;
          next += count;
          await producer.send({ topic: 'bench', acks: -1, messages: Array.from({ length: count }, (_, i) => ({ key: String(first + i), value: payload })) });
        }
      };
      await Promise.all([...Array.from({ length: IN_FLIGHT }, sender), consuming]);
    });
    report(both);
    const rss = residentMegabytesOf(broker.pid);

    const latencies: number[] = [];
    const consumer = kafka.consumer({ groupId: 'latency', maxWaitTimeInMs: 5000 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'latency', fromBeginning: false });
    let resolveOne: (() => void) | null = null;
    await consumer.run({
      eachMessage: async ({ message }) => {
        latencies.push(performance.now() - Number(message.value!.toString()));
        resolveOne?.();
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      const arrived = new Promise<void>((resolve) => (resolveOne = resolve));
      await producer.send({ topic: 'latency', messages: [{ value: String(performance.now()) }] });
      await arrived;
    }
    await consumer.disconnect();
    await producer.disconnect();
    latencies.sort((a, b) => a - b);
    console.log(`end-to-end latency (produce → consumer, ${LATENCY_SAMPLES} samples): p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`);
    console.log(`broker resident memory after the run: ${rss.toFixed(0)} MB with ${PARTITIONS + 1} partitions`);
  } finally {
    broker.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
