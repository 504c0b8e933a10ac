import { pickUpAtAgency } from './pick-up.rules';
import { ALL_STATUSES, at, COURIER, NOW, openReturn, refusalOf } from './return-state.spec-helper';

const pickUp = (pickedUpAt: string) => ({ pickedUpAt: at(pickedUpAt), itemsCount: 1, actor: COURIER });

describe('pick-up at the agency', () => {
  it('takes an open leg to PICKED_UP and says so once', () => {
    const state = openReturn();
    const decision = pickUpAtAgency(state, pickUp('2025-04-03T16:00:00+07:00'), { now: NOW });
    expect(decision.state).toEqual({ ...state, status: 'PICKED_UP', pickedUpAt: at('2025-04-03T16:00:00+07:00'), lastStepAt: at('2025-04-03T16:00:00+07:00') });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.result-picked-up-at-agency.v1',
        data: {
          dossierId: state.dossierId,
          legId: state.legId,
          resultId: state.resultId,
          s10ItemId: state.s10ItemId,
          agencyId: state.agencyId,
          pickedUpAt: '2025-04-03T09:00:00.000Z',
          itemsCount: 1,
          actor: COURIER,
        },
      },
    ]);
    expect(decision.record).toBeUndefined();
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'OPEN').map((status) => [status]))('refuses a leg in status %s (409 returns.wrong-state)', (status) => {
    expect(refusalOf(() => pickUpAtAgency(openReturn({ status }), pickUp('2025-04-04T09:00:00+07:00'), { now: NOW }))).toEqual({ kind: 'conflict', code: 'returns.wrong-state' });
  });

  it.each([
    ['before the result was issued', '2025-04-02T16:00:00+07:00', { kind: 'rule-violation', code: 'returns.time-before-previous-step' }],
    ['in the future', '2025-04-11T12:05:00+07:00', { kind: 'invalid', code: 'returns.time-in-future' }],
    ['within a minute of clock drift', '2025-04-11T12:00:59+07:00', null],
  ])('a pick-up %s', (_case, pickedUpAt, refusal) => {
    expect(refusalOf(() => pickUpAtAgency(openReturn(), pickUp(pickedUpAt), { now: NOW }))).toEqual(refusal);
  });
});
