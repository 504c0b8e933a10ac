import type { EntityManager } from 'typeorm';
import type { LegReference } from '../domain/leg-reference';
import { PostalLegOrmEntity } from './postal-leg.orm-entity';

/**
 * Loads and locks (SELECT … FOR UPDATE) the legs named by the references, in leg id order: every writer
 * that locks several legs takes them in this order, so two of them over the same legs queue instead of
 * deadlocking. A leg's lock also guards its handover record (see HandoverRecordRepository).
 */
export function lockLegsByReference(manager: EntityManager, references: readonly LegReference[]): Promise<PostalLegOrmEntity[]> {
  const dossierIds = references.flatMap((r) => ('dossierId' in r ? [r.dossierId] : []));
  const s10ItemIds = references.flatMap((r) => ('s10ItemId' in r ? [r.s10ItemId] : []));
  const query = manager.createQueryBuilder(PostalLegOrmEntity, 'leg').where('false').orderBy('leg.id').setLock('pessimistic_write');
  if (dossierIds.length > 0) query.orWhere('leg.dossier_id IN (:...dossierIds)', { dossierIds });
  if (s10ItemIds.length > 0) query.orWhere('leg.s10_item_id IN (:...s10ItemIds)', { s10ItemIds });
  return query.getMany();
}
