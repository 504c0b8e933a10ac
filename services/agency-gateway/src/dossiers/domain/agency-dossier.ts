import type { NationalStatusValue } from '@bcci/contracts';

/**
 * Where a dossier stands for its agency. Finer than the national status (domain.md §5), which is
 * derived from it and carried on every event that moves it.
 */
export const AGENCY_DOSSIER_STATUSES = [
  'AWAITING_UPSTREAM', // known from some upstream event, not yet publishable
  'PUBLISHED', // published to the agency; handover not yet acknowledged
  'RECEIVED', // handover acknowledged: the agency clock runs
  'SUPPLEMENT_REQUESTED', // the agency clock is paused until the supplement is complete
  'PROCESSING', // after a completed supplement or a reschedule
  'REJECTED',
  'RESULT_ISSUED',
] as const;
export type AgencyDossierStatus = (typeof AGENCY_DOSSIER_STATUSES)[number];

export type ServiceForm = 'SEND_DOSSIER' | 'RECEIVE_RESULT' | 'SEND_AND_RECEIVE';

export interface DossierComponentView {
  componentId: string;
  componentCode: string;
  title: string;
  originals: number;
  copies: number;
  digitized: boolean;
  certified: boolean;
  contentHash?: string;
}

/** The agency clock: legal filing time, time limit in the agency's working days and the due date. */
export interface AgencyClock {
  /** The legal filing time the clock counts from (handover record, or a completed supplement). */
  clockStart: string;
  workingDays: number;
  dueDate: string;
  /** Closing time of the agency's office on the due date. */
  dueAt: string;
}

export interface PendingSupplement {
  supplementRequestId: string;
  requestedAt: string;
}

/** Everything the gateway knows of one dossier; persisted as one row (jsonb) per dossier. */
export interface AgencyDossierState {
  dossierId: string;
  status: AgencyDossierStatus;
  nationalStatus: NationalStatusValue | null;
  /** Competent agency: from the postal leg (effective-dated competence), else the one expected at intake. */
  agencyId: string | null;
  procedureCode: string | null;
  provisionalDossierId: string | null;
  dossierCode: string | null;
  serviceForm: ServiceForm | null;
  s10ItemId: string | null;
  intakePostalCode: string | null;
  intakeDay: string | null;
  expectedArrival: string | null;
  applicantRef: string | null;
  agencyFeesCollected: number | null;
  components: DossierComponentView[];
  /** Upstream facts received (events may arrive in any order). */
  registered: boolean;
  legOpened: boolean;
  digitized: boolean;
  /** Forwarding's handover record (signed by both sides): the authoritative legal filing time. */
  handoverRecordSignedAt: string | null;
  handoverRecordId: string | null;
  publishedAt: string | null;
  acknowledgedAt: string | null;
  batchId: string | null;
  /** Legal filing time in force: the handover record, or the last completed supplement. */
  legalFilingAt: string | null;
  clock: AgencyClock | null;
  pendingSupplement: PendingSupplement | null;
  supplementsCompleted: number;
  rescheduledAt: string | null;
  rejectedAt: string | null;
  resultIssuedAt: string | null;
  resultId: string | null;
}

export function newAgencyDossier(dossierId: string): AgencyDossierState {
  return {
    dossierId,
    status: 'AWAITING_UPSTREAM',
    nationalStatus: null,
    agencyId: null,
    procedureCode: null,
    provisionalDossierId: null,
    dossierCode: null,
    serviceForm: null,
    s10ItemId: null,
    intakePostalCode: null,
    intakeDay: null,
    expectedArrival: null,
    applicantRef: null,
    agencyFeesCollected: null,
    components: [],
    registered: false,
    legOpened: false,
    digitized: false,
    handoverRecordSignedAt: null,
    handoverRecordId: null,
    publishedAt: null,
    acknowledgedAt: null,
    batchId: null,
    legalFilingAt: null,
    clock: null,
    pendingSupplement: null,
    supplementsCompleted: 0,
    rescheduledAt: null,
    rejectedAt: null,
    resultIssuedAt: null,
    resultId: null,
  };
}

export function isTerminal(state: AgencyDossierState): boolean {
  return state.status === 'REJECTED' || state.status === 'RESULT_ISSUED';
}

/** Result returns by post for service forms 2 and 3 (QĐ 45/2016 Đ5). */
export function returnsByPost(state: AgencyDossierState): boolean {
  return state.serviceForm === 'RECEIVE_RESULT' || state.serviceForm === 'SEND_AND_RECEIVE';
}
