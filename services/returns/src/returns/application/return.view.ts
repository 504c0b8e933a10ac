import type { ReturnState } from '../domain/return';

/** A return as couriers, clerks and operations read it (opaque references only, no personal data). */
export interface ReturnView {
  readonly dossierId: string;
  readonly status: string;
  readonly deliveryMode: string | null;
  readonly destinationPostalCode: string | null;
  readonly returnedItem: string | null;
  readonly agencyId: string | null;
  readonly legId: string | null;
  readonly s10ItemId: string | null;
  readonly deadline: { legClass: string; startDay: string; workingDays: number; dueDate: string } | null;
  readonly feesToCollect: number | null;
  /** What the courier or clerk must collect from the recipient before handing the result over. */
  readonly documentsToTakeBack: readonly { documentCode: string; title?: string; count: number }[];
  readonly invitations: readonly string[];
  readonly pickedUpAt: string | null;
  readonly deliveredAt: string | null;
  readonly returnedToAgencyAt: string | null;
}

export function returnView(ret: ReturnState): ReturnView {
  return {
    dossierId: ret.dossierId,
    status: ret.status,
    deliveryMode: ret.deliveryMode,
    destinationPostalCode: ret.destinationPostalCode,
    returnedItem: ret.returnedItem,
    agencyId: ret.agencyId,
    legId: ret.legId,
    s10ItemId: ret.s10ItemId,
    deadline:
      ret.legClass && ret.startDay && ret.dueDate && ret.workingDays !== null
        ? { legClass: ret.legClass, startDay: ret.startDay, workingDays: ret.workingDays, dueDate: ret.dueDate }
        : null,
    feesToCollect: ret.feesOwed,
    documentsToTakeBack: ret.documentsToTakeBack ?? [],
    invitations: ret.invitations,
    pickedUpAt: iso(ret.pickedUpAt),
    deliveredAt: iso(ret.deliveredAt),
    returnedToAgencyAt: iso(ret.returnedAt),
  };
}

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
