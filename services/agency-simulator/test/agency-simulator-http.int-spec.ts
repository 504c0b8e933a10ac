import { randomUUID } from 'node:crypto';
import { assertValidEvent, buildEvent, EventType, type EventTypeName } from '@bcci/contracts';
import { startTestService, type TestService } from '@bcci/service-kit/testing';
import { AppModule } from '../src/app.module';
import { commandIdFor } from '../src/simulation/domain/command-id';
import { chooseOutcome, parseDecisionMix, type DecisionOutcome } from '../src/simulation/domain/decision-mix';
import { GatewayStub, type RecordedCall } from './gateway-stub';
import { acknowledgedEvent, publishedEvent, supplementCompletedEvent } from './simulator-test-events';

const AGENCY = '999.99.02.T92';
const MIX = 'approve:1,supplement:1,reject:1';
const DECISION_PATHS: Record<DecisionOutcome, string> = { approve: 'result', supplement: 'supplement-requests', reject: 'rejection' };
const COMMAND_TYPES: Record<string, EventTypeName> = {
  'handover-signature': EventType.SignHandover,
  result: EventType.IssueResult,
  'supplement-requests': EventType.RequestSupplement,
  rejection: EventType.RejectDossier,
};

/** Polls a condition; bounded by Jest's timeout only (no timing assertion). */
async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

function dossierIdsCoveringMix(each: number): Map<string, DecisionOutcome> {
  const mix = parseDecisionMix(MIX);
  const ids = new Map<string, DecisionOutcome>();
  const counts: Record<DecisionOutcome, number> = { approve: 0, supplement: 0, reject: 0 };
  while (Object.values(counts).some((n) => n < each)) {
    const id = randomUUID();
    const outcome = chooseOutcome(mix, id);
    ids.set(id, outcome);
    counts[outcome]++;
  }
  return ids;
}

/** The body of an HTTP decision, as the contract's command (same fields): proves the call carries valid data. */
function asCommandEvent(call: RecordedCall): void {
  const [, , , dossierId, endpoint] = call.path.split('/');
  assertValidEvent(
    buildEvent({
      type: COMMAND_TYPES[endpoint],
      data: { ...call.body, dossierId, commandId: call.idempotencyKey!, agencyId: AGENCY, actor: { role: 'AGENCY_SYSTEM', ref: `agency-simulator:${AGENCY}` } } as never,
    }),
  );
}

describe('agency simulator, HTTP way (cursor feed + ack in, decision endpoints out) against a stub of the gateway', () => {
  let service: TestService;
  const stub = new GatewayStub(() => service.secret);
  const expected = dossierIdsCoveringMix(2);
  const ids = [...expected.keys()];
  const transient = ids[0];
  const decisionCalls = (id: string) => stub.calls.filter((c) => c.path.startsWith(`/agency/dossiers/${id}/`) && c.status === 200);

  beforeAll(async () => {
    await stub.start();
    // What the gateway does next: a signature is acknowledged on the feed; a supplement gets completed.
    stub.onDecision = (call, dossierId) => {
      if (call.path.endsWith('/handover-signature')) stub.publish(AGENCY, acknowledgedEvent(dossierId, AGENCY));
      if (call.path.endsWith('/supplement-requests')) stub.publish(AGENCY, supplementCompletedEvent(dossierId, AGENCY));
    };
    // The first signature call of one dossier meets an unavailable gateway; the first ack too.
    stub.scripted.set(`POST /agency/dossiers/${transient}/handover-signature`, [503]);
    stub.scripted.set('POST /agency/feed/ack', [503]);
    service = await startTestService(AppModule, {
      serviceName: 'agency-simulator-http',
      extraEnv: {
        SIMULATOR_MODE: 'http',
        SIMULATOR_AGENCY_IDS: AGENCY,
        SIMULATOR_GATEWAY_URL: stub.url,
        SIMULATOR_DECISION_DELAY_MS: '0',
        SIMULATOR_MIX: MIX,
        SIMULATOR_POLL_INTERVAL_MS: '50',
        SIMULATOR_TICK_MS: '50',
      },
    });
  });

  afterAll(async () => {
    await service?.stop();
    await stub.stop();
  });

  it('reads its feed with an agency token of its own agency, and acknowledges what it processed', async () => {
    for (const id of ids) stub.publish(AGENCY, publishedEvent(id, AGENCY));
    await eventually(() => stub.ackedCursor(AGENCY) !== '0');
    const feedCalls = stub.calls.filter((c) => c.path.startsWith('/agency/feed'));
    expect(feedCalls.length).toBeGreaterThan(0);
    for (const call of stub.calls) expect(call.actor).toMatchObject({ role: 'agency', agencyId: AGENCY });
  });

  it('signs each handover once (a 503 is retried with the same Idempotency-Key), then decides in the mix', async () => {
    await eventually(() => ids.every((id) => decisionCalls(id).some((c) => !c.path.endsWith('/handover-signature'))));
    for (const id of ids) {
      const signatures = stub.calls.filter((c) => c.path === `/agency/dossiers/${id}/handover-signature`);
      expect(signatures.filter((c) => c.status === 200)).toHaveLength(1);
      for (const s of signatures) expect(s.idempotencyKey).toBe(commandIdFor(id, 'sign-handover'));
      const decision = decisionCalls(id).find((c) => !c.path.endsWith('/handover-signature'))!;
      expect(decision.path).toBe(`/agency/dossiers/${id}/${DECISION_PATHS[expected.get(id)!]}`);
    }
    expect(stub.calls.filter((c) => c.path === `/agency/dossiers/${transient}/handover-signature`).map((c) => c.status)).toEqual([503, 200]);
  });

  it('issues the result after a completed supplement; every call body is a valid command; nothing is sent twice', async () => {
    const supplemented = ids.filter((id) => expected.get(id) === 'supplement');
    await eventually(() => supplemented.every((id) => decisionCalls(id).some((c) => c.path.endsWith('/result'))));
    // Everything on the feed processed and acknowledged (including the page whose first ack failed), and
    // no call left queued: the stub records a call before the simulator commits that it was made.
    await eventually(() => stub.ackedCursor(AGENCY) === stub.lastCursor(AGENCY));
    await eventually(async () => {
      const rows: Array<{ n: string }> = await service.dataSource.query(`SELECT count(*)::text AS n FROM simulated_dossiers WHERE pending_commands <> '[]'::jsonb`);
      return rows[0].n === '0';
    });
    for (const id of ids) {
      const accepted = decisionCalls(id);
      accepted.forEach(asCommandEvent);
      const keys = accepted.map((c) => c.idempotencyKey);
      expect(new Set(keys).size).toBe(keys.length);
      expect(accepted).toHaveLength(expected.get(id) === 'supplement' ? 3 : 2);
    }
    const result = decisionCalls(supplemented[0]).find((c) => c.path.endsWith('/result'))!;
    expect(result.idempotencyKey).toBe(commandIdFor(supplemented[0], 'issue-result-after-supplement'));
  });
});
