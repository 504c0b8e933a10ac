import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Consumer } from 'kafkajs';
import { Client, Pool } from 'pg';
import type { BenchPhase, PhaseResult } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { perSecond } from '../latency-stats';
import { openThrowawayTopic } from './throwaway-topic';

/** Size of the row each commit writes, and of each message: about a dossier event. */
const PAYLOAD_BYTES = 1024;
const DATABASE = 'bench_box_limit';

/**
 * The machine's own limit for the journey's work, in the same run: the journey phase counted what one
 * dossier cost (commits, messages produced and consumed); this loop does exactly that much per dossier
 * with plain `pg` and `kafkajs`, no framework, as fast as it can with the journey's concurrency:
 * - each commit writes a 1 KB row and an outbox row (or an inbox row, for the commits that stand for
 *   consumed messages) in its own transaction;
 * - the dossier's messages (1 KB, keyed by its id) go to a topic with the relay's producer settings;
 * - consumer groups read them back, as many groups as a message has readers in the journey.
 * The summary divides journey dossiers/s by this loop's dossiers/s.
 */
export const boxLimitPhase: BenchPhase = {
  name: 'box-limit',
  title: 'the machine’s limit: the journey’s commits and messages per dossier, with plain pg and kafkajs',
  requiredServices: [],
  async run(context): Promise<PhaseResult> {
    const journey = context.results.get('journey')?.metrics;
    if (!journey?.commitsPerDossier) {
      return { lines: ['skipped: needs the journey phase in the same run (it counts what a dossier costs)'], metrics: {} };
    }
    const dossiers = Math.max(200, context.options.journeys);
    const concurrency = context.options.journeyConcurrency;
    const commits = Math.round(journey.commitsPerDossier);
    const produced = Math.max(1, Math.round(journey.producedPerDossier));
    const readersPerMessage = Math.max(1, Math.round(journey.consumedPerDossier / journey.producedPerDossier));
    const consumedCommits = Math.min(commits, Math.round(journey.consumedPerDossier));
    context.progress(`${dossiers} dossiers, ${concurrency} at once; each: ${commits} commits (${consumedCommits} with an inbox row), ${produced} messages read by ${readersPerMessage} group(s)`);

    await recreateDatabase(context.databaseAdminUrl);
    const url = new URL(context.databaseAdminUrl);
    url.pathname = `/${DATABASE}`;
    const pool = new Pool({ connectionString: url.toString(), max: 10, application_name: 'bcci-bench-box-limit' });
    // An idle client's error (the server ending it while the pool closes) must not end the bench; a
    // failing query still rejects where it is awaited.
    pool.on('error', (error) => context.progress(`  (box-limit: idle PostgreSQL connection closed: ${error.message})`));
    await pool.query(`CREATE TABLE work (id uuid PRIMARY KEY, dossier_id uuid NOT NULL, payload jsonb NOT NULL);
      CREATE TABLE outbox (id bigserial PRIMARY KEY, payload jsonb NOT NULL, published_at timestamptz);
      CREATE TABLE inbox (consumer text NOT NULL, event_id uuid NOT NULL, PRIMARY KEY (consumer, event_id));`);

    const throwaway = await openThrowawayTopic(context.kafkaBrokers, 'box-limit');
    const { kafka, topic, producer } = throwaway;
    const expected = dossiers * produced;
    const consumedByGroup = new Array<number>(readersPerMessage).fill(0);
    const consumers: Consumer[] = [];
    try {
      for (let g = 0; g < readersPerMessage; g++) {
        const consumer = kafka.consumer({ groupId: `bcci.bench.box-limit.${randomUUID().slice(0, 8)}` });
        await consumer.connect();
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
          eachBatch: async ({ batch }) => {
            consumedByGroup[g]! += batch.messages.length;
          },
        });
        consumers.push(consumer);
      }
      const payload = JSON.stringify({ padding: randomBytes(PAYLOAD_BYTES / 2).toString('hex') });
      const value = Buffer.from(payload);
      const cpu = new CpuMeter(context.processes.filter((p) => p.name === 'broker' || p.name === 'postgres'));
      const started = performance.now();
      let next = 0;
      let done = 0;
      const oneDossier = async () => {
        const dossierId = randomUUID();
        for (let c = 0; c < commits; c++) {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO work (id, dossier_id, payload) VALUES ($1, $2, $3)', [randomUUID(), dossierId, payload]);
            if (c < consumedCommits) await client.query('INSERT INTO inbox (consumer, event_id) VALUES ($1, $2)', ['box-limit', randomUUID()]);
            else await client.query('INSERT INTO outbox (payload) VALUES ($1)', [payload]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }
        await producer.send({ topic, acks: -1, messages: Array.from({ length: produced }, () => ({ key: dossierId, value })) });
      };
      const worker = async () => {
        while (next < dossiers) {
          next++;
          await oneDossier();
          done++;
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const deadline = Date.now() + 120_000;
      while (consumedByGroup.some((count) => count < expected) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      const elapsed = performance.now() - started;
      const dossiersPerSecond = perSecond(done, elapsed);
      const perDossier = cpu.perUnit(done, { clientIsTheSystem: true });
      const unread = consumedByGroup.reduce((sum, count) => sum + Math.max(0, expected - count), 0);
      return {
        lines: [
          `dossiers            ${done} in ${(elapsed / 1000).toFixed(1)} s: ${done * commits} commits, ${done * produced} messages produced, ${consumedByGroup.reduce((a, b) => a + b, 0)} consumed${unread > 0 ? ` (${unread} still unread after 2 min)` : ''}`,
          `dossiers/s          ${dossiersPerSecond.toFixed(1)} (the machine's limit for the journey's commits and messages)`,
          `CPU seconds         ${cpu.report()}`,
          `CPU ms per dossier  ${perDossier.line}`,
        ],
        metrics: { dossiersPerSecond, cpuMsPerDossier: perDossier.total },
      };
    } finally {
      await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
      await throwaway.close();
      await pool.end();
      await dropDatabase(context.databaseAdminUrl);
    }
  },
};

async function recreateDatabase(adminUrl: string): Promise<void> {
  await dropDatabase(adminUrl);
  await onAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${DATABASE}`));
}

async function dropDatabase(adminUrl: string): Promise<void> {
  await onAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
}

async function onAdmin(adminUrl: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: adminUrl, application_name: 'bcci-bench-box-limit' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
