import type { LocalDate } from '@bcci/kernel';
import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import { postalDeadlineMet } from '../domain/leg-lateness.rule';
import { FeeRemittanceOrmEntity } from '../persistence/fee-remittance.orm-entity';
import { HandoverRecordItemOrmEntity } from '../persistence/handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';

/** What the API answers about a handover record (no personal data beyond the receiver's name the caller gave). */
export interface HandoverRecordView {
  readonly handoverRecordId: string;
  readonly recordNumber: string;
  readonly agencyId: string;
  readonly status: 'AWAITING_AGENCY_SIGNATURE' | 'SIGNED';
  /** Legal filing time (QĐ 45 Đ7.4); null until both sides have signed. */
  readonly signedAt: string | null;
  readonly postalSignedAt: string;
  readonly agencySignedAt: string | null;
  readonly agencySignatureSource: 'PAPER_RECORD' | 'AGENCY_GATEWAY' | null;
  readonly items: readonly {
    readonly dossierId: string;
    readonly s10ItemId: string;
    readonly documentsCounted: number;
    readonly postalDeadlineMet: boolean;
  }[];
  readonly remittance: { readonly remittanceId: string; readonly total: number; readonly dossierCount: number; readonly method: string } | null;
}

export async function loadHandoverRecordView(manager: EntityManager, recordId: string): Promise<HandoverRecordView> {
  const record = await EntityTable.of(manager, HandoverRecordOrmEntity).findOne(manager, { id: recordId });
  if (!record) throw new Error(`handover record ${recordId} does not exist`);
  const items = await EntityTable.of(manager, HandoverRecordItemOrmEntity).find(manager, { handoverRecordId: record.id }, { orderBy: ['dossierId'] });
  const legs = items.length === 0 ? [] : await EntityTable.of(manager, PostalLegOrmEntity).find(manager, { id: items.map((i) => i.legId) });
  const remittance = await EntityTable.of(manager, FeeRemittanceOrmEntity).findOne(manager, { handoverRecordId: record.id });
  return {
    handoverRecordId: record.id,
    recordNumber: record.recordNumber,
    agencyId: record.agencyId,
    status: record.status,
    signedAt: record.signedAt?.toISOString() ?? null,
    postalSignedAt: record.postalSignedAt.toISOString(),
    agencySignedAt: record.agencySignedAt?.toISOString() ?? null,
    agencySignatureSource: record.agencySignatureSource,
    items: items.map((item) => {
      const leg = legs.find((l) => l.id === item.legId)!;
      return {
        dossierId: item.dossierId,
        s10ItemId: leg.s10ItemId,
        documentsCounted: item.documentsCounted,
        postalDeadlineMet: postalDeadlineMet(leg.dueDate as LocalDate, record.postalSignedAt),
      };
    }),
    remittance: remittance ? { remittanceId: remittance.id, total: remittance.total, dossierCount: remittance.dossierCount, method: remittance.method } : null,
  };
}
