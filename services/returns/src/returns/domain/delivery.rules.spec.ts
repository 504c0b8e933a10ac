import { deliverResult, recordFailedAttempt, type DeliveryCommand, type FailedAttemptCommand } from './delivery.rules';
import type { ReturnState } from './return';
import { ALL_STATUSES, at, CLERK, COURIER, invitedReturn, NOW, pickedUpReturn, refusalOf } from './return-state.spec-helper';

const attempt = (attemptedAt: string, over: Partial<FailedAttemptCommand> = {}): FailedAttemptCommand => ({
  attemptedAt: at(attemptedAt),
  reasonCode: 'ADDRESSEE_ABSENT',
  invitationLeft: true,
  actor: COURIER,
  ...over,
});

describe('a failed home delivery attempt', () => {
  it('the first is invitation 1: ATTEMPTED, an EMH event naming when the next may come, and its record', () => {
    const state = pickedUpReturn();
    const decision = recordFailedAttempt(state, attempt('2025-04-04T10:00:00+07:00', { note: 'Nhà đóng cửa' }), { now: NOW });
    expect(decision.state).toEqual({ ...state, status: 'ATTEMPTED', invitations: ['2025-04-04T03:00:00.000Z'], lastStepAt: at('2025-04-04T10:00:00+07:00'), returnedAt: null });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.delivery-attempted.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId,
          s10ItemId: state.s10ItemId,
          attemptNumber: 1,
          attemptedAt: '2025-04-04T03:00:00.000Z',
          postalCode: '33100',
          eventCode: 'EMH',
          reasonCode: 'ADDRESSEE_ABSENT',
          note: 'Nhà đóng cửa',
          invitationLeft: true,
          // Monday 07/04/2025 is a holiday: Saturday 05/04 is the one working day in between.
          nextAttemptNotBefore: '2025-04-08',
          deliveryMode: 'HOME',
          redeliveryCostBorneBy: 'APPLICANT',
          actor: COURIER,
        },
      },
    ]);
    expect(decision.record).toEqual({
      kind: 'delivery-attempt',
      dossierId: state.dossierId,
      attemptNumber: 1,
      attemptedAt: at('2025-04-04T10:00:00+07:00'),
      postalCode: '33100',
      reasonCode: 'ADDRESSEE_ABSENT',
      costBorneBy: 'APPLICANT',
      invitationLeft: true,
      note: 'Nhà đóng cửa',
      actorRole: 'COURIER',
      actorRef: COURIER.ref,
    });
  });

  it.each([
    ['ADDRESSEE_ABSENT', undefined, 'DELIVERY_FAILED_TWICE', 'APPLICANT'],
    ['REFUSED', undefined, 'REFUSED_BY_RECIPIENT', 'APPLICANT'],
    ['FORCE_MAJEURE', undefined, 'DELIVERY_FAILED_TWICE', 'UNDETERMINED'],
    ['ADDRESS_INCORRECT', 'AGENCY', 'DELIVERY_FAILED_TWICE', 'AGENCY'],
  ] as const)('the second (%s, cost named %s) sends the result back to the agency at once: %s, cost on %s', (reasonCode, costBorneBy, reason, bearer) => {
    const state = invitedReturn('ATTEMPTED', ['2025-04-04T10:00:00+07:00']);
    const decision = recordFailedAttempt(state, attempt('2025-04-08T10:00:00+07:00', { reasonCode, ...(costBorneBy ? { costBorneBy } : {}) }), { now: NOW });
    expect(decision.state).toMatchObject({ status: 'RETURNED_TO_AGENCY', returnedAt: at('2025-04-08T10:00:00+07:00'), invitations: ['2025-04-04T03:00:00.000Z', '2025-04-08T03:00:00.000Z'] });
    expect(decision.events.map((event) => event.type)).toEqual(['bcci.returns.delivery-attempted.v1', 'bcci.returns.result-returned-to-agency.v1']);
    expect(decision.events[0].data).toMatchObject({ attemptNumber: 2, redeliveryCostBorneBy: bearer });
    expect(decision.events[0].data).not.toHaveProperty('nextAttemptNotBefore');
    expect(decision.events[1].data).toEqual({
      dossierId: state.dossierId,
      legId: state.legId,
      s10ItemId: state.s10ItemId,
      agencyId: state.agencyId,
      returnedAt: '2025-04-08T03:00:00.000Z',
      reason,
      attempts: 2,
      actor: COURIER,
    });
    expect(decision.record).toMatchObject({ kind: 'delivery-attempt', attemptNumber: 2, costBorneBy: bearer });
  });

  const refusals: [string, ReturnState, string, { kind: string; code: string }][] = [
    ...ALL_STATUSES.filter((status) => !['PICKED_UP', 'ATTEMPTED'].includes(status)).map(
      (status): [string, ReturnState, string, { kind: string; code: string }] => [`a leg in status ${status}`, pickedUpReturn({ status }), '2025-04-04T10:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-state' }],
    ),
    ['a counter pick-up', pickedUpReturn({ deliveryMode: 'COUNTER' }), '2025-04-04T10:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-delivery-mode' }],
    ['a second invitation one working day after the first', invitedReturn('ATTEMPTED', ['2025-04-04T10:00:00+07:00']), '2025-04-07T10:00:00+07:00', { kind: 'rule-violation', code: 'returns.invitation-too-early' }],
    ['an attempt before the pick-up', pickedUpReturn(), '2025-04-03T15:00:00+07:00', { kind: 'rule-violation', code: 'returns.time-before-previous-step' }],
    ['an attempt in the future', pickedUpReturn(), '2025-04-12T10:00:00+07:00', { kind: 'invalid', code: 'returns.time-in-future' }],
  ];
  it.each(refusals)('refuses %s', (_case, state, attemptedAt, refusal) => {
    expect(refusalOf(() => recordFailedAttempt(state, attempt(attemptedAt), { now: NOW }))).toEqual(refusal);
  });
});

