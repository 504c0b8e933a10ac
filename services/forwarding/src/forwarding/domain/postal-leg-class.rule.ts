import { classifyPostalLeg, legClassOf, type CatalogSnapshot, type PostalLeg, type PostalLegEnds } from '@bcci/catalog';
import type { PostalLegKind } from '@bcci/kernel';

/** The catalog leg chosen for a journey and the kernel's neutral name for its kind. */
export interface ChosenPostalLeg {
  readonly leg: PostalLeg;
  readonly kind: PostalLegKind;
  /** The leg class written on events (`PostalDeadline.legClass`), derived from the catalog's data. */
  readonly legClass: string;
}

/**
 * The leg of a journey by the catalog's one rule (`classifyPostalLeg`, shared with intake and returns,
 * so the slip's J+n and the leg's J+n cannot disagree), with the kernel's name for its kind.
 */
export function choosePostalLeg(snapshot: CatalogSnapshot, ends: PostalLegEnds): ChosenPostalLeg {
  const leg = classifyPostalLeg(snapshot, ends);
  return { leg, kind: kindOf(leg), legClass: legClassOf(leg) };
}

function kindOf(leg: PostalLeg): PostalLegKind {
  switch (leg.scope) {
    case 'within-district':
    case 'within-commune':
      return 'within-local-unit';
    case 'between-districts':
    case 'between-communes':
      return 'within-province';
    case 'between-provinces':
      return leg.destinationClass === 'special-or-class-1-city' ? 'between-major-cities' : 'between-provinces';
  }
}
