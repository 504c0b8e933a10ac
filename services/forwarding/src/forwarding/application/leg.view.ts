import type { LocalDate } from '@bcci/kernel';
import { isLegLate } from '../domain/leg-lateness.rule';
import type { LegStatus, ScanKind } from '../domain/leg-status';
import type { CourierScanOrmEntity } from '../persistence/courier-scan.orm-entity';
import type { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

export interface LegView {
  readonly dossierId: string;
  readonly legId: string;
  readonly s10ItemId: string;
  readonly provisionalDossierId: string;
  readonly procedureCode: string;
  readonly agencyId: string;
  readonly competenceDate: string;
  readonly originPostalCode: string;
  readonly status: LegStatus;
  readonly deadline: { readonly legClass: string; readonly startDay: string; readonly workingDays: number; readonly dueDate: string };
  /** Past J + n: a travelling leg after its due date, or a handover signed by the post after it. */
  readonly late: boolean;
  readonly openedAt: string;
  readonly withdrawnAt: string | null;
  /** Legal filing time, once the handover record carries both signatures. */
  readonly filedAt: string | null;
  readonly scans?: readonly { readonly kind: ScanKind; readonly postalCode: string; readonly scannedAt: string }[];
  readonly handover?: { readonly handoverRecordId: string; readonly recordNumber: string; readonly status: string; readonly signedAt: string | null } | null;
}

export function legView(
  leg: PostalLegOrmEntity,
  now: Date,
  details?: { scans: readonly CourierScanOrmEntity[]; record: HandoverRecordOrmEntity | null },
): LegView {
  return {
    dossierId: leg.dossierId,
    legId: leg.id,
    s10ItemId: leg.s10ItemId,
    provisionalDossierId: leg.provisionalDossierId,
    procedureCode: leg.procedureCode,
    agencyId: leg.agencyId,
    competenceDate: leg.competenceDate,
    originPostalCode: leg.originPostalCode,
    status: leg.status,
    deadline: { legClass: leg.legClass, startDay: leg.startDay, workingDays: leg.workingDays, dueDate: leg.dueDate },
    late: isLegLate({ status: leg.status, dueDate: leg.dueDate as LocalDate, postalSignedAt: leg.postalSignedAt, now }),
    openedAt: leg.openedAt.toISOString(),
    withdrawnAt: leg.withdrawnAt?.toISOString() ?? null,
    filedAt: leg.filedAt?.toISOString() ?? null,
    ...(details
      ? {
          scans: details.scans.map((scan) => ({ kind: scan.kind, postalCode: scan.postalCode, scannedAt: scan.scannedAt.toISOString() })),
          handover: details.record
            ? { handoverRecordId: details.record.id, recordNumber: details.record.recordNumber, status: details.record.status, signedAt: details.record.signedAt?.toISOString() ?? null }
            : null,
        }
      : {}),
  };
}
