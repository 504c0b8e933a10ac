import type { Catalog } from '@bcci/catalog';
import { InvalidInputError } from '@bcci/kernel';
import type { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import type { DataSource } from 'typeorm';
import { withdrawDossier } from '../domain/dossier-progress.rules';
import { WITHDRAWAL_REASON_CODES, type WithdrawalReasonCode } from '../domain/dossier-status';
import type { DossierRepository } from '../persistence/dossier.repository';
import type { Clock } from './clock';
import { anotherPostalPoint, clerkPostalCode, dossierNotFound } from './dossier-access';
import { writeDossierDecision } from './dossier-decision.writer';
import { toDossierView, type DossierView } from './dossier-view';
import { staffRefOf, type IntakeActor } from './intake-actor';
import { loadVisibleDossier } from './get-dossier.use-case';

export interface WithdrawDossierInput {
  readonly reasonCode?: string;
  readonly reason?: string;
}

/**
 * The applicant takes the dossier back before it leaves the postal point (rule: withdrawDossier in
 * domain/dossier-progress.rules.ts). The row is locked, so a DISPATCHED scan (or a second withdrawal)
 * arriving at the same moment is ordered before or after, never lost (test/withdrawal-race.int-spec.ts);
 * state and outbox commit together, and a deadlock or serialization failure reruns the whole step.
 */
export class WithdrawDossierUseCase {
  constructor(
    private readonly deps: { dataSource: DataSource; dossiers: DossierRepository; catalog: Catalog; clock: Clock; outbox: OutboxWriter },
  ) {}

  async execute(actor: IntakeActor, id: string, input: WithdrawDossierInput, traceparent?: string): Promise<DossierView> {
    const postalCode = clerkPostalCode(actor);
    const { reasonCode, reason } = checkWithdrawal(input);
    await loadVisibleDossier(this.deps, actor, id);
    const withdrawn = await transactionWithRetry(this.deps.dataSource, async (manager) => {
      const dossier = await this.deps.dossiers.findByIdForUpdate(manager, id);
      if (!dossier) throw dossierNotFound(id);
      if (dossier.postalCode !== postalCode) throw anotherPostalPoint();
      const now = this.deps.clock.now();
      const decision = withdrawDossier(dossier, { reasonCode, reason, actor: { role: 'POSTAL_CLERK', ref: staffRefOf(actor) } }, { now });
      await writeDossierDecision(manager, this.deps, dossier, decision, { now, ...(traceparent ? { traceparent } : {}) });
      return { ...dossier, ...decision.state };
    });
    return toDossierView(withdrawn);
  }
}

function checkWithdrawal(input: WithdrawDossierInput): { reasonCode: WithdrawalReasonCode; reason: string | null } {
  const reasonCode = (input.reasonCode ?? 'APPLICANT_REQUEST') as WithdrawalReasonCode;
  if (!WITHDRAWAL_REASON_CODES.includes(reasonCode)) {
    throw new InvalidInputError({
      code: 'withdrawal.reason-code',
      message: `reasonCode must be one of ${WITHDRAWAL_REASON_CODES.join(', ')}`,
      messageVi: 'Lý do rút hồ sơ không hợp lệ (APPLICANT_REQUEST, DUPLICATE, CLERK_ERROR, OTHER).',
    });
  }
  const reason = input.reason === undefined ? null : input.reason.replace(/\s+/g, ' ').trim();
  if (reason !== null && (reason.length < 1 || reason.length > 500 || /\d{10}/.test(reason))) {
    throw new InvalidInputError({
      code: 'withdrawal.reason',
      message: 'reason must be 1–500 characters without personal numbers',
      messageVi: 'Lý do rút hồ sơ dài 1–500 ký tự, không ghi số CCCD hay số điện thoại.',
    });
  }
  if (reasonCode === 'OTHER' && !reason) {
    throw new InvalidInputError({
      code: 'withdrawal.reason-required',
      message: 'reason is required when reasonCode is OTHER',
      messageVi: 'Ghi rõ lý do rút hồ sơ.',
    });
  }
  return { reasonCode, reason };
}
