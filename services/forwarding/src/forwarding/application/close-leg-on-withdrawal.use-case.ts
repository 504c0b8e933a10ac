import type { BcciEvent } from '@bcci/contracts';
import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

type DossierWithdrawn = BcciEvent<'bcci.intake.dossier-withdrawn.v1'>;

export type WithdrawalOutcome = 'closed' | 'already-dispatched' | 'no-leg' | 'already-closed';

/**
 * The applicant withdrew the dossier: a leg not yet dispatched is closed and will take no scan and no
 * handover. A dossier already on its way is not called back here (intake refuses such withdrawals;
 * one that slips through is a matter for a person, so it is only reported). No event: the withdrawal
 * itself is the fact every consumer sees.
 */
export class CloseLegOnWithdrawalUseCase {
  async execute(manager: EntityManager, event: DossierWithdrawn): Promise<WithdrawalOutcome> {
    const legs = EntityTable.of(manager, PostalLegOrmEntity);
    const leg = await legs.findOne(manager, { dossierId: event.data.dossierId }, { forUpdate: true });
    if (!leg) return 'no-leg';
    if (leg.status === 'WITHDRAWN') return 'already-closed';
    if (leg.status !== 'OPEN' || leg.handoverRecordId !== null) return 'already-dispatched';
    await legs.update(manager, { id: leg.id }, { status: 'WITHDRAWN', withdrawnAt: new Date(event.data.withdrawnAt) });
    return 'closed';
  }
}
