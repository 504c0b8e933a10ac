import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { spawnBroker, waitForExit } from './support/broker-process';
import { eventually } from './support/broker-fixture';

const kafkaFor = (bootstrap: string) =>
  new Kafka({ clientId: 'crash-test', brokers: [bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } });

describe('a broker killed with SIGKILL', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-crash-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged message, the committed offsets and the topics', async () => {
    const first = await spawnBroker(dataDir);
    const kafka = kafkaFor(first.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'journey', numPartitions: 2 }, { topic: 'empty-but-declared' }] });
    await admin.setOffsets({ groupId: 'tracking', topic: 'journey', partitions: [{ partition: 0, offset: '3' }, { partition: 1, offset: '1' }] });
    await admin.disconnect();

    const producer = kafka.producer({ retry: { retries: 0 } });
    await producer.connect();
    const acknowledged: string[] = [];
    let sending = true;
    const loop = (async () => {
      for (let i = 0; sending; i++) {
        try {
          await producer.send({ topic: 'journey', acks: -1, messages: [{ key: `d${i % 7}`, value: `event-${i}` }] });
          acknowledged.push(`event-${i}`);
        } catch {
          return;
        }
      }
    })();
    await eventually('some acknowledged messages', () => acknowledged.length >= 50);
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    sending = false;
    await loop;
    await producer.disconnect().catch(() => undefined);

    const second = await spawnBroker(dataDir);
    const kafka2 = kafkaFor(second.bootstrap);
    const admin2 = kafka2.admin();
    await admin2.connect();
    expect((await admin2.listTopics()).sort()).toEqual(['empty-but-declared', 'journey']);
    const committed = await admin2.fetchOffsets({ groupId: 'tracking', topics: ['journey'] });
    expect(committed[0].partitions.sort((a, b) => a.partition - b.partition).map((p) => p.offset)).toEqual(['3', '1']);
    await admin2.disconnect();

    const found = new Set<string>();
    const consumer = kafka2.consumer({ groupId: 'audit', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: 'journey', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void found.add(message.value!.toString()) });
    await eventually('every acknowledged message', () => acknowledged.every((value) => found.has(value)));
    await consumer.disconnect();
    second.child.kill('SIGTERM');
    expect((await waitForExit(second.child)).code).toBe(0);
  });

  it('refuses a second broker on the same data directory but takes over a dead one\'s lock', async () => {
    const first = await spawnBroker(dataDir);
    await expect(spawnBroker(dataDir)).rejects.toThrow(/in use by broker process/);
    first.child.kill('SIGKILL');
    await waitForExit(first.child);
    const second = await spawnBroker(dataDir);
    second.child.kill('SIGTERM');
    expect((await waitForExit(second.child)).code).toBe(0);
  });

  it('recovers from a segment cut in the middle of a batch', async () => {
    const first = await spawnBroker(dataDir);
    const producer = kafkaFor(first.bootstrap).producer();
    await producer.connect();
    for (let i = 0; i < 3; i++) await producer.send({ topic: 'torn', messages: [{ value: `whole-${i}` }] });
    await producer.disconnect();
    first.child.kill('SIGTERM');
    await waitForExit(first.child);
    const segmentDir = path.join(dataDir, 'logs', 'torn-0');
    const segment = path.join(segmentDir, fs.readdirSync(segmentDir)[0]);
    fs.truncateSync(segment, fs.statSync(segment).size - 5);

    const second = await spawnBroker(dataDir);
    expect(second.output()).toMatch(/recovered torn-0: cut \d+ bytes/);
    const kafka = kafkaFor(second.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    expect(await admin.fetchTopicOffsets('torn')).toEqual([expect.objectContaining({ high: '2' })]);
    await admin.disconnect();
    const producer2 = kafka.producer();
    await producer2.connect();
    const [result] = await producer2.send({ topic: 'torn', messages: [{ value: 'after-recovery' }] });
    expect(result.baseOffset).toBe('2');
    await producer2.disconnect();
    second.child.kill('SIGTERM');
    await waitForExit(second.child);
  });
});
