import { randomUUID } from 'node:crypto';
import type { E2eStack, E2eStackOptions } from '../support/e2e-stack';
import { expectCall } from '../support/journey-http';
import { auditRun, type AuditReport } from './fault-audit';
import { describeFault, FaultInjector } from './fault-injector';
import { driveJourney, type DrivenDossier } from './fault-journey';
import { faultSchedule } from './fault-schedule';

export interface FaultRunOptions {
  dossiers: number;
  /** New dossiers per second while the faults happen. */
  ratePerSecond: number;
  seed: number;
  /** Each kind of fault this many times (0: a run without faults, the baseline). */
  rounds: number;
  outageSeconds: [number, number];
  log(line: string): void;
}

export interface FaultRunReport {
  dossiers: DrivenDossier[];
  faults: Array<{ description: string; healedAfterMs: number }>;
  retries: number;
  audit: AuditReport;
  elapsedSeconds: number;
}

/** The stack every fault run uses: the agency simulator decides every agency's dossiers, results only. */
export const FAULT_STACK: E2eStackOptions = {
  overrides: {
    serviceEnvironment: {
      SIMULATOR_MIX: 'approve:85,supplement:15',
      SIMULATOR_DECISION_DELAY_MS: '300',
      SIMULATOR_FEES_OWED_PERCENT: '20',
    },
  },
};

const STEP_RETRY_MS = 180_000;
const HEAL_TIMEOUT_MS = 180_000;

/**
 * Drives `dossiers` whole journeys at a steady rate while inflicting every kind of fault at random
 * moments (one at a time: the next comes once the stack healed), then audits the outcome from outside.
 */
export async function runFaultSuite(stack: E2eStack, options: FaultRunOptions): Promise<FaultRunReport> {
  const started = Date.now();
  const runId = `${options.seed}-${randomUUID().slice(0, 4)}`;
  let retries = 0;
  const offered = await expectCall(200, stack, 'intake', 'GET', '/procedures', { token: stack.tokens.clerk });
  const procedures = (offered.procedures as Array<{ code: string; serviceForms: number[] }>).filter((p) => p.serviceForms.includes(3)).map((p) => p.code);
  if (procedures.length === 0) throw new Error('postal point 33100 offers no procedure with service form 3 today');

  const driver = {
    stack,
    stageTimeoutMs: STEP_RETRY_MS,
    resilience: {
      retryForMs: STEP_RETRY_MS,
      onRetry: () => {
        retries++;
      },
    },
  };
  const journeys: Array<Promise<DrivenDossier>> = [];
  const driving = (async () => {
    for (let seq = 1; seq <= options.dossiers; seq++) {
      journeys.push(driveJourney(driver, seq, procedures[(seq - 1) % procedures.length]!, runId));
      if (seq % 20 === 0) options.log(`${seq} dossiers sent`);
      if (seq < options.dossiers) await new Promise((resolve) => setTimeout(resolve, 1000 / options.ratePerSecond));
    }
  })();

  const injector = new FaultInjector(stack);
  const inflicted: FaultRunReport['faults'] = [];
  const schedule = faultSchedule({
    seed: options.seed,
    services: stack.services,
    rounds: options.rounds,
    outageSeconds: options.outageSeconds,
    spreadOverMs: (options.dossiers / options.ratePerSecond) * 1000,
  });
  for (const { fault, atMs } of schedule) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + atMs - Date.now())));
    const description = describeFault(fault);
    const at = Date.now();
    await injector.inflict(fault);
    await injector.untilHealed(HEAL_TIMEOUT_MS);
    inflicted.push({ description, healedAfterMs: Date.now() - at });
    options.log(`fault ${inflicted.length}/${schedule.length}: ${description}; healed after ${((Date.now() - at) / 1000).toFixed(1)} s`);
  }
  await driving;
  options.log(`all ${options.dossiers} dossiers sent; waiting for their journeys to end`);
  const dossiers = await Promise.all(journeys);
  options.log(`journeys ended (${dossiers.filter((d) => d.delivered).length} delivered); auditing`);
  const audit = await auditRun(stack, dossiers, 120_000);
  return { dossiers, faults: inflicted, retries, audit, elapsedSeconds: (Date.now() - started) / 1000 };
}

/** The one line a person (or CI) reads first. */
export function figureLine(report: FaultRunReport): string {
  const { audit } = report;
  const countersEqual = audit.counters.every((c) => c.tracking === c.driver);
  return [
    `faults: ${report.dossiers.length} dossiers, ${report.faults.length} faults`,
    `${audit.lost.length} lost, ${audit.duplicated.length} duplicated, ${audit.missingSteps.length} missing steps, ${audit.deadLetters} dead letters`,
    `counters ${countersEqual ? 'equal' : 'DIFFER'}, timeline:verify ${audit.timelineVerify.ok ? 'ok' : 'FAILED'}`,
    `${report.retries} retried requests, ${report.elapsedSeconds.toFixed(0)} s`,
  ].join('; ');
}

export function findings(report: FaultRunReport): string[] {
  const { audit } = report;
  const line = (kind: string) => (f: { seq: number; dossierId?: string; problem: string }) => `${kind} #${f.seq} ${f.dossierId ?? ''}: ${f.problem}`;
  return [
    ...audit.lost.map(line('lost')),
    ...audit.duplicated.map(line('duplicated')),
    ...audit.missingSteps.map(line('missing steps')),
    ...audit.counters.filter((c) => c.tracking !== c.driver).map((c) => `counter ${c.name}: tracking ${c.tracking ?? 'none'}, driver ${c.driver}`),
    ...(audit.deadLetters === 0 ? [] : [`dead letters: ${audit.deadLetters}`]),
    ...(audit.timelineVerify.ok ? [] : [`timeline:verify: ${audit.timelineVerify.output}`]),
  ];
}
