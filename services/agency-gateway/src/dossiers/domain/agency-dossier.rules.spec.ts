import type { Actor } from '@bcci/contracts';
import { ConflictError, ForbiddenError, RuleViolationError, getWorkingCalendar } from '@bcci/kernel';
import { newAgencyDossier, type AgencyDossierState } from './agency-dossier';
import { startAgencyClock } from './agency-deadline';
import {
  assertDossierOfAgency,
  completeSupplement,
  isReadyToPublish,
  issueResult,
  reject,
  requestSupplement,
  reschedule,
  signHandover,
  type DeadlinePolicy,
} from './agency-dossier.rules';

const calendar = getWorkingCalendar('vn-public-administration');
const policy = (workingDays: number): DeadlinePolicy => ({ workingDays, calendar });
const actor: Actor = { role: 'AGENCY_SYSTEM', ref: 'agency-system:H38' };
const at = (iso: string) => new Date(iso);

function published(overrides: Partial<AgencyDossierState> = {}): AgencyDossierState {
  return {
    ...newAgencyDossier('0b9f6c1e-5d2a-4f3b-9c8e-2a7d1e4f6b01'),
    status: 'PUBLISHED',
    nationalStatus: 1,
    agencyId: '000.00.00.H38',
    procedureCode: '1.010902',
    serviceForm: 'SEND_AND_RECEIVE',
    registered: true,
    legOpened: true,
    digitized: true,
    publishedAt: '2025-03-12T02:24:05.000Z',
    ...overrides,
  };
}

function received(filingIso: string, workingDays = 10): AgencyDossierState {
  return signHandover(published(), { now: at(filingIso), actor }, policy(workingDays)).state;
}

const supplement = { actor, supplementRequestId: '11111111-1111-4111-8111-111111111111', requestedComponents: [{ componentCode: 'GT-TUY-THAN' }] as [{ componentCode: string }], reason: 'Bản chụp mờ.' };

describe('agency deadline from the legal filing time, in the agency working days', () => {
  it('counts the procedure time limit from the handover signature: 13/03/2025 + 10 working days = 27/03/2025', () => {
    const state = received('2025-03-13T09:41:12+07:00');
    expect(state.clock).toMatchObject({ clockStart: '2025-03-13T02:41:12.000Z', workingDays: 10, dueDate: '2025-03-27' });
  });

  it('skips the Tết break: filed Friday 24/01/2025, 5 working days → Friday 07/02/2025', () => {
    expect(startAgencyClock(at('2025-01-24T10:00:00+07:00'), 5, calendar).dueDate).toBe('2025-02-07');
  });

  it('counts a filing after office hours from the next working day (after Tết): 24/01/2025 18:00 + 5 → 10/02/2025', () => {
    expect(startAgencyClock(at('2025-01-24T18:00:00+07:00'), 5, calendar).dueDate).toBe('2025-02-10');
  });

  it('uses the handover record time reported by forwarding rather than the agency click', () => {
    const state = signHandover(published({ legalFilingAt: '2025-03-13T02:41:12.000Z' }), { now: at('2025-03-14T09:00:00+07:00'), actor }, policy(10));
    expect(state.data.agencyDeadline).toEqual({ clockStart: '2025-03-13T02:41:12.000Z', workingDays: 10, dueDate: '2025-03-27' });
  });
});

describe('3-day supplement limit (NĐ 61/2018 Đ19.4)', () => {
  it('accepts a request on the third working day after receipt', () => {
    const decision = requestSupplement(received('2025-03-13T09:41:12+07:00'), { ...supplement, now: at('2025-03-18T16:59:00+07:00') }, calendar);
    expect(decision.state.status).toBe('SUPPLEMENT_REQUESTED');
    expect(decision.state.nationalStatus).toBe(5);
  });

  it('refuses a request after the third working day (422 rule)', () => {
    const state = received('2025-03-13T09:41:12+07:00');
    expect(() => requestSupplement(state, { ...supplement, now: at('2025-03-19T08:00:00+07:00') }, calendar)).toThrow(RuleViolationError);
  });

  it('counts the 3 days in working days across the 30/4–2/5 holidays', () => {
    const state = received('2025-04-28T09:00:00+07:00');
    expect(requestSupplement(state, { ...supplement, now: at('2025-05-06T10:00:00+07:00') }, calendar).state.status).toBe('SUPPLEMENT_REQUESTED');
    expect(() => requestSupplement(state, { ...supplement, now: at('2025-05-07T08:00:00+07:00') }, calendar)).toThrow(RuleViolationError);
  });

  it('refuses a second request while one is pending (409)', () => {
    const pending = requestSupplement(received('2025-03-13T09:41:12+07:00'), { ...supplement, now: at('2025-03-14T10:00:00+07:00') }, calendar).state;
    expect(() => requestSupplement(pending, { ...supplement, now: at('2025-03-14T11:00:00+07:00') }, calendar)).toThrow(ConflictError);
  });
});