const delivery = (over: Partial<DeliveryCommand> = {}): DeliveryCommand => ({
  deliveredAt: at('2025-04-08T11:00:00+07:00'),
  recipientKind: 'APPLICANT',
  identityDocumentType: 'CCCD',
  identityMatches: true,
  takenBackDocuments: [],
  feesCollected: 0,
  actor: COURIER,
  ...over,
});

describe('the delivery of the result', () => {
  it.each([
    ['a home leg picked up, by the courier', pickedUpReturn(), COURIER],
    ['a home leg after a failed attempt, by the courier', invitedReturn('ATTEMPTED', ['2025-04-04T10:00:00+07:00']), COURIER],
    ['a counter leg picked up, by a clerk', pickedUpReturn({ deliveryMode: 'COUNTER' }), CLERK],
    ['a counter leg after a notice, by a clerk', invitedReturn('AT_COUNTER', ['2025-04-04T08:00:00+07:00'], { deliveryMode: 'COUNTER' }), CLERK],
  ])('delivers %s: DELIVERED, one EMI event and the delivery record', (_case, state, actor) => {
    const decision = deliverResult(state, delivery({ actor }), { now: NOW });
    expect(decision.state).toEqual({ ...state, status: 'DELIVERED', deliveredAt: at('2025-04-08T11:00:00+07:00'), lastStepAt: at('2025-04-08T11:00:00+07:00') });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.result-delivered.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId,
          s10ItemId: state.s10ItemId,
          deliveredAt: '2025-04-08T04:00:00.000Z',
          postalCode: '33100',
          deliveryMode: state.deliveryMode,
          eventCode: 'EMI',
          recipientKind: 'APPLICANT',
          identityCheck: { documentType: 'CCCD', verified: true },
          documentsTakenBack: 0,
          feesCollected: 0,
          actor,
        },
      },
    ]);
    expect(decision.record).toMatchObject({ kind: 'delivery', recipientKind: 'APPLICANT', identityDocumentType: 'CCCD', authorisationRef: null, actorRole: actor.role });
  });

  it('to a proxy with an authorisation, collecting the fees owed and taking back what the agency asked for', () => {
    const licence = { documentCode: 'GPLX-CU', title: 'Giấy phép lái xe cũ', count: 1 };
    const state = pickedUpReturn({ feesOwed: 150_000, documentsToTakeBack: [licence] });
    const decision = deliverResult(
      state,
      delivery({ recipientKind: 'AUTHORISED_PROXY', authorisationRef: 'auth-1', feesCollected: 150_000, takenBackDocuments: [licence] }),
      { now: NOW },
    );
    expect(decision.events[0].data).toMatchObject({ recipientKind: 'AUTHORISED_PROXY', authorisationRef: 'auth-1', documentsTakenBack: 1, takenBackDocuments: [licence], feesCollected: 150_000 });
    expect(decision.record).toMatchObject({ authorisationRef: 'auth-1', takenBackDocuments: [licence], feesCollected: 150_000 });
  });

  const licence = { documentCode: 'GPLX-CU', count: 1 };
  const refusals: [string, ReturnState, Partial<DeliveryCommand>, { kind: string; code: string }][] = [
    ...ALL_STATUSES.filter((status) => !['PICKED_UP', 'ATTEMPTED'].includes(status)).map(
      (status): [string, ReturnState, Partial<DeliveryCommand>, { kind: string; code: string }] => [`a home leg in status ${status}`, pickedUpReturn({ status }), {}, { kind: 'conflict', code: 'returns.wrong-state' }],
    ),
    ['a counter leg in status ATTEMPTED', pickedUpReturn({ status: 'ATTEMPTED', deliveryMode: 'COUNTER' }), { actor: CLERK }, { kind: 'conflict', code: 'returns.wrong-state' }],
    ['a counter hand-over by a courier', pickedUpReturn({ deliveryMode: 'COUNTER' }), {}, { kind: 'conflict', code: 'returns.wrong-delivery-mode' }],
    ['a home delivery by a clerk', pickedUpReturn(), { actor: CLERK }, { kind: 'conflict', code: 'returns.wrong-delivery-mode' }],
    ['a proxy without an authorisation', pickedUpReturn(), { recipientKind: 'AUTHORISED_PROXY' }, { kind: 'invalid', code: 'returns.proxy-authorisation-required' }],
    ['an authorisation without a proxy', pickedUpReturn(), { authorisationRef: 'auth-1' }, { kind: 'invalid', code: 'returns.authorisation-without-proxy' }],
    ['an ID document that does not match', pickedUpReturn(), { identityMatches: false }, { kind: 'rule-violation', code: 'returns.identity-not-matched' }],
    ['fees collected short of the fees owed', pickedUpReturn({ feesOwed: 150_000 }), { feesCollected: 100_000 }, { kind: 'rule-violation', code: 'returns.fees-mismatch' }],
    ['documents the agency asked back not taken', pickedUpReturn({ documentsToTakeBack: [licence] }), {}, { kind: 'rule-violation', code: 'returns.documents-not-taken-back' }],
    ['a delivery before the pick-up', pickedUpReturn(), { deliveredAt: at('2025-04-03T15:00:00+07:00') }, { kind: 'rule-violation', code: 'returns.time-before-previous-step' }],
    ['a delivery in the future', pickedUpReturn(), { deliveredAt: at('2025-04-12T10:00:00+07:00') }, { kind: 'invalid', code: 'returns.time-in-future' }],
  ];
  it.each(refusals)('refuses %s', (_case, state, over, refusal) => {
    expect(refusalOf(() => deliverResult(state, delivery(over), { now: NOW }))).toEqual(refusal);
  });
});
