import type {
  Actor,
  DocumentRef,
  DocumentToTakeBack,
  DossierDigitizedData,
  DossierPublishedToAgencyData,
  DossierRegisteredData,
  DossierRejectedData,
  HandoverAcknowledgedData,
  HandoverRecordSignedData,
  PostalLegOpenedData,
  ProcessingRescheduledData,
  ResultIssuedData,
  SupplementCompletedData,
  SupplementRequestedData,
} from '@bcci/contracts';
import { EventType, nationalStatusFor, type EventDataMap, type EventTypeName } from '@bcci/contracts';
import { addDays, closingInstant, compareLocalDates, parseLocalDate, toVietnamDate, vietnamInstant, type WorkingCalendar } from '@bcci/kernel';
import { isTerminal, returnsByPost, type AgencyDossierState } from './agency-dossier';
import { startAgencyClock, supplementRequestDeadline } from './agency-deadline';
import {
  alreadyRescheduled,
  notYourDossier,
  newDueDateNotLater,
  rescheduleTooLate,
  resultNeedsDocumentOrReference,
  supplementWindowClosed,
  wrongState,
} from './agency-dossier.errors';

/** The procedure's BCCI time limit and the agency's working calendar, resolved from the catalog. */
export interface DeadlinePolicy {
  workingDays: number;
  calendar: WorkingCalendar;
}

/** Each decision returns the new state and the data of the one event that records it. */
export interface Decision<T> {
  state: AgencyDossierState;
  data: T;
}

/**
 * The decision with the national status its event carries, as contracts map events to national statuses
 * (nationalStatusFor): the gateway reports to agencies the status its own events announce, from one table.
 */
function announcing<T extends EventTypeName>(type: T, decision: Decision<EventDataMap[T]>): Decision<EventDataMap[T]> {
  return { state: { ...decision.state, nationalStatus: statusAnnouncedBy(type, decision.data) }, data: decision.data };
}

function statusAnnouncedBy<T extends EventTypeName>(type: T, data: EventDataMap[T]): NonNullable<AgencyDossierState['nationalStatus']> {
  const status = nationalStatusFor(type, data);
  if (status === undefined) throw new Error(`${type} announces no national status`);
  return status;
}

// ------------------------------------------------------------------ upstream facts (any order, idempotent)

export function recordRegistration(state: AgencyDossierState, data: DossierRegisteredData): AgencyDossierState {
  const flags = new Map(state.components.map((c) => [c.componentId, c]));
  return {
    ...state,
    registered: true,
    agencyId: state.agencyId ?? data.expectedAgencyId ?? null,
    procedureCode: state.procedureCode ?? data.procedureCode,
    provisionalDossierId: data.provisionalDossierId,
    serviceForm: data.serviceForm,
    s10ItemId: state.s10ItemId ?? data.s10ItemId ?? null,
    intakePostalCode: data.intakeSite.postalCode ?? state.intakePostalCode,
    intakeDay: data.intakeDay,
    applicantRef: data.applicantRef,
    agencyFeesCollected: data.agencyFees?.total ?? 0,
    components: (data.components ?? []).map((c) => {
      const known = flags.get(c.componentId);
      return {
        componentId: c.componentId,
        componentCode: c.componentCode,
        title: c.title,
        originals: c.originals,
        copies: c.copies,
        digitized: known?.digitized ?? false,
        certified: known?.certified ?? false,
        ...(known?.contentHash ? { contentHash: known.contentHash } : {}),
      };
    }),
  };
}

export function recordPostalLeg(state: AgencyDossierState, data: PostalLegOpenedData): AgencyDossierState {
  return {
    ...state,
    legOpened: true,
    // The leg carries the competence decided on the intake day (effective-dated): it wins.
    agencyId: data.agencyId,
    procedureCode: data.procedureCode,
    s10ItemId: data.s10ItemId,
    intakePostalCode: state.intakePostalCode ?? data.originPostalCode,
    expectedArrival: data.deadline.dueDate,
  };
}

export function recordDigitization(state: AgencyDossierState, data: DossierDigitizedData): AgencyDossierState {
  const byId = new Map(data.components.map((c) => [c.componentId, c]));
  const known = new Set(state.components.map((c) => c.componentId));
  const merged = state.components.map((c) => {
    const flags = byId.get(c.componentId);
    if (!flags) return c;
    return { ...c, digitized: flags.digitized, certified: flags.certified, ...(flags.contentHash ? { contentHash: flags.contentHash } : {}) };
  });
  // Flags for components the registration has not told us about yet are kept until it arrives.
  for (const flags of data.components.filter((c) => !known.has(c.componentId))) {
    merged.push({
      componentId: flags.componentId,
      componentCode: flags.componentCode,
      title: flags.componentCode,
      originals: 0,
      copies: 0,
      digitized: flags.digitized,
      certified: flags.certified,
      ...(flags.contentHash ? { contentHash: flags.contentHash } : {}),
    });
  }
  return { ...state, digitized: true, components: merged };
}

