import { randomUUID } from 'node:crypto';
import { EventType } from '@bcci/contracts';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { JourneyEvents } from '../support/journey-events';
import { call, expectCall, tokenFor } from '../support/journey-http';
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
  type RegisteredDossier,
} from '../support/journey-steps';
import { timelineWith } from '../support/journey-tracking';

// The agency's decisions other than a plain result: a supplement loop (NĐ 61/2018 Đ19.4: requested within
// 3 working days, the clock restarts from zero once complete), a rejection whose refusal slip goes back by
// post, and the gateway's wall between agencies. Tracking runs too, to check the clocks it derives.
const SERVICES = ['intake', 'digitization', 'forwarding', 'agency-gateway', 'returns', 'tracking'];

describe('agency decisions end to end', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let n = 400;

  beforeAll(async () => {
    stack = await startStack({ services: SERVICES });
    events = await JourneyEvents.open(stack);
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** A form 3 dossier of 2.000488 registered, digitized, carried and received by its agency (000.00.13.H39). */
  async function receivedByAgency(): Promise<RegisteredDossier> {
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: n++ });
    await digitize(stack, dossier.id);
    await carryToAgency(stack, dossier.id);
    await signHandoverRecord(stack, [dossier]);
    await agencyView(stack, dossier.id, stack.tokens.agency);
    await agencyDecision(stack, dossier.id, stack.tokens.agency, 'handover-signature');
    await events.waitFor(dossier.id, EventType.HandoverRecordSigned);
    await agencyView(stack, dossier.id, stack.tokens.agency, 'RECEIVED');
    return dossier;
  }

  it('supplement loop: requested within 3 working days, completed at the counter, the agency clock restarts from zero', async () => {
    const dossier = await receivedByAgency();
    const agency = stack.tokens.agency;
    const before = await agencyView(stack, dossier.id, agency);
    expect(before.legalFilingAt).toEqual(expect.any(String));

    const requested = await agencyDecision(stack, dossier.id, agency, 'supplement-requests', {
      requestedComponents: [{ componentCode: 'TP1', note: 'Tờ khai thiếu chữ ký.' }],
      reason: 'Tờ khai chưa có chữ ký của người yêu cầu.',
    });
    expect(requested).toMatchObject({ status: 'SUPPLEMENT_REQUESTED', nationalStatus: 5 });
    await events.waitFor(dossier.id, EventType.SupplementRequested);
    const paused = await timelineWith(stack, dossier.id, [EventType.SupplementRequested]);
    expect(paused.clocks.find((c) => c.kind === 'AGENCY_PROCESSING')).toMatchObject({ phase: 'PAUSED', restarts: 0 });

    // Only a clerk of the intake postal point records the supplement; another point is refused.
    const elsewhere = await call(stack, 'agency-gateway', 'POST', `/dossiers/${dossier.id}/supplement-completion`, {
      token: tokenFor(stack, { role: 'clerk', postalCode: '33500' }),
      body: { submissionChannel: 'POSTAL' },
    });
    expect(elsewhere.status).toBe(403);
    await expectCall(200, stack, 'agency-gateway', 'POST', `/dossiers/${dossier.id}/supplement-completion`, { token: stack.tokens.clerk, body: { submissionChannel: 'POSTAL' } });
    const completed = await events.waitFor(dossier.id, EventType.SupplementCompleted);
    expect(completed.nationalstatus).toBe(4);
    const restart = completed.data.agencyDeadline;
    expect(restart.clockStart).toBe(completed.data.completedAt);
    expect(Date.parse(restart.clockStart)).toBeGreaterThan(Date.parse(before.legalFilingAt));

    // The gateway's view: processing again, the new filing time is the completion, the full limit again.
    const after = await agencyView(stack, dossier.id, agency, 'PROCESSING');
    expect(after).toMatchObject({ nationalStatus: 4, legalFilingAt: restart.clockStart, agencyDeadline: { clockStart: restart.clockStart, workingDays: before.agencyDeadline.workingDays, dueDate: restart.dueDate } });

    // Tracking's clock: running again from the completion, restarted once, with the gateway's due date.
    const tracked = await timelineWith(stack, dossier.id, [EventType.SupplementCompleted]);
    expect(tracked.clocks.find((c) => c.kind === 'AGENCY_PROCESSING')).toMatchObject({ phase: 'RUNNING', restarts: 1, startedAt: restart.clockStart, dueDate: restart.dueDate });

    await agencyDecision(stack, dossier.id, agency, 'result', PAPER_RESULT);
    await events.waitFor(dossier.id, EventType.ResultIssued);
    events.assertAllValid();
  });

  it('rejection: processing stops (8) and the refusal slip goes back to the citizen by post', async () => {
    const dossier = await receivedByAgency();
    const refusalSlip = { documentId: randomUUID(), contentHash: `sha256:${'ab'.repeat(32)}`, mediaType: 'application/pdf', pageCount: 1 };
    const rejected = await agencyDecision(stack, dossier.id, stack.tokens.agency, 'rejection', { reasonCode: 'NOT_ELIGIBLE', reason: 'Người yêu cầu không thuộc đối tượng được cấp.', refusalSlip });
    expect(rejected).toMatchObject({ status: 'REJECTED', nationalStatus: 8 });
    const event = await events.waitFor(dossier.id, EventType.DossierRejected);
    expect(event).toMatchObject({ nationalstatus: 8, data: { stage: 'DURING_PROCESSING', reasonCode: 'NOT_ELIGIBLE', returnToApplicant: true, refusalSlip } });

    const opened = await events.waitFor(dossier.id, EventType.ReturnLegOpened);
    expect(opened.data).toMatchObject({ returnedItem: 'REFUSAL_SLIP', feesToCollect: 0, resultId: refusalSlip.documentId });
    await returnOf(stack, dossier.id, stack.tokens.courier);
    await pickUpResult(stack, dossier.id, stack.tokens.courier);
    await deliverResult(stack, dossier.id, stack.tokens.courier);
    await events.waitFor(dossier.id, EventType.ResultDelivered);

    // A rejected dossier takes no further decision.
    expect((await call(stack, 'agency-gateway', 'POST', `/agency/dossiers/${dossier.id}/result`, { token: stack.tokens.agency, body: PAPER_RESULT })).status).toBe(409);
    events.assertAllValid();
  });

  it("an agency cannot read nor act on another agency's dossier (403), over the gateway or tracking", async () => {
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: n++ });
    await digitize(stack, dossier.id);
    await agencyView(stack, dossier.id, stack.tokens.agency); // published to 000.00.13.H39
    const other = tokenFor(stack, { role: 'agency', agencyId: '000.00.12.H39' });

    for (const [method, path, body] of [
      ['GET', `/agency/dossiers/${dossier.id}`, undefined],
      ['GET', `/agency/dossiers/${dossier.id}/applicant`, undefined],
      ['POST', `/agency/dossiers/${dossier.id}/handover-signature`, {}],
      ['POST', `/agency/dossiers/${dossier.id}/rejection`, { reasonCode: 'WRONG_AGENCY', reason: 'Không thuộc thẩm quyền.' }],
    ] as const) {
      const answer = await call(stack, 'agency-gateway', method, path, { token: other, ...(body ? { body } : {}) });
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(answer.body).toMatchObject({ statusCode: 403, messageVi: expect.any(String) });
    }
    await timelineWith(stack, dossier.id, [EventType.DossierPublishedToAgency]);
    expect((await call(stack, 'tracking', 'GET', `/dossiers/${dossier.id}/timeline`, { token: other })).status).toBe(403);
    expect((await call(stack, 'tracking', 'GET', `/dossiers/${dossier.id}/timeline`, { token: stack.tokens.agency })).status).toBe(200);

    // Nothing was decided for it: its own agency still sees it waiting for the handover.
    const view = await agencyView(stack, dossier.id, stack.tokens.agency);
    expect(view).toMatchObject({ status: 'PUBLISHED', nationalStatus: 1 });
    expect(events.count(dossier.id, EventType.DossierRejected)).toBe(0);
    expect(events.count(dossier.id, EventType.HandoverAcknowledged)).toBe(0);
  });
});
