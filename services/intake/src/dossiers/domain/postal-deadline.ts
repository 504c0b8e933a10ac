import type { PostalLeg } from '@bcci/catalog';
import { type LocalDate, PostalLegTable, postalDeadline, postalDayJ } from '@bcci/kernel';
import { legClassOf } from './postal-leg';

export interface DossierPostalDeadline {
  readonly legClass: string;
  /** J: the intake day printed on the slip (after the 15:00 and non-working-day rules). */
  readonly startDay: LocalDate;
  readonly workingDays: number;
  readonly dueDate: LocalDate;
}

/** J as it counts for an intake at `receivedAt` (kernel rule: after 15:00 or on a rest day → next working day). */
export function intakeDayOf(receivedAt: Date): LocalDate {
  return postalDayJ(receivedAt);
}

/**
 * J + n for the forward leg with n taken from the catalog's leg, not from the kernel's bundled table: the
 * catalog is what every service sees and what operations can update. The kernel still owns J and the
 * working-day arithmetic, so the leg is handed to it as a one-period table.
 */
export function forwardLegDeadline(receivedAt: Date, leg: PostalLeg): DossierPostalDeadline {
  const limit = { n: leg.maxWorkingDays, nWithAppointmentNotice: leg.maxWorkingDaysWithAppointment, label: leg.legalBasis };
  const table = new PostalLegTable([
    {
      validFrom: '1900-01-01' as LocalDate,
      validTo: null,
      note: `catalog leg ${leg.id}`,
      legs: { 'within-local-unit': limit, 'within-province': limit, 'between-major-cities': limit, 'between-provinces': limit },
    },
  ]);
  const deadline = postalDeadline({ receivedAt, leg: 'within-local-unit', legTable: table });
  return { legClass: legClassOf(leg), startDay: deadline.j, workingDays: deadline.n, dueDate: deadline.dueDate };
}
