import type { Applicant, Recipient } from '../domain/personal-data';

/** The encrypted part of a dossier: everything that identifies a person. */
export interface PersonalDataRecord {
  readonly applicant: Applicant;
  /** Null when nothing comes back by post (form 1). */
  readonly recipient: Recipient | null;
  readonly recipientIsApplicant: boolean;
  /** The public-lookup PIN printed on the slip; kept encrypted so the slip can be printed again. */
  readonly lookupPin?: string;
}
