import { CatalogLookupError, legClassOf, NoPostalLegError, postalLegBetween, type Catalog, type PostalLeg } from '@bcci/catalog';
import { postalDueDate, toVietnamDate, type LocalDate } from '@bcci/kernel';

/** J + n of the return leg, as written on return-leg-opened (`PostalDeadline`). */
export interface ReturnLegDeadline {
  readonly legClass: string;
  readonly startDay: LocalDate;
  readonly workingDays: number;
  readonly dueDate: LocalDate;
}

export interface ReturnLegEnds {
  readonly agencyId: string;
  /** The postal point that delivers the result (home) or holds it (counter). */
  readonly destinationPostalCode: string;
  /** When the result was issued: the leg opens then and J follows the kernel's cut-off rule. */
  readonly issuedAt: Date;
}

/**
 * TT 17/2017 Đ7.2 for the way back: the leg between the agency and the recipient's postal point is
 * classified by the catalog's one rule on the day (`postalLegBetween`, shared with intake and forwarding), n is the catalog's, and J + n is the
 * kernel's (`postalDueDate`: a result issued after 15:00 or on a rest day counts from the next working day).
 */
export function returnLegDeadline(catalog: Catalog, ends: ReturnLegEnds): ReturnLegDeadline {
  const leg = legOnTheDay(catalog, ends);
  const deadline = postalDueDate({ receivedAt: ends.issuedAt, n: leg.maxWorkingDays });
  return { legClass: legClassOf(leg), startDay: deadline.j, workingDays: deadline.n, dueDate: deadline.dueDate };
}

/** The leg in force on the Vietnamese day the result was issued (the agency and the point as they were then). */
function legOnTheDay(catalog: Catalog, ends: ReturnLegEnds): PostalLeg {
  const day = toVietnamDate(ends.issuedAt);
  try {
    return postalLegBetween(catalog.at(day), ends.destinationPostalCode, ends.agencyId);
  } catch (error) {
    if (error instanceof CatalogLookupError || error instanceof NoPostalLegError) throw new ReturnLegUnplaceableError(error.message);
    throw error;
  }
}

/** The catalog cannot place the agency or the postal point on that day: a person must fix the data. */
export class ReturnLegUnplaceableError extends Error {
  constructor(reason: string) {
    super(`cannot place the return leg: ${reason}`);
    this.name = 'ReturnLegUnplaceableError';
  }
}
