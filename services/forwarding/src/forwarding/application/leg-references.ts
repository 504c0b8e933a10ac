import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { legsNotFound } from '../domain/forwarding.errors';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

/** A dossier named by its id or by the S10 id printed on its sending slip (what a courier scans). */
export type LegReference = { readonly dossierId: string } | { readonly s10ItemId: string };

export function describeReference(reference: LegReference): string {
  return 'dossierId' in reference ? reference.dossierId : reference.s10ItemId;
}

/**
 * Loads and locks the legs named by the references (in id order, so two batches over the same items
 * cannot deadlock). Every unknown reference is reported at once (404), and nothing is written.
 */
export async function lockLegs(manager: EntityManager, references: readonly LegReference[]): Promise<PostalLegOrmEntity[]> {
  const dossierIds = references.flatMap((r) => ('dossierId' in r ? [r.dossierId] : []));
  const s10ItemIds = references.flatMap((r) => ('s10ItemId' in r ? [r.s10ItemId] : []));
  const query = manager
    .createQueryBuilder(PostalLegOrmEntity, 'leg')
    .where('false')
    .orderBy('leg.id')
    .setLock('pessimistic_write');
  if (dossierIds.length > 0) query.orWhere('leg.dossier_id IN (:...dossierIds)', { dossierIds });
  if (s10ItemIds.length > 0) query.orWhere('leg.s10_item_id IN (:...s10ItemIds)', { s10ItemIds });
  const legs = await query.getMany();

  const unknown = references.filter((r) =>
    'dossierId' in r ? !legs.some((leg) => leg.dossierId === r.dossierId) : !legs.some((leg) => leg.s10ItemId === r.s10ItemId),
  );
  if (unknown.length > 0) throw legsNotFound(unknown.map(describeReference));
  return legs;
}

/** The legs in the order of the references, each once. */
export function inReferenceOrder(legs: readonly PostalLegOrmEntity[], references: readonly LegReference[]): PostalLegOrmEntity[] {
  const ordered: PostalLegOrmEntity[] = [];
  for (const reference of references) {
    const leg = legs.find((l) => ('dossierId' in reference ? l.dossierId === reference.dossierId : l.s10ItemId === reference.s10ItemId));
    if (leg && !ordered.includes(leg)) ordered.push(leg);
  }
  return ordered;
}

export { In };
