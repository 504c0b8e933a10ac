import { systemClock, toVietnamDate } from '@bcci/kernel';
import type { E2eStack } from '../support/e2e-stack';
import { call, tokenFor, type JsonBody } from '../support/journey-http';
import { pollUntil } from '../support/journey-poll';
import { runVerifyChain } from '../support/verify-chain-command';
import type { DrivenDossier } from './fault-journey';

/** Each step a delivered form-3 journey of the run leaves in tracking's timeline, with how often it occurs. */
export function expectedSteps(dossier: DrivenDossier): Map<string, number> {
  const steps: Array<[string, number]> = [
    ['bcci.intake.dossier-registered.v1', 1],
    ['bcci.digitization.component-digitized.v1', dossier.componentsScanned],
    ['bcci.digitization.component-certified.v1', dossier.componentsCertified],
    ['bcci.digitization.dossier-digitized.v1', 1],
    ['bcci.forwarding.postal-leg-opened.v1', 1],
    // Dispatched, arrived and handed over: three scans of the courier.
    ['bcci.forwarding.courier-scanned.v1', 3],
    ['bcci.forwarding.handover-record-signed.v1', 1],
    ['bcci.forwarding.fees-remitted.v1', dossier.agencyFeeCollected ? 1 : 0],
    ['bcci.agency-gateway.dossier-published-to-agency.v1', 1],
    ['bcci.agency-gateway.handover-acknowledged.v1', 1],
    ['bcci.agency-gateway.supplement-requested.v1', dossier.supplementRequested ? 1 : 0],
    ['bcci.agency-gateway.supplement-completed.v1', dossier.supplementRequested ? 1 : 0],
    ['bcci.agency-gateway.result-issued.v1', 1],
    ['bcci.returns.return-leg-opened.v1', 1],
    ['bcci.returns.result-picked-up-at-agency.v1', 1],
    ['bcci.returns.delivery-attempted.v1', 1],
    ['bcci.returns.result-delivered.v1', 1],
  ];
  return new Map(steps.filter(([, count]) => count > 0));
}

export interface DossierFinding {
  seq: number;
  dossierId?: string;
  problem: string;
}

export interface AuditReport {
  accepted: number;
  lost: DossierFinding[];
  duplicated: DossierFinding[];
  missingSteps: DossierFinding[];
  deadLetters: number | 'unknown';
  counters: { name: string; tracking: number | null; driver: number }[];
  timelineVerify: { ok: boolean; output: string };
}

interface Entry {
  eventId: string;
  eventType: string;
}

/**
 * Checks the run from the outside, once everything caught up: every accepted dossier in its final state
 * at each service, each step once in tracking's timeline, tracking's counters equal to the driver's own,
 * no dead letter anywhere, and the timeline's hash chains intact.
 */
export async function auditRun(stack: E2eStack, dossiers: DrivenDossier[], catchUpMs: number): Promise<AuditReport> {
  const accepted = dossiers.filter((d) => d.dossierId);
  const report: AuditReport = { accepted: accepted.length, lost: [], duplicated: [], missingSteps: [], deadLetters: 'unknown', counters: [], timelineVerify: { ok: false, output: '' } };
  for (const dossier of dossiers) {
    if (!dossier.dossierId) report.lost.push({ seq: dossier.seq, problem: `never accepted: ${dossier.stoppedBecause ?? 'no answer'}` });
  }
  const catchUpDeadline = Date.now() + catchUpMs;
  for (const dossier of accepted) {
    const problems = await finalStateProblems(stack, dossier);
    if (dossier.stoppedBecause) problems.unshift(`the journey stopped: ${dossier.stoppedBecause}`);
    if (problems.length) report.lost.push({ seq: dossier.seq, dossierId: dossier.dossierId, problem: problems.join('; ') });
    const copies = await dossiersAtIntakeFor(stack, dossier);
    if (copies !== 1) report.duplicated.push({ seq: dossier.seq, dossierId: dossier.dossierId, problem: `intake holds ${copies} dossiers for the applicant's phone ${dossier.applicantPhone}` });
    const expected = expectedSteps(dossier);
    const entries = await timelineOnceCaughtUp(stack, dossier.dossierId!, expected, catchUpDeadline);
    const { missing, repeated } = compareSteps(entries, expected);
    if (missing.length) report.missingSteps.push({ seq: dossier.seq, dossierId: dossier.dossierId, problem: `missing ${missing.join(', ')}` });
    if (repeated.length) report.duplicated.push({ seq: dossier.seq, dossierId: dossier.dossierId, problem: repeated.join(', ') });
  }
  report.counters = await countersAgainstDriver(stack, accepted);
  report.deadLetters = await deadLetterCount(stack);
  report.timelineVerify = await verifyTimelineChains(stack);
  return report;
}

async function finalStateProblems(stack: E2eStack, dossier: DrivenDossier): Promise<string[]> {
  const id = dossier.dossierId!;
  const agency = tokenFor(stack, { role: 'agency', agencyId: dossier.agencyId, subject: 'fault-suite-audit' });
  const checks: Array<[string, string, string, string, (body: JsonBody) => string | undefined]> = [
    ['intake', `/dossiers/${id}`, stack.tokens.clerk, 'the dossier at intake', () => undefined],
    ['digitization', `/dossiers/${id}/digitization`, stack.tokens['digitization-operator'], 'digitization', (b) => (b.status === 'DIGITIZED' ? undefined : `status ${b.status}`)],
    ['forwarding', `/dossiers/${id}/leg`, stack.tokens.courier, 'the postal leg', () => undefined],
    ['agency-gateway', `/agency/dossiers/${id}`, agency, 'the agency’s view', (b) => (b.status === 'RESULT_ISSUED' ? undefined : `status ${b.status}`)],
    ['returns', `/returns/${id}`, stack.tokens.courier, 'the return leg', (b) => (b.status === 'DELIVERED' ? undefined : `status ${b.status}`)],
  ];
  const problems: string[] = [];
  for (const [service, route, token, what, judge] of checks) {
    const answer = await call(stack, service, 'GET', route, { token }).catch((error: Error) => ({ status: 0, body: undefined, text: error.message }));
    if (answer.status !== 200) problems.push(`${what}: ${answer.status} ${answer.text.slice(0, 120)}`);
    else {
      const wrong = judge(answer.body);
      if (wrong) problems.push(`${what}: ${wrong}`);
    }
  }
  return problems;
}

