import { loadSampleCatalog } from '@bcci/catalog';
import type { ReturnState } from './return';
import { ReturnLegUnplaceableError } from './return-leg-deadline.rule';
import { at, openReturn, pickedUpReturn } from './return-state.spec-helper';
import { openReturnLeg, recordAgencyOutcome, recordRegistration, type AgencyOutcomeFact, type RegistrationFact, type UpstreamDecision } from './return-upstream.rules';

const catalog = loadSampleCatalog();
const now = at('2025-04-03T10:00:05+07:00');
const context = { now, catalog };
const DOSSIER = '5b0c7a8e-2f4d-4e57-9a43-1c2d3e4f5a6b';

const registration = (over: Partial<RegistrationFact> = {}): RegistrationFact => ({
  dossierId: DOSSIER,
  serviceForm: 'SEND_AND_RECEIVE',
  recipientRef: '7d1e9f00-3a5b-4c6d-8e9f-0a1b2c3d4e5f',
  destination: { deliveryMode: 'HOME', postalCode: '33100' },
  registeredAt: at('2025-03-12T09:14:05+07:00'),
  correlationId: 'corr-registration',
  ...over,
});
const result = (over: Partial<AgencyOutcomeFact> = {}): AgencyOutcomeFact => ({
  dossierId: DOSSIER,
  returnedItem: 'RESULT',
  resultId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  agencyId: '000.00.13.H65',
  issuedAt: at('2025-04-03T10:00:00+07:00'),
  feesOwed: 0,
  byPost: true,
  documentsToTakeBack: [],
  correlationId: 'corr-result',
  ...over,
});

function recordedState(decision: UpstreamDecision): ReturnState {
  if (decision.outcome !== 'recorded') throw new Error(`expected recorded, got ${decision.outcome}`);
  expect(decision.decision.events).toEqual([]);
  return decision.decision.state;
}

function dueState(decision: UpstreamDecision): ReturnState {
  if (decision.outcome !== 'leg-due') throw new Error(`expected leg-due, got ${decision.outcome}`);
  expect(decision.deadline).toEqual({ legClass: 'BETWEEN_DISTRICTS', startDay: '2025-04-03', workingDays: 2, dueDate: '2025-04-08' });
  return decision.state;
}

