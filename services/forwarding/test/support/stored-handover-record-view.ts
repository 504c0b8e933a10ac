import type { LocalDate } from '@bcci/kernel';
import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { HandoverRecordView } from '../../src/forwarding/application/handover-record.view';
import { postalDeadlineMet } from '../../src/forwarding/domain/leg-lateness.rule';
import { FeeRemittanceOrmEntity } from '../../src/forwarding/persistence/fee-remittance.orm-entity';
import { HandoverRecordItemOrmEntity } from '../../src/forwarding/persistence/handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from '../../src/forwarding/persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../../src/forwarding/persistence/postal-leg.orm-entity';

/** What the stored rows say of a handover record, in the API's shape: the answer a signature gave must match it. */
export async function storedHandoverRecordView(manager: EntityManager, recordId: string): Promise<HandoverRecordView> {
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

