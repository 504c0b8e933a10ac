import type { DossierProgress } from './dossier-progress';
import { recordDispatch, recordDossierCode, withdrawDossier } from './dossier-progress.rules';

const NOW = new Date('2026-11-23T10:15:00+07:00');
const SCANNED = new Date('2026-11-23T15:40:00+07:00');
const CLERK = { role: 'POSTAL_CLERK', ref: 'clerk-33100' } as const;

const registered = (over: Partial<DossierProgress> = {}): DossierProgress => ({
  id: '1c9d3f4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  postalCode: '33100',
  receivingChannel: 3,
  agencyFee: 200_000,
  postageForwardLeg: 25_000,
  postageReturnLeg: 25_000,
  status: 'REGISTERED',
  dispatchedAt: null,
  dossierCode: null,
  withdrawnAt: null,
  withdrawalReasonCode: null,
  withdrawalReason: null,
  ...over,
});
const dispatched = registered({ dispatchedAt: SCANNED });
const withdrawn = registered({ status: 'WITHDRAWN', withdrawnAt: NOW, withdrawalReasonCode: 'APPLICANT_REQUEST' });

function refusalOf(decide: () => unknown): string | null {
  try {
    decide();
    return null;
  } catch (error) {
    return `${(error as { kind: string }).kind} ${(error as { code: string }).code}`;
  }
}

describe('withdrawal at the counter', () => {
  it.each([
    ['APPLICANT_REQUEST', null, { agencyFees: 200_000, postage: 0 }],
    ['OTHER', 'Người nộp đổi ý', { agencyFees: 200_000, postage: 0 }],
    ['DUPLICATE', null, { agencyFees: 200_000, postage: 50_000 }],
    ['CLERK_ERROR', null, { agencyFees: 200_000, postage: 50_000 }],
  ] as const)('a registered dossier withdrawn for %s (%s) is WITHDRAWN, with one event refunding %j', (reasonCode, reason, refund) => {
    const state = registered();
    const decision = withdrawDossier(state, { reasonCode, reason, actor: CLERK }, { now: NOW });
    expect(decision.state).toEqual({ ...state, status: 'WITHDRAWN', withdrawnAt: NOW, withdrawalReasonCode: reasonCode, withdrawalReason: reason });
    expect(decision.events).toEqual([
      {
        type: 'bcci.intake.dossier-withdrawn.v1',
        data: { dossierId: state.id, withdrawnAt: NOW.toISOString(), reasonCode, ...(reason ? { reason } : {}), refund, actor: CLERK },
      },
    ]);
  });

  it.each([
    ['a dossier already withdrawn', 'conflict dossier.already-withdrawn', withdrawn],
    ['a dossier the courier has dispatched', 'conflict dossier.already-dispatched', dispatched],
    ['a withdrawn dossier whose item was scanned anyway', 'conflict dossier.already-withdrawn', { ...withdrawn, dispatchedAt: SCANNED }],
  ])('refuses %s: %s', (_case, refusal, state) => {
    expect(refusalOf(() => withdrawDossier(state, { reasonCode: 'APPLICANT_REQUEST', reason: null, actor: CLERK }, { now: NOW }))).toBe(refusal);
  });
});

describe('the courier’s dispatch scan', () => {
  it.each([
    ['a registered dossier', registered()],
    ['a withdrawn dossier (the scan still proves the item left)', withdrawn],
  ])('is kept for %s, and says nothing', (_case, state) => {
    expect(recordDispatch(state, { scannedAt: SCANNED })).toEqual({ state: { ...state, dispatchedAt: SCANNED }, events: [] });
  });

  it('a later scan changes nothing: the first one is kept (the same state back)', () => {
    const decision = recordDispatch(dispatched, { scannedAt: new Date('2026-11-24T08:00:00+07:00') });
    expect(decision.state).toBe(dispatched);
    expect(decision.events).toEqual([]);
  });
});

describe('the agency’s dossier code', () => {
  it.each([
    ['a registered dossier', registered()],
    ['a dispatched dossier', dispatched],
  ])('is kept for %s, next to the provisional id', (_case, state) => {
    expect(recordDossierCode(state, { dossierCode: '000.00.13.H39-261122-0007' })).toEqual({ state: { ...state, dossierCode: '000.00.13.H39-261122-0007' }, events: [] });
  });

  it('a second code changes nothing: the first one is kept (the same state back)', () => {
    const coded = registered({ dossierCode: '000.00.13.H39-261122-0007' });
    expect(recordDossierCode(coded, { dossierCode: '000.00.13.H39-261122-0008' }).state).toBe(coded);
  });
});