describe('upstream facts, in either order', () => {
  it.each([
    ['a registration with a return destination', 'AWAITING_RESULT', 'corr-registration', () => recordRegistration(null, registration(), context)],
    ['a registration of form 1 (no destination)', 'NOT_BY_POST', 'corr-registration', () => recordRegistration(null, registration({ serviceForm: 'SEND_DOSSIER', destination: null, recipientRef: null }), context)],
    ['a result', 'AWAITING_REGISTRATION', 'corr-result', () => recordAgencyOutcome(null, result(), context)],
    ['a result the agency hands over itself', 'NOT_BY_POST', 'corr-result', () => recordAgencyOutcome(null, result({ byPost: false }), context)],
  ])('the first fact known, %s, is kept as %s, starting the chain %s', (_case, status, correlationId, decide) => {
    expect(recordedState(decide())).toMatchObject({ dossierId: DOSSIER, status, correlationId, legId: null });
  });

  it('the delivering point is placed in its province by the catalog unless intake named it', () => {
    expect(recordedState(recordRegistration(null, registration(), context)).destinationProvinceCode).toBe('15');
    const named = registration({ destination: { deliveryMode: 'COUNTER', postalCode: '33100', provinceCode: '10' } });
    expect(recordedState(recordRegistration(null, named, context))).toMatchObject({ destinationProvinceCode: '10', deliveryMode: 'COUNTER' });
    const unknownPoint = registration({ destination: { deliveryMode: 'HOME', postalCode: '99999' } });
    expect(recordedState(recordRegistration(null, unknownPoint, context)).destinationProvinceCode).toBeNull();
  });

  it('registration then result: the leg is due, J+2 from the agency to the point', () => {
    const waiting = recordedState(recordRegistration(null, registration(), context));
    expect(dueState(recordAgencyOutcome(waiting, result({ feesOwed: 150_000 }), context))).toMatchObject({ status: 'AWAITING_RESULT', feesOwed: 150_000, correlationId: 'corr-registration' });
  });

  it('result then registration: the leg is due, and the chain is the registration’s', () => {
    const waiting = recordedState(recordAgencyOutcome(null, result(), context));
    expect(dueState(recordRegistration(waiting, registration(), context))).toMatchObject({ resultId: result().resultId, correlationId: 'corr-registration' });
  });

  it.each([
    ['the agency hands the result over itself (result second)', () => recordAgencyOutcome(recordedState(recordRegistration(null, registration(), context)), result({ byPost: false }), context)],
    ['the agency hands the result over itself (result first)', () => recordRegistration(recordedState(recordAgencyOutcome(null, result({ byPost: false }), context)), registration(), context)],
    ['form 1 (registration second)', () => recordRegistration(recordedState(recordAgencyOutcome(null, result(), context)), registration({ serviceForm: 'SEND_DOSSIER', destination: null }), context)],
    ['form 2 without a destination', () => recordRegistration(recordedState(recordAgencyOutcome(null, result(), context)), registration({ serviceForm: 'RECEIVE_RESULT', destination: null }), context)],
    ['no recipient reference', () => recordRegistration(recordedState(recordAgencyOutcome(null, result(), context)), registration({ recipientRef: null }), context)],
  ])('no leg when %s: NOT_BY_POST', (_case, decide) => {
    expect(recordedState(decide())).toMatchObject({ status: 'NOT_BY_POST', legId: null });
  });

  it.each([
    ['a registration already known', recordedState(recordRegistration(null, registration(), context)), () => registration({ correlationId: 'corr-again' })],
    ['a registration after the leg opened', openReturn(), () => registration()],
    ['a registration after the pick-up', pickedUpReturn(), () => registration()],
  ])('nothing changes for %s', (_case, state, fact) => {
    expect(recordRegistration(state, fact(), context)).toEqual({ outcome: 'already-known' });
  });

  it.each([
    ['a result already known', recordedState(recordAgencyOutcome(null, result(), context))],
    ['a result after the leg opened', openReturn()],
    ['a result again while the courier holds it', pickedUpReturn()],
    ['a refusal slip after a result', openReturn({ status: 'DELIVERED' })],
  ])('nothing changes for %s', (_case, state) => {
    expect(recordAgencyOutcome(state, result({ resultId: 'aaaaaaaa-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }), context)).toEqual({ outcome: 'already-known' });
  });

  it('a leg the catalog cannot place is refused for a person to fix', () => {
    const waiting = recordedState(recordRegistration(null, registration(), context));
    expect(() => recordAgencyOutcome(waiting, result({ issuedAt: at('2025-08-05T09:00:00+07:00') }), context)).toThrow(ReturnLegUnplaceableError);
  });
});

describe('opening the return leg', () => {
  it('OPEN with its S10 item id and J+n, and one return-leg-opened telling what to collect', () => {
    const licence = { documentCode: 'GPLX-CU', title: 'Giấy phép lái xe cũ', count: 1 };
    const waiting = recordedState(recordRegistration(null, registration(), context));
    const due = recordAgencyOutcome(waiting, result({ feesOwed: 150_000, documentsToTakeBack: [licence] }), context);
    if (due.outcome !== 'leg-due') throw new Error(due.outcome);
    const decision = openReturnLeg(due.state, due.deadline, { legId: 'leg-1', serviceIndicator: 'EK', serial: 1 }, { now });
    expect(decision.state).toMatchObject({
      status: 'OPEN',
      legId: 'leg-1',
      s10ItemId: 'EK000000014VN',
      legClass: 'BETWEEN_DISTRICTS',
      startDay: '2025-04-03',
      workingDays: 2,
      dueDate: '2025-04-08',
      openedAt: now,
    });
    expect(decision.events).toEqual([
      {
        type: 'bcci.returns.return-leg-opened.v1',
        data: {
          dossierId: DOSSIER,
          legId: 'leg-1',
          resultId: result().resultId,
          returnedItem: 'RESULT',
          s10ItemId: 'EK000000014VN',
          agencyId: '000.00.13.H65',
          deliveryMode: 'HOME',
          destinationPostalCode: '33100',
          recipientRef: registration().recipientRef,
          deadline: { legClass: 'BETWEEN_DISTRICTS', startDay: '2025-04-03', workingDays: 2, dueDate: '2025-04-08' },
          feesToCollect: 150_000,
          documentsToTakeBack: 1,
          takeBackDocuments: [licence],
          openedAt: now.toISOString(),
        },
      },
    ]);
  });
});
