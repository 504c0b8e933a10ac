import type { LocalDate } from '@bcci/kernel';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
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
  const record = await manager.findOneOrFail(HandoverRecordOrmEntity, { where: { id: recordId } });
  const items = await manager.find(HandoverRecordItemOrmEntity, { where: { handoverRecordId: record.id }, order: { dossierId: 'ASC' } });
  const legs = items.length === 0 ? [] : await manager.find(PostalLegOrmEntity, { where: { id: In(items.map((i) => i.legId)) } });
  const remittance = await manager.findOne(FeeRemittanceOrmEntity, { where: { handoverRecordId: record.id } });
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