/**
 * Forwarding's handover record, signed by both sides, is the legal filing time (QĐ 45 Đ7). It becomes
 * the clock start unless a completed supplement has already restarted the clock.
 */
export function recordHandoverRecord(
  state: AgencyDossierState,
  data: HandoverRecordSignedData,
  policy: DeadlinePolicy | undefined,
): AgencyDossierState {
  const next: AgencyDossierState = {
    ...state,
    agencyId: state.agencyId ?? data.agencyId,
    handoverRecordSignedAt: data.signedAt,
    handoverRecordId: data.handoverRecordId,
  };
  if (isTerminal(state) || state.supplementsCompleted > 0 || state.pendingSupplement) return next;
  const filingAt = new Date(data.signedAt);
  const clock = policy ? startAgencyClock(filingAt, policy.workingDays, policy.calendar) : state.clock;
  const received = state.status === 'AWAITING_UPSTREAM' || state.status === 'PUBLISHED';
  return {
    ...next,
    legalFilingAt: filingAt.toISOString(),
    clock: rescheduledClock(state, clock),
    ...(received ? { status: 'RECEIVED', nationalStatus: statusAnnouncedBy(EventType.HandoverRecordSigned, data) } : {}),
  };
}

/** A reschedule already granted keeps its new date when the filing time is corrected. */
function rescheduledClock(state: AgencyDossierState, clock: AgencyDossierState['clock']): AgencyDossierState['clock'] {
  if (!clock || !state.rescheduledAt || !state.clock) return clock;
  return { ...clock, dueDate: state.clock.dueDate, dueAt: state.clock.dueAt };
}

// ------------------------------------------------------------------ publication

/**
 * Publishable once the gateway knows the dossier (registration), its competent agency (postal leg) and
 * its contents (digitized, or the paper dossier handed over). A service form 2 dossier (result by post
 * only) was filed with the agency itself: the post carries nothing to it, so forwarding opens no leg and
 * nothing is digitized; the registration's expected agency is enough for the agency to answer it.
 */
export function isReadyToPublish(state: AgencyDossierState): boolean {
  if (state.publishedAt !== null || !state.registered || state.agencyId === null) return false;
  if (state.serviceForm === 'RECEIVE_RESULT') return true;
  return state.legOpened && (state.digitized || state.handoverRecordSignedAt !== null);
}

export function publish(state: AgencyDossierState, now: Date, applicantDataUrl: string): Decision<DossierPublishedToAgencyData> {
  const publishedAt = now.toISOString();
  const data: DossierPublishedToAgencyData = {
    dossierId: state.dossierId,
    agencyId: state.agencyId!,
    provisionalDossierId: state.provisionalDossierId!,
    ...(state.dossierCode ? { dossierCode: state.dossierCode } : {}),
    procedureCode: state.procedureCode!,
    serviceForm: state.serviceForm!,
    ...(state.s10ItemId ? { s10ItemId: state.s10ItemId } : {}),
    intakePostalCode: state.intakePostalCode!,
    intakeDay: state.intakeDay!,
    ...(state.expectedArrival ? { expectedArrival: state.expectedArrival } : {}),
    components: state.components.map((c) => ({
      componentId: c.componentId,
      componentCode: c.componentCode,
      title: c.title,
      originals: c.originals,
      copies: c.copies,
      digitized: c.digitized,
      certified: c.certified,
    })),
    agencyFeesCollected: state.agencyFeesCollected ?? 0,
    applicantRef: state.applicantRef!,
    applicantDataUrl,
    publishedAt,
  };
  const status = state.status === 'AWAITING_UPSTREAM' ? 'PUBLISHED' : state.status;
  const nationalStatus = state.status === 'AWAITING_UPSTREAM' ? statusAnnouncedBy(EventType.DossierPublishedToAgency, data) : state.nationalStatus;
  return { state: { ...state, publishedAt, status, nationalStatus }, data };
}

// ------------------------------------------------------------------ agency decisions

export interface SignHandoverInput {
  now: Date;
  actor: Actor;
  batchId?: string;
  handoverRecordId?: string;
  dossierCode?: string;
}

/**
 * The agency signs the handover record through the gateway. The legal filing time is the handover
 * record's if forwarding already reported it, otherwise the agency's signature now (the last signature).
 */
