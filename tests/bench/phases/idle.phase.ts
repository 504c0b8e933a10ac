import type { BenchPhase } from '../bench-phase';
import { CpuMeter } from '../cpu-meter';

/** Start-up work (consumer groups joining, first relay polls, compilation) that must end before measuring. */
const SETTLE_MS = 3000;

/**
 * The stack at rest: what each process spends per second while nobody uses it. A deployment is idle
 * most of the night and much of the day, and whatever a process does on its own (timers, polls,
 * heartbeats) is also taken from every busy second. Measured first, before any load has run.
 */
export const idlePhase: BenchPhase = {
  name: 'idle',
  title: "the stack at rest: each process's CPU per second with no load",
  requiredServices: [],
  async run(context) {
    const seconds = context.options.idleSeconds;
    context.progress(`settling for ${SETTLE_MS / 1000} s, then measuring ${seconds} s with no request`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const cpu = new CpuMeter(context.processes);
    for (let elapsed = 0; elapsed < seconds; elapsed++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      if ((elapsed + 1) % 5 === 0 && elapsed + 1 < seconds) context.progress(`${elapsed + 1}/${seconds} s`);
    }
    const perSecond = cpu.perUnit(seconds);
    return {
      lines: [`CPU ms per second  ${perSecond.line}`],
      metrics: { idleCpuMsPerSecond: perSecond.total },
    };
  },
};
