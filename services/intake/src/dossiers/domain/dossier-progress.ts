import type { Actor, DossierWithdrawnData } from '@bcci/contracts';
import type { DossierStatus, WithdrawalReasonCode } from './dossier-status';

/**
 * A registered dossier as the rules after registration see it: what can still change at the postal
 * point (withdrawal, the courier's dispatch, the agency's dossier code) and the facts those decisions
 * read. The names are the dossier's own (its row has them too).
 */
export interface DossierProgress {
  readonly id: string;
  /** The postal point that took the dossier in. */
  readonly postalCode: string;
  /** National channel the dossier was received through (1 in person, 2 online, 3 BCCI), carried by its status events. */
  readonly receivingChannel: 1 | 2 | 3;
  /** Collected at intake: a withdrawal refunds from these. */
  readonly agencyFee: number;
  readonly postageForwardLeg: number;
  readonly postageReturnLeg: number;

  readonly status: DossierStatus;
  /** Set from forwarding's first scan proving the sealed item left the postal point. */
  readonly dispatchedAt: Date | null;
  /** Issued by the agency's one-stop system (TT 01/2018 Đ19), kept next to the provisional id. */
  readonly dossierCode: string | null;
  readonly withdrawnAt: Date | null;
  readonly withdrawalReasonCode: WithdrawalReasonCode | null;
  readonly withdrawalReason: string | null;
}

export type DossierEvent = { readonly type: 'bcci.intake.dossier-withdrawn.v1'; readonly data: DossierWithdrawnData };

/** The next state and the events to publish. A decision that changes nothing returns the state it was given. */
export interface DossierDecision {
  readonly state: DossierProgress;
  readonly events: readonly DossierEvent[];
}

export type StepActor = Actor;
