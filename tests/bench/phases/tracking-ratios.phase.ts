import { performance } from 'node:perf_hooks';
// Tracking's own bulk loader (as its integration tests use it): the facts and daily counts exactly as its
// projection shapes them. tests/ drives services from outside; this is its one reach into a service's code.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { loadSyntheticFacts } from '../../../services/tracking/src/counting/bench/load-synthetic-facts';
import type { BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';
import { BenchHttpClient } from '../http-client';
import { ms, summarize } from '../latency-stats';
import { openTrackingDatabase } from './tracking-database';

/**
 * GET /ratios for a province-year after loading `--ratio-facts` synthetic dossier facts (tracking's own
 * loader: facts and daily counts as the projection leaves them) into tracking's database: p50/p99 over
 * `--ratio-queries` sequential calls, after 10 unmeasured ones. The province is the operations token's.
 */
export const trackingRatiosPhase: BenchPhase = {
  name: 'tracking-ratios',
  title: 'tracking: the BCCI ratio query for a province-year with ≥ 1 million dossiers',
  requiredServices: ['tracking'],
  async run(context) {
    const { ratioFacts, ratioYear, ratioQueries } = context.options;
    const db = await openTrackingDatabase(context);
    const lines: string[] = [];
    let factCount = 0;
    try {
      if (ratioFacts > 0) {
        context.progress(`loading ${ratioFacts.toLocaleString('en')} synthetic dossier facts of ${ratioYear} into tracking`);
        const started = performance.now();
        let lastPrinted = 0;
        const loaded = await loadSyntheticFacts(db, {
          count: ratioFacts,
          year: ratioYear,
          catalog: context.catalog,
          seed: Date.now() % 1_000_000,
          onProgress: (inserted) => {
            if (inserted - lastPrinted >= 50_000 || inserted === ratioFacts) {
              lastPrinted = inserted;
              const rate = inserted / ((performance.now() - started) / 1000);
              context.progress(`  ${inserted.toLocaleString('en')}/${ratioFacts.toLocaleString('en')} facts, ${Math.round(rate)}/s`);
            }
          },
        });
        lines.push(`loaded              ${loaded.facts.toLocaleString('en')} facts (${loaded.countRows.toLocaleString('en')} daily count rows) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      const [facts] = (await db.query(`SELECT count(*)::int AS n FROM counting_dossier_facts`)) as Array<{ n: number }>;
      factCount = facts!.n;
      lines.push(`facts in tracking   ${factCount.toLocaleString('en')}`);
    } finally {
      await db.destroy();
    }

    const http = new BenchHttpClient(1);
    try {
      const url = `${context.urls.tracking}/ratios?period=${ratioYear}&scope=province:15`;
      const get = async () => {
        const t0 = performance.now();
        const answer = await http.getJson(url, { authorization: `Bearer ${context.tokens.operations}` });
        if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
        return { ms: performance.now() - t0, body: answer.body as { ratios?: Array<{ code: string; numerator: number; denominator: number }> } };
      };
      for (let i = 0; i < 10; i++) await get();
      const cpu = new CpuMeter(context.processes.filter((p) => p.name === 'tracking' || p.name === 'postgres'));
      const timings: number[] = [];
      let last;
      for (let i = 0; i < ratioQueries; i++) {
        last = await get();
        timings.push(last.ms);
      }
      const s = summarize(timings);
      const r2 = last?.body.ratios?.find((r) => r.code === 'R2');
      lines.push(`GET /ratios         period=${ratioYear}, scope=province:15: p50 ${ms(s.p50)}, p99 ${ms(s.p99)}, max ${ms(s.max)} over ${s.count} calls${r2 ? ` (R2 numerator ${r2.numerator.toLocaleString('en')})` : ''}`);
      lines.push(`CPU seconds         ${cpu.report()}`);
      return { lines, metrics: { ratioP50Ms: s.p50, ratioP99Ms: s.p99, facts: factCount } };
    } finally {
      http.close();
    }
  },
};