export function signHandover(state: AgencyDossierState, input: SignHandoverInput, policy: DeadlinePolicy): Decision<HandoverAcknowledgedData> {
  const signable = state.status === 'PUBLISHED' || (state.status === 'RECEIVED' && state.acknowledgedAt === null);
  if (!signable) throw wrongState(state.dossierId, 'sign the handover record of', state.status);
  const filingAt = state.legalFilingAt ? new Date(state.legalFilingAt) : input.now;
  const clock = state.clock ?? startAgencyClock(filingAt, policy.workingDays, policy.calendar);
  const acknowledgedAt = input.now.toISOString();
  const handoverRecordId = input.handoverRecordId ?? state.handoverRecordId ?? undefined;
  const dossierCode = input.dossierCode ?? state.dossierCode ?? undefined;
  return announcing(EventType.HandoverAcknowledged, {
    state: {
      ...state,
      status: 'RECEIVED',
      acknowledgedAt,
      batchId: input.batchId ?? null,
      dossierCode: dossierCode ?? null,
      handoverRecordId: handoverRecordId ?? null,
      legalFilingAt: filingAt.toISOString(),
      clock,
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      ...(handoverRecordId ? { handoverRecordId } : {}),
      ...(input.batchId ? { batchId: input.batchId } : {}),
      acknowledgedAt,
      ...(dossierCode ? { dossierCode } : {}),
      agencyDeadline: { clockStart: clock.clockStart, workingDays: clock.workingDays, dueDate: clock.dueDate },
      actor: input.actor,
    },
  });
}

export interface RequestSupplementInput {
  now: Date;
  actor: Actor;
  supplementRequestId: string;
  requestedComponents: SupplementRequestedData['requestedComponents'];
  reason: string;
  notice?: DocumentRef;
}

/** NĐ 61/2018 Đ19.4: within 3 working days of receipt; the agency clock pauses until it is complete. */
export function requestSupplement(
  state: AgencyDossierState,
  input: RequestSupplementInput,
  calendar: WorkingCalendar,
): Decision<SupplementRequestedData> {
  if (!(state.status === 'RECEIVED' || state.status === 'PROCESSING') || !state.legalFilingAt) {
    throw wrongState(state.dossierId, 'request a supplement for', state.status);
  }
  const deadline = supplementRequestDeadline(new Date(state.legalFilingAt), calendar);
  if (input.now.getTime() > deadline.getTime()) throw supplementWindowClosed(state.dossierId, deadline);
  const requestedAt = input.now.toISOString();
  return announcing(EventType.SupplementRequested, {
    state: {
      ...state,
      status: 'SUPPLEMENT_REQUESTED',
      pendingSupplement: { supplementRequestId: input.supplementRequestId, requestedAt },
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      supplementRequestId: input.supplementRequestId,
      requestedAt,
      requestedComponents: input.requestedComponents,
      reason: input.reason,
      ...(input.notice ? { notice: input.notice } : {}),
      actor: input.actor,
    },
  });
}

export interface CompleteSupplementInput {
  now: Date;
  actor: Actor;
  submissionChannel: SupplementCompletedData['submissionChannel'];
}

/**
 * The supplement is complete: that moment is the new legal filing time and the agency clock restarts
 * from zero (NĐ 61/2018 Đ19.4 "tính lại từ đầu"), in full working days, with no credit for days used.
 */
export function completeSupplement(
  state: AgencyDossierState,
  input: CompleteSupplementInput,
  policy: DeadlinePolicy,
): Decision<SupplementCompletedData> {
  if (state.status !== 'SUPPLEMENT_REQUESTED' || !state.pendingSupplement) {
    throw wrongState(state.dossierId, 'complete a supplement for', state.status);
  }
  const clock = startAgencyClock(input.now, policy.workingDays, policy.calendar);
  return announcing(EventType.SupplementCompleted, {
    state: {
      ...state,
      status: 'PROCESSING',
      legalFilingAt: clock.clockStart,
      clock,
      pendingSupplement: null,
      supplementsCompleted: state.supplementsCompleted + 1,
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      supplementRequestId: state.pendingSupplement.supplementRequestId,
      completedAt: clock.clockStart,
      submissionChannel: input.submissionChannel,
      agencyDeadline: { clockStart: clock.clockStart, workingDays: clock.workingDays, dueDate: clock.dueDate },
      actor: input.actor,
    },
  });
}

export interface RejectInput {
  now: Date;
  actor: Actor;
  reasonCode: DossierRejectedData['reasonCode'];
  reason: string;
  refusalSlip?: DocumentRef;
}

