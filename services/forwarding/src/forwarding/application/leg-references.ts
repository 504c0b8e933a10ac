import { legsNotFound } from '../domain/forwarding.errors';
import { describeReference, type LegReference } from '../domain/leg-reference';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

export { describeReference, type LegReference };

/** Every unknown reference at once (404). */
export function assertAllFound(legs: readonly PostalLegOrmEntity[], references: readonly LegReference[]): void {
  const unknown = references.filter((r) =>
    'dossierId' in r ? !legs.some((leg) => leg.dossierId === r.dossierId) : !legs.some((leg) => leg.s10ItemId === r.s10ItemId),
  );
  if (unknown.length > 0) throw legsNotFound(unknown.map(describeReference));
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