/** How many dossiers intake's search finds for the applicant's phone (one per journey: the driver retried with one key). */
async function dossiersAtIntakeFor(stack: E2eStack, dossier: DrivenDossier): Promise<number | string> {
  const answer = await call(stack, 'intake', 'GET', `/dossiers?phone=${encodeURIComponent(dossier.applicantPhone ?? '')}`, { token: stack.tokens.clerk });
  return answer.status === 200 ? (answer.body.total as number) : `unknown (${answer.status})`;
}

/** Tracking consumes each stream on its own: its timeline is read once it holds every expected step, or at the deadline. */
async function timelineOnceCaughtUp(stack: E2eStack, dossierId: string, expected: Map<string, number>, deadline: number): Promise<Entry[]> {
  let latest: Entry[] = [];
  try {
    return await pollUntil(
      `tracking to record the steps of ${dossierId}`,
      async () => {
        const answer = await call<{ entries: Entry[] }>(stack, 'tracking', 'GET', `/dossiers/${dossierId}/timeline`, { token: stack.tokens.auditor });
        if (answer.status !== 200) return undefined;
        latest = answer.body.entries;
        return compareSteps(latest, expected).missing.length === 0 ? latest : undefined;
      },
      { timeoutMs: Math.max(1_000, deadline - Date.now()), intervalMs: 500 },
    );
  } catch {
    return latest;
  }
}

/**
 * Steps short of their expected count are missing; an event id recorded twice, a step over its count or
 * a step the journey never takes is a duplicate (or an event the run did not ask for).
 */
export function compareSteps(entries: Entry[], expected: Map<string, number>): { missing: string[]; repeated: string[] } {
  const byId = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const entry of entries) {
    byId.set(entry.eventId, (byId.get(entry.eventId) ?? 0) + 1);
    byType.set(entry.eventType, (byType.get(entry.eventType) ?? 0) + 1);
  }
  const short = (type: string) => type.replace(/^bcci\.|\.v1$/g, '');
  const missing = [...expected].filter(([type, count]) => (byType.get(type) ?? 0) < count).map(([type, count]) => `${short(type)} (${byType.get(type) ?? 0} of ${count})`);
  const repeated = [
    ...[...byId].filter(([, count]) => count > 1).map(([eventId, count]) => `event ${eventId} recorded ${count} times`),
    ...[...byType].filter(([type, count]) => count > (expected.get(type) ?? 0)).map(([type, count]) => `${short(type)} ×${count} (expected ${expected.get(type) ?? 0})`),
  ];
  return { missing, repeated };
}

/** R2 (received through BCCI), R3 (results delivered) and R3_REGISTERED over the days the run's dossiers count on. */
async function countersAgainstDriver(stack: E2eStack, accepted: DrivenDossier[]): Promise<AuditReport['counters']> {
  const days = [toVietnamDate(systemClock.now()), ...accepted.map((d) => d.intakeDay!)].sort();
  const period = `${days[0]}..${days[days.length - 1]}`;
  const answer = await call(stack, 'tracking', 'GET', `/ratios?period=${period}&scope=province:15`, { token: stack.tokens.operations });
  const byCode = new Map<string, { numerator: number }>(answer.status === 200 ? (answer.body.ratios as Array<{ code: string; numerator: number }>).map((r) => [r.code, r]) : []);
  const tracking = (code: string) => byCode.get(code)?.numerator ?? null;
  return [
    { name: 'R2 received through BCCI', tracking: tracking('R2'), driver: accepted.length },
    { name: 'R3 results delivered through BCCI', tracking: tracking('R3'), driver: accepted.filter((d) => d.delivered).length },
    { name: 'R3 registered for return by post', tracking: tracking('R3_REGISTERED'), driver: accepted.length },
  ];
}

async function deadLetterCount(stack: E2eStack): Promise<number | 'unknown'> {
  // The dashboard asks the broker at most every 10 s: read it once an answer from before now has expired.
  await new Promise((resolve) => setTimeout(resolve, 11_000));
  try {
    return await pollUntil(
      'the operations dashboard to count dead letters (the broker answering)',
      async () => {
        const answer = await call(stack, 'tracking', 'GET', '/operations/summary', { token: stack.tokens.operations });
        const summary = answer.status === 200 ? answer.body.deadLetters : undefined;
        return summary?.available ? (summary.total as number) : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );
  } catch {
    return 'unknown';
  }
}

/** `npm run timeline:verify` against tracking's database. */
async function verifyTimelineChains(stack: E2eStack): Promise<{ ok: boolean; output: string }> {
  const tracking = stack.stack.services.find((s) => s.name === 'tracking');
  if (!tracking) return { ok: false, output: 'tracking does not run' };
  const url = new URL(stack.stack.databaseAdminUrl);
  url.pathname = `/${tracking.database!}`;
  const run = await runVerifyChain(url.toString());
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim().split('\n').slice(-3).join(' / ') };
}
