import type { DossierDecision, DossierProgress, StepActor } from './dossier-progress';
import { assertWithdrawable, refundOnWithdrawal, type WithdrawalReasonCode } from './dossier-status';

export interface WithdrawalCommand {
  readonly reasonCode: WithdrawalReasonCode;
  readonly reason: string | null;
  readonly actor: StepActor;
}

/**
 * The applicant takes the dossier back at the counter (national status 7): only while the sealed item
 * is still at the postal point, and once (409 `dossier.already-withdrawn` / `dossier.already-dispatched`).
 * The agency's fees are refunded, the postage only when the post caused it (refundOnWithdrawal).
 */
export function withdrawDossier(state: DossierProgress, command: WithdrawalCommand, context: { readonly now: Date }): DossierDecision {
  assertWithdrawable(state);
  const withdrawnAt = context.now;
  return {
    state: { ...state, status: 'WITHDRAWN', withdrawnAt, withdrawalReasonCode: command.reasonCode, withdrawalReason: command.reason },
    events: [
      {
        type: 'bcci.intake.dossier-withdrawn.v1',
        data: {
          dossierId: state.id,
          withdrawnAt: withdrawnAt.toISOString(),
          reasonCode: command.reasonCode,
          ...(command.reason ? { reason: command.reason } : {}),
          refund: refundOnWithdrawal(command.reasonCode, { agencyFee: state.agencyFee, postage: state.postageForwardLeg + state.postageReturnLeg }),
          actor: command.actor,
        },
      },
    ],
  };
}

/**
 * Forwarding's courier scanned the sealed item (DISPATCHED, or ARRIVED / HANDED_OVER after a missed
 * DISPATCHED: either proves it left). From then on the dossier can no longer be withdrawn at the
 * counter. The first scan's time is kept. A withdrawn dossier keeps the scan too: it proves the item
 * left although it was withdrawn, which a person must sort out; intake publishes nothing for it.
 */
export function recordDispatch(state: DossierProgress, scan: { readonly scannedAt: Date }): DossierDecision {
  if (state.dispatchedAt !== null) return { state, events: [] };
  return { state: { ...state, dispatchedAt: scan.scannedAt }, events: [] };
}

/** The agency's one-stop system issued the dossier code: kept next to the provisional id, the first one received wins. */
export function recordDossierCode(state: DossierProgress, issued: { readonly dossierCode: string }): DossierDecision {
  if (state.dossierCode !== null) return { state, events: [] };
  return { state: { ...state, dossierCode: issued.dossierCode }, events: [] };
}