/** Before the handover is acknowledged the dossier is not received (3); after, processing stops (8). */
export function reject(state: AgencyDossierState, input: RejectInput): Decision<DossierRejectedData> {
  if (state.status === 'AWAITING_UPSTREAM' || isTerminal(state)) throw wrongState(state.dossierId, 'reject', state.status);
  const stage: DossierRejectedData['stage'] = state.status === 'PUBLISHED' ? 'AT_RECEPTION' : 'DURING_PROCESSING';
  const rejectedAt = input.now.toISOString();
  return announcing(EventType.DossierRejected, {
    state: {
      ...state,
      status: 'REJECTED',
      rejectedAt,
      pendingSupplement: null,
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      rejectedAt,
      stage,
      reasonCode: input.reasonCode,
      reason: input.reason,
      ...(input.refusalSlip ? { refusalSlip: input.refusalSlip } : {}),
      // The paper dossier goes back to the applicant by post whenever it came by post.
      returnToApplicant: state.serviceForm !== 'RECEIVE_RESULT',
      actor: input.actor,
    },
  });
}

export interface RescheduleInput {
  now: Date;
  actor: Actor;
  newDueDate: string;
  reason: string;
  apologySlip?: DocumentRef;
}

/**
 * NĐ 61/2018 Đ19.9: for a dossier that will be late, an apology slip with a new return date, sent at the
 * latest one day before the due date; the return date may be rescheduled only once.
 */
export function reschedule(state: AgencyDossierState, input: RescheduleInput, calendar: WorkingCalendar): Decision<ProcessingRescheduledData> {
  if (!(state.status === 'RECEIVED' || state.status === 'PROCESSING') || !state.clock) {
    throw wrongState(state.dossierId, 'reschedule', state.status);
  }
  if (state.rescheduledAt) throw alreadyRescheduled(state.dossierId);
  const previousDueDate = parseLocalDate(state.clock.dueDate);
  const newDueDate = parseLocalDate(input.newDueDate);
  const today = toVietnamDate(input.now);
  if (compareLocalDates(today, addDays(previousDueDate, -1)) > 0) throw rescheduleTooLate(state.dossierId, previousDueDate);
  if (compareLocalDates(newDueDate, previousDueDate) <= 0) throw newDueDateNotLater(state.dossierId, previousDueDate, newDueDate);
  const rescheduledAt = input.now.toISOString();
  return announcing(EventType.ProcessingRescheduled, {
    state: {
      ...state,
      status: 'PROCESSING',
      rescheduledAt,
      clock: {
        ...state.clock,
        dueDate: input.newDueDate,
        // A new date on a rest day has no closing time: the end of that day then.
        dueAt: (closingInstant(newDueDate, calendar) ?? vietnamInstant(addDays(newDueDate, 1), 0)).toISOString(),
      },
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      rescheduledAt,
      previousDueDate,
      newDueDate: input.newDueDate,
      reason: input.reason,
      ...(input.apologySlip ? { apologySlip: input.apologySlip } : {}),
      actor: input.actor,
    },
  });
}

export interface IssueResultInput {
  now: Date;
  actor: Actor;
  resultId: string;
  resultKind: ResultIssuedData['resultKind'];
  medium: ResultIssuedData['medium'];
  document?: DocumentRef;
  resultReference?: string;
  feesOwed: number;
  /** Documents the recipient hands back to the agency at delivery (an old licence…); the post collects them. */
  documentsToTakeBack?: readonly DocumentToTakeBack[];
}

/** The result: national status 9 (resolved), or 6 while fees are still owed by the applicant. */
export function issueResult(state: AgencyDossierState, input: IssueResultInput): Decision<ResultIssuedData> {
  if (!(state.status === 'RECEIVED' || state.status === 'PROCESSING')) throw wrongState(state.dossierId, 'issue the result of', state.status);
  if (!input.document && !input.resultReference) throw resultNeedsDocumentOrReference();
  const issuedAt = input.now.toISOString();
  return announcing(EventType.ResultIssued, {
    state: {
      ...state,
      status: 'RESULT_ISSUED',
      resultIssuedAt: issuedAt,
      resultId: input.resultId,
    },
    data: {
      dossierId: state.dossierId,
      agencyId: state.agencyId!,
      resultId: input.resultId,
      issuedAt,
      resultKind: input.resultKind,
      medium: input.medium,
      ...(input.document ? { document: input.document } : {}),
      ...(input.resultReference ? { resultReference: input.resultReference } : {}),
      feesOwed: input.feesOwed,
      ...(input.documentsToTakeBack?.length ? { documentsToTakeBack: input.documentsToTakeBack.map((doc) => ({ ...doc })) } : {}),
      returnByPost: returnsByPost(state),
      actor: input.actor,
    },
  });
}

// ------------------------------------------------------------------ scope

/** An agency sees and acts on its own dossiers only. */
export function assertDossierOfAgency(state: AgencyDossierState, agencyId: string): void {
  if (state.agencyId !== agencyId || state.publishedAt === null) throw notYourDossier(state.dossierId, agencyId);
}
