import type { ResultDigitizedData } from '@bcci/contracts';
import { ConflictError } from '@bcci/kernel';
import type { DocumentDescriptor, StaffActor } from '../../dossier-digitization/domain/digitization.types';
import { documentRef } from '../../dossier-digitization/domain/document-ref';

export type ResultMedium = 'DIGITAL' | 'PAPER';

/** A result the agency issued (known from agency-gateway's result-issued event) and its digitization. */
export interface ResultDigitizationState {
  readonly resultId: string;
  readonly dossierId: string;
  readonly agencyId: string;
  readonly medium: ResultMedium;
  readonly issuedAt: Date;
  readonly document?: DocumentDescriptor;
  readonly certified: boolean;
  readonly digitizedAt?: Date;
  readonly digitizedBy?: StaffActor;
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

export interface ResultScanCommand {
  readonly document: DocumentDescriptor;
  /** The operator certified the copy against the paper result. */
  readonly certified: boolean;
  readonly actor: StaffActor;
  /** Where it was scanned, when the operator works at a postal point. */
  readonly postalCode?: string;
}

/** The next state and the events to publish; a scan that changes nothing returns the very state it was given. */
export interface ResultDigitizationDecision {
  readonly state: ResultDigitizationState;
  readonly events: readonly { readonly type: 'bcci.digitization.result-digitized.v1'; readonly data: ResultDigitizedData }[];
}

/**
 * A paper result is scanned (a digital one is refused, 409). A new scan replaces the previous one (a page
 * was missing); the same bytes again change nothing, except a certification that was not given before.
 */
export function attachResultScan(state: ResultDigitizationState, command: ResultScanCommand, context: { readonly now: Date }): ResultDigitizationDecision {
  if (state.medium === 'DIGITAL') throw new ResultAlreadyDigitalError(state.resultId);
  const same = state.document?.contentHash === command.document.contentHash;
  if (same && (state.certified || !command.certified)) return { state, events: [] };
  const at = context.now;
  return {
    state: { ...state, document: command.document, certified: command.certified, digitizedAt: at, digitizedBy: command.actor },
    events: [
      {
        type: 'bcci.digitization.result-digitized.v1',
        data: {
          dossierId: state.dossierId,
          resultId: state.resultId,
          document: documentRef(command.document),
          certified: command.certified,
          digitizedAt: at.toISOString(),
          ...(command.postalCode ? { site: { kind: 'POSTAL_POINT' as const, postalCode: command.postalCode } } : {}),
          actor: { ...command.actor },
        },
      },
    ],
  };
}