describe('agency clock restarts from zero when the supplement is complete', () => {
  it('starts a full new time limit at the completion time, with no credit for days already used (and skips Hùng Kings day 07/04/2025)', () => {
    const pending = requestSupplement(received('2025-03-13T09:41:12+07:00'), { ...supplement, now: at('2025-03-14T10:00:00+07:00') }, calendar).state;
    const done = completeSupplement(pending, { now: at('2025-03-24T10:00:00+07:00'), actor, submissionChannel: 'POSTAL' }, policy(10));
    expect(done.state.legalFilingAt).toBe('2025-03-24T03:00:00.000Z');
    expect(done.data.agencyDeadline).toEqual({ clockStart: '2025-03-24T03:00:00.000Z', workingDays: 10, dueDate: '2025-04-08' });
    expect(done.state.nationalStatus).toBe(4);
  });

  it('opens a new 3-working-day supplement window from the new filing time', () => {
    const pending = requestSupplement(received('2025-03-13T09:41:12+07:00'), { ...supplement, now: at('2025-03-14T10:00:00+07:00') }, calendar).state;
    const done = completeSupplement(pending, { now: at('2025-03-24T10:00:00+07:00'), actor, submissionChannel: 'POSTAL' }, policy(10)).state;
    expect(requestSupplement(done, { ...supplement, now: at('2025-03-27T10:00:00+07:00') }, calendar).state.status).toBe('SUPPLEMENT_REQUESTED');
  });

  it('refuses a completion when no supplement is pending', () => {
    expect(() => completeSupplement(received('2025-03-13T09:41:12+07:00'), { now: at('2025-03-24T10:00:00+07:00'), actor, submissionChannel: 'POSTAL' }, policy(10))).toThrow(ConflictError);
  });
});

describe('reschedule once, with an apology at least one day before the due date (NĐ 61/2018 Đ19.9)', () => {
  const input = { actor, newDueDate: '2025-04-03', reason: 'Chờ xác minh.' };

  it('moves the due date once, national status 4', () => {
    const decision = reschedule(received('2025-03-13T09:41:12+07:00'), { ...input, now: at('2025-03-25T16:00:00+07:00') }, calendar);
    expect(decision.data).toMatchObject({ previousDueDate: '2025-03-27', newDueDate: '2025-04-03' });
    expect(decision.state.clock?.dueDate).toBe('2025-04-03');
  });

  it('refuses a second reschedule (409)', () => {
    const once = reschedule(received('2025-03-13T09:41:12+07:00'), { ...input, now: at('2025-03-25T16:00:00+07:00') }, calendar).state;
    expect(() => reschedule(once, { ...input, newDueDate: '2025-04-10', now: at('2025-03-26T09:00:00+07:00') }, calendar)).toThrow(ConflictError);
  });

  it('refuses an apology sent on the due date itself (422)', () => {
    expect(() => reschedule(received('2025-03-13T09:41:12+07:00'), { ...input, now: at('2025-03-27T08:00:00+07:00') }, calendar)).toThrow(RuleViolationError);
  });

  it('refuses a new date that is not after the current due date (422)', () => {
    expect(() => reschedule(received('2025-03-13T09:41:12+07:00'), { ...input, newDueDate: '2025-03-27', now: at('2025-03-20T08:00:00+07:00') }, calendar)).toThrow(RuleViolationError);
  });
});

