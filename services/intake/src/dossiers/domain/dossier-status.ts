import { ConflictError } from '@bcci/kernel';

export type DossierStatus = 'REGISTERED' | 'WITHDRAWN';

export interface WithdrawableDossier {
  readonly status: DossierStatus;
  /** Set when forwarding reports the courier's DISPATCHED scan. */
  readonly dispatchedAt: Date | null;
}

export type WithdrawalReasonCode = 'APPLICANT_REQUEST' | 'DUPLICATE' | 'CLERK_ERROR' | 'OTHER';
export const WITHDRAWAL_REASON_CODES: readonly WithdrawalReasonCode[] = ['APPLICANT_REQUEST', 'DUPLICATE', 'CLERK_ERROR', 'OTHER'];

/**
 * A dossier can be withdrawn at the counter only while the sealed item is still at the postal point.
 * Once dispatched it is on its way to the agency, and withdrawal goes through the agency (national status 7).
 */
export function assertWithdrawable(dossier: WithdrawableDossier): void {
  if (dossier.status === 'WITHDRAWN') {
    throw new ConflictError({
      code: 'dossier.already-withdrawn',
      message: 'The dossier has already been withdrawn',
      messageVi: 'Hồ sơ này đã được rút trước đó.',
    });
  }
  if (dossier.dispatchedAt !== null) {
    throw new ConflictError({
      code: 'dossier.already-dispatched',
      message: 'The dossier has been dispatched to the agency and can no longer be withdrawn at the postal point',
      messageVi: 'Hồ sơ đã được chuyển đi cơ quan có thẩm quyền, không thể rút tại bưu cục. Hướng dẫn người nộp liên hệ cơ quan giải quyết.',
    });
  }
}

/**
 * What is handed back on withdrawal. The agency's fees were only held for the agency: always refunded in
 * full. Postage pays for a service the post has begun (intake, seal, slip), so it is refunded only when the
 * withdrawal is the post's doing (a duplicate registration or a clerk's error). A business assumption.
 */
export function refundOnWithdrawal(reason: WithdrawalReasonCode, collected: { agencyFee: number; postage: number }): { agencyFees: number; postage: number } {
  const postOwnFault = reason === 'DUPLICATE' || reason === 'CLERK_ERROR';
  return { agencyFees: collected.agencyFee, postage: postOwnFault ? collected.postage : 0 };
}
