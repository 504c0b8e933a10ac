import type { PostalLeg } from '@bcci/catalog';
import { loadPostalLegTable, POSTAL_LEG_KINDS, postalDeadline, vietnamInstant, type LocalDate, type PostalLegKind } from '@bcci/kernel';

/** J + n of the leg to the agency, as written on events (`PostalDeadline`). */
export interface LegDeadline {
  readonly legClass: string;
  readonly startDay: LocalDate;
  readonly workingDays: number;
  readonly dueDate: LocalDate;
}

/**
 * J + n (TT 17/2017 Đ7.2) computed by the kernel with n taken from the catalog's leg, so the catalog
 * stays the single source of the limits a province publishes. J is the intake day printed on the
 * sending slip (Đ7.2.a): it is passed to the kernel as the opening of that day, so the kernel's
 * cut-off rule does not move it again (intake already applied it); a J that is not a working day still
 * rolls to the next one.
 */
export function legDeadline(intakeDay: LocalDate, leg: PostalLeg, kind: PostalLegKind, legClass: string): LegDeadline {
  const deadline = postalDeadline({
    receivedAt: vietnamInstant(intakeDay),
    leg: kind,
    legTable: tableOfOneLeg(leg),
  });
  return { legClass, startDay: deadline.j, workingDays: deadline.n, dueDate: deadline.dueDate };
}

/** A kernel table holding only this catalog leg's limits over its own period. */
function tableOfOneLeg(leg: PostalLeg) {
  const limit = { n: leg.maxWorkingDays, nWithAppointmentNotice: leg.maxWorkingDaysWithAppointment, label: leg.id };
  const legs = Object.fromEntries(POSTAL_LEG_KINDS.map((kind) => [kind, limit])) as Record<PostalLegKind, typeof limit>;
  // The kernel looks the limit up on J; J may roll past a leg that ends that day (30/06/2025), so the
  // period is open-ended here: the leg was chosen for the journey, its n is what applies.
  return loadPostalLegTable({ periods: [{ validFrom: leg.validFrom, validTo: null, note: leg.legalBasis, legs }] });
}