describe('rejection and result carry the national status', () => {
  it('rejects before the handover as not received (3) and after it as processing stopped (8)', () => {
    const slip = { now: at('2025-03-14T10:00:00+07:00'), actor, reasonCode: 'NOT_ELIGIBLE' as const, reason: 'Không đủ điều kiện.' };
    expect(reject(published(), slip).data.stage).toBe('AT_RECEPTION');
    expect(reject(published(), slip).state.nationalStatus).toBe(3);
    expect(reject(received('2025-03-13T09:41:12+07:00'), slip).state.nationalStatus).toBe(8);
  });

  it('issues a result as resolved (9), or 6 while fees are owed, returned by post for form 3', () => {
    const base = { now: at('2025-03-20T10:00:00+07:00'), actor, resultId: '22222222-2222-4222-8222-222222222222', resultKind: 'DOCUMENT' as const, medium: 'PAPER' as const, resultReference: '12/LLTP' };
    expect(issueResult(received('2025-03-13T09:41:12+07:00'), { ...base, feesOwed: 0 }).state.nationalStatus).toBe(9);
    const owed = issueResult(received('2025-03-13T09:41:12+07:00'), { ...base, feesOwed: 50000 });
    expect(owed.state.nationalStatus).toBe(6);
    expect(owed.data.returnByPost).toBe(true);
  });

  it('passes on the documents the post must take back at delivery, and says nothing when there are none', () => {
    const base = { now: at('2025-03-20T10:00:00+07:00'), actor, resultId: '22222222-2222-4222-8222-222222222222', resultKind: 'DOCUMENT' as const, medium: 'PAPER' as const, resultReference: '12/GPLX', feesOwed: 0 };
    const oldLicence = { documentCode: 'GPLX-CU', title: 'Giấy phép lái xe cũ', count: 1 };
    expect(issueResult(received('2025-03-13T09:41:12+07:00'), { ...base, documentsToTakeBack: [oldLicence] }).data.documentsToTakeBack).toEqual([oldLicence]);
    expect(issueResult(received('2025-03-13T09:41:12+07:00'), { ...base, documentsToTakeBack: [] }).data).not.toHaveProperty('documentsToTakeBack');
  });

  it('refuses any decision on a dossier with a result (409)', () => {
    const done = issueResult(received('2025-03-13T09:41:12+07:00'), { now: at('2025-03-20T10:00:00+07:00'), actor, resultId: '22222222-2222-4222-8222-222222222222', resultKind: 'REFERENCE', medium: 'DIGITAL', resultReference: '12/LLTP', feesOwed: 0 }).state;
    expect(() => reject(done, { now: at('2025-03-21T10:00:00+07:00'), actor, reasonCode: 'OTHER', reason: 'x' })).toThrow(ConflictError);
  });
});

describe('agency scope', () => {
  it('lets the competent agency see its published dossier and refuses any other agency (403)', () => {
    expect(() => assertDossierOfAgency(published(), '000.00.00.H38')).not.toThrow();
    expect(() => assertDossierOfAgency(published(), '000.00.00.H59')).toThrow(ForbiddenError);
  });

  it('hides a dossier not yet published even from its agency', () => {
    expect(() => assertDossierOfAgency(published({ publishedAt: null }), '000.00.00.H38')).toThrow(ForbiddenError);
  });

  it('publishes only once registration, postal leg and contents (digitized or handed over) are known', () => {
    const pending = { ...published({ publishedAt: null, status: 'AWAITING_UPSTREAM' }) };
    expect(isReadyToPublish(pending)).toBe(true);
    expect(isReadyToPublish({ ...pending, legOpened: false })).toBe(false);
    expect(isReadyToPublish({ ...pending, digitized: false })).toBe(false);
    expect(isReadyToPublish({ ...pending, digitized: false, handoverRecordSignedAt: '2025-03-13T02:41:12.000Z' })).toBe(true);
  });

  it('publishes a service form 2 dossier (result by post only) on its registration: no postal leg, no contents to wait for', () => {
    const form2 = { ...published({ publishedAt: null, status: 'AWAITING_UPSTREAM' }), serviceForm: 'RECEIVE_RESULT' as const, legOpened: false, digitized: false };
    expect(isReadyToPublish(form2)).toBe(true);
    expect(isReadyToPublish({ ...form2, agencyId: null })).toBe(false);
    expect(isReadyToPublish({ ...form2, registered: false })).toBe(false);
    expect(isReadyToPublish({ ...form2, serviceForm: 'SEND_AND_RECEIVE' })).toBe(false);
  });
});
