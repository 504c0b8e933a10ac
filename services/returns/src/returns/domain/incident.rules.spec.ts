import { recordIncident, type IncidentCommand } from './incident.rules';
import type { ReturnState } from './return';
import { ALL_STATUSES, at, CLERK, NOW, openReturn, pickedUpReturn, refusalOf } from './return-state.spec-helper';

const INCIDENT_ID = '3c2b1a09-8f7e-4d6c-9b5a-493827161504';
const incident = (over: Partial<IncidentCommand> = {}): IncidentCommand => ({
  legDirection: 'TO_RECIPIENT',
  kind: 'LOSS',
  affectedItem: 'RESULT',
  partyAtFault: 'POSTAL',
  cost: 26_000,
  compensation: 50_000,
  occurredAt: at('2025-04-04T15:30:00+07:00'),
  description: 'Bưu gửi kết quả thất lạc trên đường phát.',
  postalCode: '33100',
  actor: CLERK,
  ...over,
});
const decide = (state: ReturnState, over: Partial<IncidentCommand> = {}) => recordIncident(state, incident(over), { now: NOW, incidentId: INCIDENT_ID });

describe('incidents (QĐ 45 Đ14)', () => {
  it('a result lost on the way back ends the leg: LOST, one event with the leg, and the record', () => {
    const state = pickedUpReturn();
    const decision = decide(state);
    expect(decision.state).toEqual({ ...state, status: 'LOST' });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.incident-recorded.v1',
        data: {
          dossierId: state.dossierId,
          incidentId: INCIDENT_ID,
          legId: state.legId,
          s10ItemId: state.s10ItemId,
          legDirection: 'TO_RECIPIENT',
          kind: 'LOSS',
          affectedItem: 'RESULT',
          partyAtFault: 'POSTAL',
          cost: 26_000,
          compensation: 50_000,
          occurredAt: '2025-04-04T08:30:00.000Z',
          recordedAt: NOW.toISOString(),
          postalCode: '33100',
          description: 'Bưu gửi kết quả thất lạc trên đường phát.',
          actor: CLERK,
        },
      },
    ]);
    expect(decision.record).toMatchObject({ kind: 'incident', id: INCIDENT_ID, incidentKind: 'LOSS', recordedAt: NOW, actorRole: 'POSTAL_CLERK' });
  });

  it.each(ALL_STATUSES.map((status) => [status, ['OPEN', 'PICKED_UP', 'ATTEMPTED', 'AT_COUNTER'].includes(status) ? 'LOST' : status]))(
    'a loss of the result on a leg in status %s leaves it %s',
    (status, after) => {
      expect(decide(pickedUpReturn({ status })).state.status).toBe(after);
    },
  );

  it.each([
    ['damage', { kind: 'DAMAGE' }],
    ['documents taken back lost', { affectedItem: 'DOCUMENTS_TAKEN_BACK' }],
    ['a loss on the way to the agency', { legDirection: 'TO_AGENCY', affectedItem: 'DOSSIER' }],
  ] as const)('%s is recorded and leaves the leg as it is (the same state)', (_case, over) => {
    const state = pickedUpReturn();
    const decision = decide(state, over);
    expect(decision.state).toBe(state);
    expect(decision.events).toHaveLength(1);
    expect(decision.record).toMatchObject({ kind: 'incident' });
  });

  it('an incident on the way to the agency carries no return leg', () => {
    const decision = decide(openReturn({ status: 'AWAITING_RESULT', legId: null, s10ItemId: null }), { legDirection: 'TO_AGENCY', affectedItem: 'DOSSIER' });
    expect(decision.events[0].data).not.toHaveProperty('legId');
    expect(decision.events[0].data).not.toHaveProperty('s10ItemId');
  });

  it.each([
    ['on the way back before the leg opened', openReturn({ status: 'AWAITING_RESULT', legId: null, s10ItemId: null }), {}, { kind: 'rule-violation', code: 'returns.incident-leg-missing' }],
    ['in the future', pickedUpReturn(), { occurredAt: at('2025-04-12T08:00:00+07:00') }, { kind: 'invalid', code: 'returns.time-in-future' }],
  ] as const)('refuses an incident %s', (_case, state, over, refusal) => {
    expect(refusalOf(() => decide(state, over))).toEqual(refusal);
  });
});
