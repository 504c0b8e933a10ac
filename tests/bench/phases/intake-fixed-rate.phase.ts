import { performance } from 'node:perf_hooks';
import { BenchHttpClient } from '../http-client';
import { ms, perSecond, summarize } from '../latency-stats';
import type { BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { describeTransactions, readRegistrationTransactions } from './registration-transactions';
import { clerksOfPostalPoints, registerOne, statusCounts, type Registration } from './register-dossiers';

/**
 * Open loop at `--rate` requests/s for `--rate-seconds`: each request leaves at its scheduled time
 * whatever the previous ones do, and its latency counts from that scheduled time, so a slow server
 * cannot hide its queueing (no coordinated omission).
 */
export const intakeFixedRatePhase: BenchPhase = {
  name: 'intake-fixed-rate',
  title: 'intake: register dossiers at a fixed rate',
  requiredServices: ['intake'],
  async run(context) {
    const { rate, rateSeconds } = context.options;
    const total = rate * rateSeconds;
    const http = new BenchHttpClient(256);
    context.progress(`${total} registrations at ${rate}/s for ${rateSeconds} s`);
    try {
      const clerks = await clerksOfPostalPoints(context, http, context.options.postalPoints);
      const transactionsBefore = await readRegistrationTransactions(http, context.urls.intake!);
      const cpu = new CpuMeter(context.processes);
      const started = performance.now();
      const pending: Array<Promise<Registration>> = [];
      let answered = 0;
      const ticker = setInterval(() => context.progress(`  ${answered}/${total} answered`), 1000);
      for (let i = 0; i < total; i++) {
        const scheduled = started + (i * 1000) / rate;
        const wait = scheduled - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        pending.push(
          registerOne(context, http, scheduled, clerks).then((r) => {
            answered++;
            return r;
          }),
        );
      }
      const results = await Promise.all(pending);
      const elapsed = performance.now() - started;
      clearInterval(ticker);
      const cpuReport = cpu.report();
      const transactions = describeTransactions(transactionsBefore, await readRegistrationTransactions(http, context.urls.intake!));
      const accepted = results.filter((r) => r.status === 201);
      const latency = summarize(accepted.map((r) => r.latencyMs));
      return {
        lines: [
          `requests            ${total} scheduled at ${rate}/s over ${clerks.postalCodes.length} postal point(s), achieved ${perSecond(results.length, elapsed).toFixed(0)}/s (${statusCounts(results)})`,
          `latency (201)       p50 ${ms(latency.p50)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)} (from the scheduled send time)`,
          `transactions        ${transactions}`,
          `CPU seconds         ${cpuReport}`,
        ],
        metrics: { rate, latencyP50Ms: latency.p50, latencyP99Ms: latency.p99, failed: results.length - accepted.length },
      };
    } finally {
      http.close();
    }
  },
};
