import { OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { remittanceForHandover } from '../domain/fee-remittance.rule';
import { legalFilingTime, type AgencySignature } from '../domain/handover-signatures.rule';
import { postalDeadlineMet } from '../domain/leg-lateness.rule';
import type { LocalDate } from '@bcci/kernel';
import { FeeRemittanceOrmEntity } from '../persistence/fee-remittance.orm-entity';
import { HandoverRecordItemOrmEntity } from '../persistence/handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import { forwardingOutboxEntry } from './forwarding-events';

export interface CompletionContext {
  readonly now: Date;
  /** Id of the request or event that brought the last signature. */
  readonly causationId: string;
  readonly traceparent?: string;
}

/**
 * The record now carries both signatures: file every dossier of it at the legal filing time, remit
 * the agency fees with it, and say so (`handover-record-signed` per dossier, `fees-remitted` per
 * dossier with fees). Runs inside the caller's transaction, with the record and its legs locked.
 */
export async function completeHandoverRecord(
  manager: EntityManager,
  outbox: OutboxWriter,
  record: HandoverRecordOrmEntity,
  legs: readonly PostalLegOrmEntity[],
  agencySignature: AgencySignature,
  context: CompletionContext,
): Promise<void> {
  const postal = { signerRole: record.postalSignerRole, signerRef: record.postalSignerRef, signedAt: record.postalSignedAt };
  const filedAt = legalFilingTime({ postal, agency: agencySignature });

  Object.assign(record, {
    status: 'SIGNED',
    agencySignerRole: agencySignature.signerRole,
    agencySignerRef: agencySignature.signerRef,
    agencySignedAt: agencySignature.signedAt,
    agencySignatureSource: agencySignature.source,
    signedAt: filedAt,
  });
  await manager.update(
    HandoverRecordOrmEntity,
    { id: record.id },
    {
      status: 'SIGNED',
      agencySignerRole: agencySignature.signerRole,
      agencySignerRef: agencySignature.signerRef,
      agencySignedAt: agencySignature.signedAt,
      agencySignatureSource: agencySignature.source,
      signedAt: filedAt,
    },
  );

  const items = await manager.find(HandoverRecordItemOrmEntity, { where: { handoverRecordId: record.id } });
  const batch = legs.length > 1;
  for (const leg of legs) {
    await manager.update(PostalLegOrmEntity, { id: leg.id }, { status: 'FILED', filedAt });
    const item = items.find((i) => i.legId === leg.id);
    await outbox.append(
      manager,
      forwardingOutboxEntry(
        'bcci.forwarding.handover-record-signed.v1',
        {
          dossierId: leg.dossierId,
          legId: leg.id,
          handoverRecordId: record.id,
          recordNumber: record.recordNumber,
          agencyId: record.agencyId,
          signedAt: filedAt.toISOString(),
          postalSignedAt: record.postalSignedAt.toISOString(),
          agencySignedAt: agencySignature.signedAt.toISOString(),
          agencySignatureSource: agencySignature.source,
          itemsCounted: item?.documentsCounted ?? leg.documentsOnSlip,
          // A record is only made once every count matched its slip (422 otherwise).
          componentsMatch: true,
          ...(batch ? { batchId: record.id } : {}),
          postalSigner: { role: record.postalSignerRole as 'COURIER', ref: record.postalSignerRef },
          agencySigner: { role: agencySignature.signerRole as 'AGENCY_RECEIVER', ref: agencySignature.signerRef },
          postalDeadlineMet: postalDeadlineMet(leg.dueDate as LocalDate, record.postalSignedAt),
        },
        { correlationId: leg.correlationId, causationId: context.causationId, traceparent: context.traceparent },
        context.now,
      ),
    );
  }

  const remittance = remittanceForHandover(legs.map((leg) => ({ dossierId: leg.dossierId, total: leg.agencyFeesTotal, lines: leg.agencyFeeLines })));
  if (!remittance) return;
  const remittanceId = randomUUID();
  await manager.insert(FeeRemittanceOrmEntity, {
    id: remittanceId,
    handoverRecordId: record.id,
    agencyId: record.agencyId,
    total: remittance.total,
    dossierCount: remittance.dossiers.length,
    method: record.remittanceMethod,
    remittedAt: filedAt,
    dossiers: remittance.dossiers.map((d) => ({ dossierId: d.dossierId, amount: d.total })),
  });
  for (const fees of remittance.dossiers) {
    const leg = legs.find((l) => l.dossierId === fees.dossierId)!;
    await outbox.append(
      manager,
      forwardingOutboxEntry(
        'bcci.forwarding.fees-remitted.v1',
        {
          dossierId: fees.dossierId,
          remittanceId,
          agencyId: record.agencyId,
          handoverRecordId: record.id,
          amount: fees.total,
          lines: fees.lines.map((line) => ({ feeCode: line.feeCode, amount: line.amount, ...(line.label ? { label: line.label } : {}) })),
          remittanceTotal: remittance.total,
          remittanceDossierCount: remittance.dossiers.length,
          method: record.remittanceMethod,
          remittedAt: filedAt.toISOString(),
          // The post remits; the employee who signed the record hands the money over.
          actor: { role: record.postalSignerRole as 'COURIER', ref: record.postalSignerRef },
        },
        { correlationId: leg.correlationId, causationId: context.causationId, traceparent: context.traceparent },
        context.now,
      ),
    );
  }
}
