import type { LocalDate } from '@bcci/kernel';

/**
 * The clocks a dossier runs against (domain.md §3):
 * - POSTAL_TO_AGENCY: the forwarding leg's J+n (TT 17/2017 Đ7), the post's clock;
 * - AGENCY_PROCESSING: the agency's time limit from the legal filing time, the agency's clock;
 * - POSTAL_TO_RECIPIENT: each return leg's J+n, the post's clock again.
 */
export const CLOCK_KINDS = ['POSTAL_TO_AGENCY', 'AGENCY_PROCESSING', 'POSTAL_TO_RECIPIENT'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Who answers for a clock that ran out. */
export type ResponsibleParty = 'POSTAL' | 'AGENCY';

export const PARTY_OF_CLOCK: Readonly<Record<ClockKind, ResponsibleParty>> = {
  POSTAL_TO_AGENCY: 'POSTAL',
  AGENCY_PROCESSING: 'AGENCY',
  POSTAL_TO_RECIPIENT: 'POSTAL',
};

/**
 * RUNNING counts down; PAUSED waits on the applicant (supplement requested); CLOSED stopped by the event
 * that fulfils the obligation (met or late is decided against the due date); ENDED stopped without a
 * verdict (withdrawal, a result nobody collected, a rejection while waiting on the applicant).
 */
export type ClockPhase = 'RUNNING' | 'PAUSED' | 'CLOSED' | 'ENDED';

export interface DossierClock {
  /** Unique per dossier: the kind, plus the leg id for return legs (a result may travel twice). */
  readonly key: string;
  readonly kind: ClockKind;
  readonly party: ResponsibleParty;
  readonly legId?: string;
  /** When the clock (last) started: intake, leg opening, legal filing or supplement completion. */
  readonly startedAt?: string;
  readonly workingDays?: number;
  /** Last day allowed (inclusive). Undefined when neither the events nor the catalog give one. */
  readonly dueDate?: LocalDate;
  readonly phase: ClockPhase;
  readonly pausedAt?: string;
  /** Times the clock restarted from zero (supplement completed). */
  readonly restarts: number;
  /** True once the single reschedule moved the due date. */
  readonly rescheduled: boolean;
  readonly closedAt?: string;
  /** Event name that closed or ended the clock. */
  readonly closedBy?: string;
}
