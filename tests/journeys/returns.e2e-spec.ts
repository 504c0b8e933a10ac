import { EventType } from '@bcci/contracts';
import { addWorkingDays, getWorkingCalendar, POSTAL_BCCI_CALENDAR_ID, systemClock, toVietnamDate, vietnamInstant } from '@bcci/kernel';
import { startStack, type E2eStack } from '../support/e2e-stack';
import { clockAheadFor } from '../support/journey-clock';
import { JourneyEvents } from '../support/journey-events';
import { call, expectCall, tokenFor, vietnamTimestamp } from '../support/journey-http';
import { agencyDecision, agencyView, carryToAgency, deliverResult, PAPER_RESULT, pickUpResult, registerDossier, returnOf, signHandoverRecord, type RegisteredDossier } from '../support/journey-steps';

// Returns by post (TT 17/2017 Đ5.2): two failed home deliveries two working days apart send the result
// back to the agency; a result held at the counter is handed over after a notice. A courier cannot report
// a time in the future, so the returns service runs with its wall clock a few working days ahead: the
// test reports the second attempt on the day the rule first allows it, without waiting for that day.
const SERVICES = ['intake', 'forwarding', 'agency-gateway', 'returns'];
const postalCalendar = getWorkingCalendar(POSTAL_BCCI_CALENDAR_ID);
const today = toVietnamDate(systemClock.now());
// Far enough for an invitation made today or tomorrow (a run across midnight) plus two working days.
const returnsClockAhead = vietnamInstant(addWorkingDays(today, 3, postalCalendar), 23 * 60).getTime() - systemClock.now().getTime();

