import { ConflictError } from '@bcci/kernel';
import type { DocumentDescriptor, StaffActor } from '../../dossier-digitization/domain/digitization.types';

export type ResultMedium = 'DIGITAL' | 'PAPER';

export interface ResultDigitizationState {
  readonly resultId: string;
  readonly dossierId: string;
  readonly agencyId: string;
  readonly medium: ResultMedium;
  readonly issuedAt: Date;
  document?: DocumentDescriptor;
  certified: boolean;
  digitizedAt?: Date;
  digitizedBy?: StaffActor;
}

export class ResultAlreadyDigitalError extends ConflictError {
  constructor(resultId: string) {
    super({
      code: 'RESULT_ALREADY_DIGITAL',
      message: `Result ${resultId} was issued as a digital document; there is no paper to digitize`,
      messageVi: 'Kết quả đã được cơ quan ban hành dưới dạng điện tử, không cần số hoá.',
      details: { resultId },
    });
  }
}

/**
 * A result the agency issued (known from agency-gateway's result-issued event) and its digitization.
 * Only a paper result is scanned. A new scan replaces the previous one (e.g. a page was missing); the
 * same bytes again change nothing, except a certification that was not given before.
 */
export class ResultDigitization {
  constructor(readonly state: ResultDigitizationState) {}

  attachScan(document: DocumentDescriptor, certified: boolean, actor: StaffActor, at: Date): boolean {
    if (this.state.medium === 'DIGITAL') throw new ResultAlreadyDigitalError(this.state.resultId);
    const same = this.state.document?.contentHash === document.contentHash;
    if (same && (this.state.certified || !certified)) return false;
    this.state.document = document;
    this.state.certified = certified;
    this.state.digitizedAt = at;
    this.state.digitizedBy = actor;
    return true;
  }
}
