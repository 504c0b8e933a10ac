import { returnFromCounter, sendCounterNotice } from './counter-pickup.rules';
import type { ReturnState } from './return';
import { ALL_STATUSES, at, CLERK, invitedReturn, NOW, pickedUpReturn, refusalOf } from './return-state.spec-helper';

const counter = (over: Partial<ReturnState> = {}) => pickedUpReturn({ deliveryMode: 'COUNTER', ...over });
const noticed = (times: readonly string[]) => invitedReturn('AT_COUNTER', times, { deliveryMode: 'COUNTER' });
const notice = (sentAt: string) => ({ sentAt: at(sentAt), channel: 'SMS' as const, actor: CLERK });

describe('counter pick-up notices', () => {
  it.each([
    ['the first, after the pick-up', counter(), '2025-04-04T08:00:00+07:00', 1, '2025-04-08'],
    ['the second, two working days after the first', noticed(['2025-04-04T08:00:00+07:00']), '2025-04-08T08:00:00+07:00', 2, '2025-04-10'],
  ])('%s: AT_COUNTER, one event and the notice record, held until the next invitation may come', (_case, state, sentAt, noticeNumber, holdUntil) => {
    const decision = sendCounterNotice(state, notice(sentAt), { now: NOW });
    expect(decision.state).toEqual({ ...state, status: 'AT_COUNTER', invitations: [...state.invitations, at(sentAt).toISOString()], lastStepAt: at(sentAt) });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.counter-pickup-notice-sent.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId,
          s10ItemId: state.s10ItemId,
          postalCode: '33100',
          noticeNumber,
          noticeChannel: 'SMS',
          sentAt: at(sentAt).toISOString(),
          holdUntil,
          actor: CLERK,
        },
      },
    ]);
    expect(decision.record).toEqual({ kind: 'counter-notice', dossierId: state.dossierId, noticeNumber, channel: 'SMS', sentAt: at(sentAt), holdUntil, actorRef: CLERK.ref });
  });

  const refusals: [string, ReturnState, string, { kind: string; code: string }][] = [
    ...ALL_STATUSES.filter((status) => !['PICKED_UP', 'AT_COUNTER'].includes(status)).map(
      (status): [string, ReturnState, string, { kind: string; code: string }] => [`a leg in status ${status}`, counter({ status }), '2025-04-04T08:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-state' }],
    ),
    ['a home delivery', pickedUpReturn(), '2025-04-04T08:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-delivery-mode' }],
    ['a second notice the next day', noticed(['2025-04-04T08:00:00+07:00']), '2025-04-05T08:00:00+07:00', { kind: 'rule-violation', code: 'returns.invitation-too-early' }],
    ['a notice before the pick-up', counter(), '2025-04-03T15:00:00+07:00', { kind: 'rule-violation', code: 'returns.time-before-previous-step' }],
    ['a notice in the future', counter(), '2025-04-12T08:00:00+07:00', { kind: 'invalid', code: 'returns.time-in-future' }],
  ];
  it.each(refusals)('refuses %s', (_case, state, sentAt, refusal) => {
    expect(refusalOf(() => sendCounterNotice(state, notice(sentAt), { now: NOW }))).toEqual(refusal);
  });
});

describe('an uncollected counter result back to the agency', () => {
  const twice = noticed(['2025-04-04T08:00:00+07:00', '2025-04-08T08:00:00+07:00']);

  it('after two notices and two more working days: RETURNED_TO_AGENCY, one event', () => {
    const decision = returnFromCounter(twice, { returnedAt: at('2025-04-10T16:00:00+07:00'), actor: CLERK }, { now: NOW });
    expect(decision.state).toEqual({ ...twice, status: 'RETURNED_TO_AGENCY', returnedAt: at('2025-04-10T16:00:00+07:00'), lastStepAt: at('2025-04-10T16:00:00+07:00') });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.result-returned-to-agency.v1',
        data: {
          dossierId: twice.dossierId,
          legId: twice.legId,
          s10ItemId: twice.s10ItemId,
          agencyId: twice.agencyId,
          returnedAt: '2025-04-10T09:00:00.000Z',
          reason: 'NOT_COLLECTED_AT_COUNTER',
          attempts: 2,
          actor: CLERK,
        },
      },
    ]);
    expect(decision.record).toBeUndefined();
  });

  const refusals: [string, ReturnState, string, { kind: string; code: string }][] = [
    ...ALL_STATUSES.filter((status) => status !== 'AT_COUNTER').map(
      (status): [string, ReturnState, string, { kind: string; code: string }] => [`a leg in status ${status}`, { ...twice, status }, '2025-04-10T16:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-state' }],
    ),
    ['a home delivery', { ...twice, deliveryMode: 'HOME' }, '2025-04-10T16:00:00+07:00', { kind: 'conflict', code: 'returns.wrong-delivery-mode' }],
    ['after one notice only', noticed(['2025-04-04T08:00:00+07:00']), '2025-04-10T16:00:00+07:00', { kind: 'rule-violation', code: 'returns.not-enough-invitations' }],
    ['one working day after the second notice', twice, '2025-04-09T08:00:00+07:00', { kind: 'rule-violation', code: 'returns.not-enough-invitations' }],
    ['a time before the last notice', twice, '2025-04-08T07:00:00+07:00', { kind: 'rule-violation', code: 'returns.time-before-previous-step' }],
    ['a time in the future', twice, '2025-04-12T08:00:00+07:00', { kind: 'invalid', code: 'returns.time-in-future' }],
  ];
  it.each(refusals)('refuses %s', (_case, state, returnedAt, refusal) => {
    expect(refusalOf(() => returnFromCounter(state, { returnedAt: at(returnedAt), actor: CLERK }, { now: NOW }))).toEqual(refusal);
  });
});
