import { performance } from 'node:perf_hooks';
import { BenchHttpClient } from '../http-client';
import { ms, perSecond, summarize } from '../latency-stats';
import type { BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { describeTransactions, readRegistrationTransactions } from './registration-transactions';
import { clerksOfPostalPoints, RegisteredEventLag, registerOne, statusCounts, type Registration } from './register-dossiers';

/** Closed loop: `--requests` registrations with `--concurrency` in flight, as fast as intake accepts them. */
export const intakeThroughputPhase: BenchPhase = {
  name: 'intake-throughput',
  title: 'intake: register dossiers over HTTP with concurrency',
  requiredServices: ['intake'],
  async run(context) {
    const { requests, concurrency, warmup } = context.options;
    const http = new BenchHttpClient(concurrency);
    const lag = await RegisteredEventLag.open(context.kafkaBrokers);
    try {
      const clerks = await clerksOfPostalPoints(context, http, context.options.postalPoints);
      context.progress(`postal points: ${clerks.postalCodes.join(', ')}`);
      if (warmup > 0) {
        context.progress(`warm-up: ${warmup} registrations (not measured)`);
        const warm = await runClosedLoop(warmup, concurrency, () => registerOne(context, http, undefined, clerks));
        const failed = warm.filter((r) => r.status !== 201);
        if (failed.length === warm.length) throw new Error(`every warm-up registration failed (${statusCounts(warm)}); first answer: ${failed[0]?.error}`);
      }
      context.progress(`measuring: ${requests} registrations, ${concurrency} in flight`);
      const transactionsBefore = await readRegistrationTransactions(http, context.urls.intake!);
      const cpu = new CpuMeter(context.processes);
      const started = performance.now();
      let done = 0;
      const ticker = setInterval(() => context.progress(`  ${done}/${requests} answered, ${Math.round(perSecond(done, performance.now() - started))}/s`), 1000);
      const results = await runClosedLoop(requests, concurrency, async () => {
        const registration = await registerOne(context, http, undefined, clerks);
        if (registration.dossierId && registration.acceptedAt !== undefined) lag.accepted(registration.dossierId, registration.acceptedAt);
        done++;
        return registration;
      });
      const elapsed = performance.now() - started;
      clearInterval(ticker);
      const cpuReport = cpu.report();
      const transactions = describeTransactions(transactionsBefore, await readRegistrationTransactions(http, context.urls.intake!));

      const accepted = results.filter((r) => r.status === 201);
      context.progress(`waiting for the ${accepted.length} dossier-registered events on Kafka`);
      const missing = await lag.settle(60_000);
      const latency = summarize(accepted.map((r) => r.latencyMs));
      const lagSummary = summarize(lag.lagsMs);
      const acceptedPerSecond = perSecond(accepted.length, elapsed);
      const firstError = results.find((r) => r.status !== 201)?.error;
      return {
        lines: [
          `requests            ${requests} at concurrency ${concurrency} over ${clerks.postalCodes.length} postal point(s) in ${(elapsed / 1000).toFixed(1)} s (${statusCounts(results)})`,
          `accepted/s          ${acceptedPerSecond.toFixed(0)}`,
          `latency (201)       p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}`,
          `outbox→Kafka lag    p50 ${ms(lagSummary.p50)}, p99 ${ms(lagSummary.p99)}, max ${ms(lagSummary.max)} (${lagSummary.count} events matched${missing ? `, ${missing} NOT seen within 60 s` : ''})`,
          `transactions        ${transactions}`,
          `CPU seconds         ${cpuReport}`,
          ...(firstError ? [`first refusal       ${firstError}`] : []),
        ],
        metrics: {
          acceptedPerSecond,
          postalPoints: clerks.postalCodes.length,
          accepted: accepted.length,
          failed: results.length - accepted.length,
          latencyP50Ms: latency.p50,
          latencyP99Ms: latency.p99,
          lagP50Ms: lagSummary.p50,
          lagP99Ms: lagSummary.p99,
          eventsMissing: missing,
        },
      };
    } finally {
      http.close();
      await lag.close();
    }
  },
};

async function runClosedLoop(total: number, concurrency: number, one: () => Promise<Registration>): Promise<Registration[]> {
  const results: Registration[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      results.push(await one());
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return results;
}
