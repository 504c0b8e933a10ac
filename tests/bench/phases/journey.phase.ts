import { performance } from 'node:perf_hooks';
import { issueDevToken } from '@bcci/auth';
import { EventType } from '@bcci/contracts';
import type { E2eStack } from '../../support/e2e-stack';
import { EventReader, subjectOf, typeOf } from '../../support/event-reader';
import { JOURNEY_TOPICS } from '../../support/journey-events';
import {
  agencyDecision,
  agencyView,
  carryToAgency,
  deliverResult,
  digitize,
  PAPER_RESULT,
  pickUpResult,
  registerDossier,
  returnOf,
  signHandoverRecord,
} from '../../support/journey-steps';
import type { BenchContext, BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { ms, perSecond, summarize } from '../latency-stats';
import { ConsumerProgress } from './consumer-progress';
import { PostgresStatements } from './postgres-statements';
import { waitForPipelineIdle } from './pipeline-drain';
import { timelineLag } from './timeline-lag';
import { WorkCounter, workPerUnit } from './work-counter';

/**
 * The milestones of a form-3 dossier, in journey order, as read on Kafka: each stage is the time between
 * two consecutive milestones' arrival at the benchmark's reader, so it holds the services' work, the
 * outbox relays, the consumers and the step the person or agency takes (done at once by the benchmark,
 * which waits for the previous step's event on Kafka; digitization announces nothing when it learns of
 * a dossier, so for it the benchmark waits until digitization's consumer group committed past the
 * registration).
 */
const MILESTONES = [
  { type: EventType.DossierRegistered, stage: 'registered' },
  { type: EventType.DossierDigitized, stage: 'intake → digitized' },
  { type: EventType.DossierPublishedToAgency, stage: 'digitized → published to the agency' },
  { type: EventType.HandoverRecordSigned, stage: 'published → handover signed (filing)' },
  { type: EventType.ResultIssued, stage: 'filed → result issued' },
  { type: EventType.ReturnLegOpened, stage: 'result issued → return leg opened' },
  { type: EventType.ResultDelivered, stage: 'return leg → delivered' },
] as const;

export const JOURNEY_SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns'];

/**
 * After `--journey-warmup` unmeasured dossiers, `--journeys` form-3 dossiers through every stage with
 * `--journey-concurrency` travelling at once: the clerk registers, the operator digitizes, the courier
 * scans and records the handover, the agency signs and issues the result over the gateway's HTTP API, the
 * courier picks up and delivers. Reports dossiers/s completed, p50/p99 per stage and end to end (Kafka
 * arrival times), CPU seconds per process, and, when tracking runs, the lag from each event's time to its
 * entry in tracking's timeline.
 */
export const journeyPhase: BenchPhase = {
  name: 'journey',
  title: 'the whole journey: registration → digitization → forwarding → agency decision → delivery',
  requiredServices: JOURNEY_SERVICES,
  async run(context) {
    if (context.urls['agency-simulator']) {
      return {
        lines: ['skipped: the agency simulator runs in this stack and would race the benchmark for the agency decisions (start the bench stack without it)'],
        metrics: {},
      };
    }
    const { journeys, journeyConcurrency } = context.options;
    const stack = benchStackView(context);
    const procedure = context.catalog.at(new Date()).bcciProcedures().find((p) => p.bcciServiceForms.includes(3) && p.code === '2.000488') ??
      context.catalog.at(new Date()).bcciProcedures().find((p) => p.bcciServiceForms.includes(3));
    if (!procedure) throw new Error('the catalog offers no form-3 procedure today');
    const agency = context.catalog.at(new Date()).getCompetentAgency(procedure.code);
    const agencyToken = issueDevToken({ role: 'agency', agencyId: agency.id, subject: 'bench-agency-system' }, context.authJwtSecret);

    context.progress('waiting for the pipeline to digest what earlier phases left (consumer groups at the end of their topics)');
    const behind = await waitForPipelineIdle(context, 300_000);
    if (behind > 0) context.progress(`  still ${behind} messages behind after 5 min: starting anyway`);
    const reader = await EventReader.open(context.kafkaBrokers, JOURNEY_TOPICS, { fromBeginning: false });
    // Digitization announces nothing when it learns of a dossier: its consumer group's committed offset
    // past the registration says it has (read on Kafka, instead of asking digitization over HTTP).
    const digitizationProgress = await ConsumerProgress.open(context.kafkaBrokers, 'bcci.digitization');
    const registrations = new Map<string, { topic: string; partition: number; offset: string }>();
    const milestones = new Map<string, Map<string, number>>();
    // Event time → on Kafka (this reader): the producers' outbox relays' share of tracking's lag.
    const onKafkaLagMs: number[] = [];
    reader.onEvent((record) => {
      const id = subjectOf(record);
      const type = typeOf(record);
      if (!id || !type) return;
      const time = Date.parse(String((record.value as { time?: unknown }).time));
      if (Number.isFinite(time)) onKafkaLagMs.push(Math.max(0, record.receivedAt - time));
      let seen = milestones.get(id);
      if (!seen) milestones.set(id, (seen = new Map()));
      if (!seen.has(type)) seen.set(type, record.receivedAt);
      if (type === EventType.DossierRegistered) registrations.set(id, record);
      const key = `${id} ${type}`;
      for (const wake of waiting.get(key) ?? []) wake();
      waiting.delete(key);
    });
    // The next step's service has done its part once its event is on Kafka: wait for that event instead
    // of polling the service (the polls would be counted as the journey's cost).
    const waiting = new Map<string, Array<() => void>>();
    const untilEvent = (dossierId: string, type: string) =>
      new Promise<void>((resolve, reject) => {
        if (milestones.get(dossierId)?.has(type)) return resolve();
        const timer = setTimeout(() => reject(new Error(`no ${type} for ${dossierId} on Kafka within 120 s`)), 120_000);
        const key = `${dossierId} ${type}`;
        waiting.set(key, [
          ...(waiting.get(key) ?? []),
          () => {
            clearTimeout(timer);
            resolve();
          },
        ]);
      });

    const failures: string[] = [];
    const ids: string[] = [];
    let next = 0;
    let delivered = 0;
    const journeyOf = async (n: number) => {
      const dossier = await registerDossier(stack, { form: 3, procedureCode: procedure.code, n: 700_000 + n + Math.floor(Math.random() * 200_000) });
      ids.push(dossier.id);
      await untilEvent(dossier.id, EventType.DossierRegistered);
      const registration = registrations.get(dossier.id)!;
      await digitizationProgress.past(registration.topic, registration.partition, registration.offset, `the registration of ${dossier.id}`);
      await digitize(stack, dossier.id, { knownToDigitization: true });
      await untilEvent(dossier.id, EventType.PostalLegOpened);
      await carryToAgency(stack, dossier.id);
      await signHandoverRecord(stack, [dossier]);
      await untilEvent(dossier.id, EventType.DossierPublishedToAgency);
      await agencyView(stack, dossier.id, agencyToken);
      await agencyDecision(stack, dossier.id, agencyToken, 'handover-signature');
      // RECEIVED needs the agency's signature and the post's record both applied at the gateway: one read
      // after the acknowledgement, polled only if the record is still on its way.
      await untilEvent(dossier.id, EventType.HandoverAcknowledged);
      await agencyView(stack, dossier.id, agencyToken, 'RECEIVED');
      await agencyDecision(stack, dossier.id, agencyToken, 'result', PAPER_RESULT);
      await untilEvent(dossier.id, EventType.ReturnLegOpened);
      await returnOf(stack, dossier.id, context.tokens.courier);
      await pickUpResult(stack, dossier.id, context.tokens.courier);
      await deliverResult(stack, dossier.id, context.tokens.courier);
      delivered++;
    };

    /** Every dossier started so far has its result delivered (as read on Kafka). */
    const allDelivered = () => ids.every((id) => milestones.get(id)?.has(EventType.ResultDelivered));

    /** Journeys numbered from `next` until `until`, `journeyConcurrency` at a time. */
    const runJourneys = (until: number) => {
      const worker = async () => {
        while (next < until) {
          const n = next++;
          try {
            await journeyOf(n);
          } catch (error) {
            failures.push((error as Error).message.slice(0, 300));
          }
        }
      };
      return Promise.all(Array.from({ length: Math.max(0, Math.min(journeyConcurrency, until - next)) }, worker));
    };

    let postgresStatements: PostgresStatements | undefined;
    try {
      const { journeyWarmup } = context.options;
      if (journeyWarmup > 0) {
        // The first dossiers after a start pay for what a running system has done long ago: compiling the
        // event schemas, the JIT, each pooled connection's prepared statements. Measured, they made a short
        // run's CPU per dossier 30-40 % higher than a warmed-up one's (240 against 187, 205 against 146 ms).
        context.progress(`warm-up: ${journeyWarmup} dossiers through the journey, not measured`);
        await runJourneys(journeyWarmup);
        await settle(allDelivered, 30_000);
        if (failures.length > 0) context.progress(`  warm-up: ${failures.length} of ${journeyWarmup} failed (first: ${failures[0]})`);
        await waitForPipelineIdle(context, 120_000);
        ids.length = 0;
        failures.length = 0;
        delivered = 0;
        onKafkaLagMs.length = 0;
      }
      context.progress(`${journeys} dossiers of procedure ${procedure.code} (agency ${agency.id}), ${journeyConcurrency} travelling at once`);
      const work = new WorkCounter(context);
      const workBefore = await work.snapshot();
      postgresStatements = await PostgresStatements.open(context.databaseAdminUrl);
      const cpu = new CpuMeter(context.processes);
      const started = Date.now();
      const ticker = setInterval(() => context.progress(`  ${delivered}/${journeys} delivered, ${failures.length} failed, ${perSecond(delivered, Date.now() - started).toFixed(1)} dossiers/s`), 2000);
      await runJourneys(next + journeys);
      clearInterval(ticker);
      // The last delivery's event still has to cross returns' outbox and reach the reader.
      await settle(allDelivered, 30_000);
      const lastDelivered = Math.max(started, ...ids.map((id) => milestones.get(id)?.get(EventType.ResultDelivered) ?? 0));
      const elapsed = lastDelivered - started;
      // What the dossiers cost includes the consumers still catching up (tracking lags): read the CPU and
      // the work counters once every group reached the end of its topics, and PostgreSQL's statistics
      // (flushed about every second) were written.
      const behind = await waitForPipelineIdle(context, 120_000);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const cpuReport = cpu.report();
      const cpuPerDossier = cpu.perUnit(delivered);
      const perDossier = workPerUnit(workBefore, await work.snapshot(), delivered);

      const lines = [
        `dossiers            ${journeys} started, ${delivered} delivered, ${failures.length} failed, in ${(elapsed / 1000).toFixed(1)} s`,
        `dossiers/s          ${perSecond(delivered, elapsed).toFixed(1)} completed through every stage`,
      ];
      const metrics: Record<string, number> = { dossiersPerSecond: perSecond(delivered, elapsed), delivered, failed: failures.length };
      for (let i = 1; i < MILESTONES.length; i++) {
        const from = MILESTONES[i - 1]!.type;
        const to = MILESTONES[i]!.type;
        const values = ids.flatMap((id) => {
          const seen = milestones.get(id);
          const a = seen?.get(from);
          const b = seen?.get(to);
          return a !== undefined && b !== undefined ? [Math.max(0, b - a)] : [];
        });
        const s = summarize(values);
        lines.push(`${MILESTONES[i]!.stage.padEnd(40)} p50 ${ms(s.p50)}, p99 ${ms(s.p99)} (${s.count})`);
        metrics[`stage${i}P50Ms`] = s.p50;
        metrics[`stage${i}P99Ms`] = s.p99;
      }
      const endToEnd = summarize(
        ids.flatMap((id) => {
          const seen = milestones.get(id);
          const a = seen?.get(EventType.DossierRegistered);
          const b = seen?.get(EventType.ResultDelivered);
          return a !== undefined && b !== undefined ? [b - a] : [];
        }),
      );
      lines.push(`${'end to end (registered → delivered)'.padEnd(40)} p50 ${ms(endToEnd.p50)}, p99 ${ms(endToEnd.p99)} (${endToEnd.count})`);
      lines.push(`CPU seconds         ${cpuReport}`);
      lines.push(`CPU ms per dossier  ${cpuPerDossier.line}${behind > 0 ? ` (${behind} messages still unconsumed after 2 min)` : ''}`);
      lines.push(
        `work per dossier    ${perDossier.commits.toFixed(1)} PostgreSQL commits, ${perDossier.produced.toFixed(1)} messages produced, ${perDossier.consumed.toFixed(1)} consumed, ${perDossier.httpCalls.toFixed(1)} HTTP calls`,
      );
      lines.push(`  produced by topic ${perDossier.producedByTopic.map(([topic, n]) => `${topic.replace(/^bcci\.|\.v1$/g, '')} ${n.toFixed(1)}`).join(', ')}`);
      lines.push(`  consumed by topic ${perDossier.consumedByTopic.map(([topic, n]) => `${topic.replace(/^bcci\.|\.v1$/g, '')} ${n.toFixed(1)}`).join(', ')}`);
      lines.push(...(postgresStatements ? await postgresStatements.report(delivered) : [PostgresStatements.notMeasured]));
      metrics.cpuMsPerDossier = cpuPerDossier.total;
      metrics.commitsPerDossier = perDossier.commits;
      metrics.producedPerDossier = perDossier.produced;
      metrics.consumedPerDossier = perDossier.consumed;
      metrics.httpCallsPerDossier = perDossier.httpCalls;
      metrics.endToEndP50Ms = endToEnd.p50;
      metrics.endToEndP99Ms = endToEnd.p99;
      if (failures.length > 0) lines.push(`first failure       ${failures[0]}`);

      if (context.urls.tracking) {
        context.progress('waiting for tracking to hold every event of these dossiers');
        const expected = reader.all().filter((r) => r.topic !== 'bcci.agency.decisions.v1' && ids.includes(subjectOf(r) ?? '')).length;
        const lag = await timelineLag(context, ids, expected);
        lines.push(`tracking timeline   event time → timeline entry p50 ${ms(lag.p50)}, p99 ${ms(lag.p99)}, max ${ms(lag.max)} (${lag.count} of ${expected} events, at the journey's load)`);
        const onKafka = summarize(onKafkaLagMs);
        lines.push(`  of which on Kafka event time → read by the bench p50 ${ms(onKafka.p50)}, p99 ${ms(onKafka.p99)} (the producers' outbox relays and the broker)`);
        metrics.onKafkaLagP99Ms = onKafka.p99;
        metrics.timelineLagP50Ms = lag.p50;
        metrics.timelineLagP99Ms = lag.p99;
      } else {
        lines.push('tracking timeline   not measured (tracking is not running)');
      }
      return { lines, metrics };
    } finally {
      await reader.close();
      await digitizationProgress.close();
      // Its connection would otherwise keep the bench from exiting after a failed phase.
      await postgresStatements?.close();
    }
  },
};

/** What the end-to-end suites' journey steps read of their stack, from the benchmark's context. */
function benchStackView(context: BenchContext): E2eStack {
  return {
    urls: context.urls,
    tokens: context.tokens,
    kafkaBrokers: context.kafkaBrokers,
    services: Object.keys(context.urls),
    stack: { catalog: context.catalog, authJwtSecret: context.authJwtSecret },
  } as unknown as E2eStack;
}

async function settle(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}