describe('returns by post end to end', () => {
  let stack: E2eStack;
  let events: JourneyEvents;
  let courier: string;
  let clerk: string;
  let n = 500;

  beforeAll(async () => {
    stack = await startStack({ services: SERVICES, overrides: clockAheadFor(['returns'], returnsClockAhead) });
    events = await JourneyEvents.open(stack);
    // The returns service lives days ahead: its callers' tokens must still be valid then.
    courier = tokenFor(stack, { role: 'courier', postalCode: '33100', subject: 'staff:33100-104', ttlSeconds: 30 * 86_400 });
    clerk = tokenFor(stack, { role: 'clerk', postalCode: '33100', subject: 'staff:33100-017', ttlSeconds: 30 * 86_400 });
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** A form 3 dossier carried on paper (the agency signed the paper handover record) and its result issued. */
  async function resultIssued(deliveryMode: 'HOME' | 'COUNTER', feesOwed = 0): Promise<RegisteredDossier> {
    const dossier = await registerDossier(stack, { form: 3, procedureCode: '2.000488', n: n++, deliveryMode });
    await carryToAgency(stack, dossier.id);
    const record = await signHandoverRecord(stack, [dossier], { agencySignerName: 'Phạm Thị Lan' });
    expect(record.status).toBe('SIGNED');
    await agencyView(stack, dossier.id, stack.tokens.agency, 'RECEIVED');
    await agencyDecision(stack, dossier.id, stack.tokens.agency, 'result', { ...PAPER_RESULT, feesOwed });
    await events.waitFor(dossier.id, EventType.ReturnLegOpened);
    await returnOf(stack, dossier.id, courier);
    return dossier;
  }

  it('two failed deliveries two working days apart: the second too early is refused, the second failure sends the result back to the agency', async () => {
    const dossier = await resultIssued('HOME');
    await pickUpResult(stack, dossier.id, courier);

    const firstAt = systemClock.now();
    const first = await expectCall(200, stack, 'returns', 'POST', `/returns/${dossier.id}/attempts`, {
      token: courier,
      body: { attemptedAt: vietnamTimestamp(firstAt), reasonCode: 'ADDRESSEE_ABSENT' },
    });
    expect(first).toMatchObject({ status: 'ATTEMPTED' });
    const notBefore = addWorkingDays(toVietnamDate(firstAt), 2, postalCalendar);
    const attempted = await events.waitFor(dossier.id, EventType.DeliveryAttempted);
    expect(attempted.data).toMatchObject({ attemptNumber: 1, eventCode: 'EMH', reasonCode: 'ADDRESSEE_ABSENT', invitationLeft: true, nextAttemptNotBefore: notBefore });

    // One working day later is too early (422), and writes nothing.
    const dayBefore = addWorkingDays(toVietnamDate(firstAt), 1, postalCalendar);
    const early = await call(stack, 'returns', 'POST', `/returns/${dossier.id}/attempts`, {
      token: courier,
      body: { attemptedAt: vietnamTimestamp(vietnamInstant(dayBefore, 10 * 60)), reasonCode: 'ADDRESSEE_ABSENT' },
    });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'returns.invitation-too-early', details: { notBefore } });

    const secondAt = vietnamInstant(notBefore, 9 * 60);
    const second = await expectCall(200, stack, 'returns', 'POST', `/returns/${dossier.id}/attempts`, {
      token: courier,
      body: { attemptedAt: vietnamTimestamp(secondAt), reasonCode: 'ADDRESS_INCORRECT' },
    });
    expect(second).toMatchObject({ status: 'RETURNED_TO_AGENCY' });
    const returned = await events.waitFor(dossier.id, EventType.ResultReturnedToAgency);
    expect(returned.data).toMatchObject({ agencyId: dossier.agencyId, reason: 'DELIVERY_FAILED_TWICE', attempts: 2, returnedAt: secondAt.toISOString() });

    // Back at the agency: no more delivery; exactly two attempts and one return were published.
    expect((await call(stack, 'returns', 'POST', `/returns/${dossier.id}/delivery`, { token: courier, body: { deliveredAt: vietnamTimestamp(secondAt), recipientKind: 'APPLICANT', identityDocumentType: 'CCCD', identityMatches: true, feesCollected: 0 } })).status).toBe(409);
    expect(await returnOf(stack, dossier.id, courier)).toMatchObject({ status: 'RETURNED_TO_AGENCY' });
    expect(events.count(dossier.id, EventType.DeliveryAttempted)).toBe(2);
    expect(events.count(dossier.id, EventType.ResultReturnedToAgency)).toBe(1);
    events.assertAllValid();
  });

  it('counter pick-up: a notice to the citizen, then the clerk hands the result over with the ID checked and the fees owed collected', async () => {
    const dossier = await resultIssued('COUNTER', 50_000);
    const opened = await events.waitFor(dossier.id, EventType.ReturnLegOpened);
    expect(opened.data).toMatchObject({ deliveryMode: 'COUNTER', destinationPostalCode: '33100', feesToCollect: 50_000 });
    await pickUpResult(stack, dossier.id, courier);
    // A counter result takes no home delivery attempt.
    expect((await call(stack, 'returns', 'POST', `/returns/${dossier.id}/attempts`, { token: courier, body: { attemptedAt: vietnamTimestamp(), reasonCode: 'ADDRESSEE_ABSENT' } })).status).toBe(409);

    await expectCall(200, stack, 'returns', 'POST', `/returns/${dossier.id}/counter-notice`, { token: clerk, body: { sentAt: vietnamTimestamp(), channel: 'SMS' } });
    const notice = await events.waitFor(dossier.id, EventType.CounterPickupNoticeSent);
    expect(notice.data).toMatchObject({ noticeNumber: 1, noticeChannel: 'SMS', postalCode: '33100' });

    const wrongFees = await call(stack, 'returns', 'POST', `/returns/${dossier.id}/delivery`, {
      token: clerk,
      body: { deliveredAt: vietnamTimestamp(), recipientKind: 'APPLICANT', identityDocumentType: 'CCCD', identityMatches: true, feesCollected: 20_000 },
    });
    expect(wrongFees.status).toBe(422);
    const handed = await deliverResult(stack, dossier.id, clerk, { feesCollected: 50_000 });
    expect(handed).toMatchObject({ status: 'DELIVERED' });
    const delivered = await events.waitFor(dossier.id, EventType.ResultDelivered);
    expect(delivered).toMatchObject({ nationalstatus: 10, data: { deliveryMode: 'COUNTER', feesCollected: 50_000, identityCheck: { documentType: 'CCCD', verified: true }, actor: { role: 'POSTAL_CLERK' } } });
    expect(events.count(dossier.id, EventType.ResultDelivered)).toBe(1);
    events.assertAllValid();
  });
});
