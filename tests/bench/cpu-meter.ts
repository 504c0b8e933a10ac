import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100; // USER_HZ on Linux
const BENCH_CLIENT = 'bench client';

interface ProcStat {
  ppid: number;
  cpuSeconds: number;
  /** CPU of its children that exited and were waited for (PostgreSQL's finished backends). */
  reapedChildrenCpuSeconds: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS,
      reapedChildrenCpuSeconds: (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process and, with `withChildren`, of its direct children (PostgreSQL's backends). */
function cpuSecondsOf(pid: number, withChildren: boolean): number {
  const own = procStat(pid);
  let total = own?.cpuSeconds ?? 0;
  if (withChildren) {
    // Backends that exited during the phase are in the postmaster's reaped-children time.
    total += own?.reapedChildrenCpuSeconds ?? 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === pid) total += stat.cpuSeconds;
    }
  }
  return total;
}

export interface MeteredProcess {
  name: string;
  pid: number;
  withChildren?: boolean;
}

/**
 * CPU seconds spent by each process of the stack during a phase (Linux /proc), so a figure can be read
 * against what it cost: on 2 cores, the sum cannot exceed 2 s per second. Backends that exited during
 * the phase count through the parent's reaped-children time (cutime/cstime).
 */
export class CpuMeter {
  private readonly start: Map<number, number>;
  private readonly ownStart = process.cpuUsage();

  constructor(private readonly processes: MeteredProcess[]) {
    this.start = new Map(processes.map((p) => [p.pid, cpuSecondsOf(p.pid, p.withChildren ?? false)]));
  }

  /**
   * CPU seconds of each process since the meter started, the bench client last. Processes of one name
   * (the instances of a service started with --instances N) are summed: the figure is the service's.
   */
  seconds(): Array<{ name: string; seconds: number }> {
    const own = process.cpuUsage(this.ownStart);
    const byName = new Map<string, number>();
    for (const p of this.processes) byName.set(p.name, (byName.get(p.name) ?? 0) + cpuSecondsOf(p.pid, p.withChildren ?? false) - this.start.get(p.pid)!);
    return [...[...byName].map(([name, seconds]) => ({ name, seconds })), { name: BENCH_CLIENT, seconds: (own.user + own.system) / 1e6 }];
  }

  /** `intake 12.3 s, broker 1.2 s, …, bench client 3.4 s`. */
  report(): string {
    return this.seconds()
      .map((p) => `${p.name} ${p.seconds.toFixed(1)} s`)
      .join(', ');
  }

  /**
   * What one unit of work (a dossier) cost each process, in CPU ms, and the sum over the stack, which
   * leaves the bench client out (it stands for the people and agencies, not for the system).
   */
  perUnit(units: number, options: { clientIsTheSystem?: boolean } = {}): { total: number; line: string; byProcess: Record<string, number> } {
    const each = this.seconds().map((p) => ({ name: p.name, ms: units > 0 ? (p.seconds * 1000) / units : 0 }));
    // In the box-limit loop the bench client does the system's work itself: it counts.
    const counted = options.clientIsTheSystem ? each : each.filter((p) => p.name !== BENCH_CLIENT);
    const total = counted.reduce((sum, p) => sum + p.ms, 0);
    return {
      total,
      line: `${total.toFixed(0)} ms summed over ${options.clientIsTheSystem ? 'every process' : 'the stack'} (${each.map((p) => `${p.name} ${p.ms.toFixed(0)}`).join(', ')})`,
      byProcess: Object.fromEntries(each.map((p) => [p.name, p.ms])),
    };
  }
}

/** The postmaster of an embedded cluster, from its postmaster.pid. */
export function postmasterPid(clusterDir: string): number | undefined {
  const file = `${clusterDir}/postmaster.pid`;
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
