import type { BcciEvent } from '@bcci/contracts';
import { OutboxWriter } from '@bcci/messaging';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { agencySignatureFromAcknowledgements } from '../domain/handover-signatures.rule';
import { AgencyAcknowledgementOrmEntity } from '../persistence/agency-acknowledgement.orm-entity';
import { HandoverRecordItemOrmEntity } from '../persistence/handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';
import { completeHandoverRecord } from './complete-handover-record';

type HandoverAcknowledged = BcciEvent<'bcci.agency-gateway.handover-acknowledged.v1'>;

export type AcknowledgementOutcome = 'recorded' | 'completed-record' | 'already-acknowledged';

/**
 * The agency signed for a dossier through the gateway. The signature is kept per dossier (first one
 * wins; it may come before the courier records the handover, or after). If the dossier is in a
 * record still waiting for the agency, and every dossier of that record is now acknowledged, the
 * record is complete: filing and remittance follow. A record already signed on paper is not touched:
 * the first agency signature made it complete.
 */
export class AcknowledgeHandoverUseCase {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: HandoverAcknowledged, traceparent?: string): Promise<AcknowledgementOutcome> {
    const data = event.data;
    // First signature wins: a later copy (or a replay under a new id) finds the row and changes nothing.
    const inserted: unknown[] = await manager.query(
      `INSERT INTO agency_acknowledgements (dossier_id, agency_id, acknowledged_at, signer_role, signer_ref, event_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id`,
      [data.dossierId, data.agencyId, new Date(data.acknowledgedAt), data.actor.role, data.actor.ref, event.id],
    );
    if (inserted.length === 0) return 'already-acknowledged';

    const leg = await manager.findOne(PostalLegOrmEntity, { where: { dossierId: data.dossierId } });
    if (!leg?.handoverRecordId) return 'recorded';
    const record = await manager.findOne(HandoverRecordOrmEntity, { where: { id: leg.handoverRecordId }, lock: { mode: 'pessimistic_write' } });
    if (!record || record.status !== 'AWAITING_AGENCY_SIGNATURE') return 'recorded';

    const items = await manager.find(HandoverRecordItemOrmEntity, { where: { handoverRecordId: record.id } });
    const dossierIds = items.map((item) => item.dossierId);
    const acks = await manager.find(AgencyAcknowledgementOrmEntity, { where: { dossierId: In(dossierIds) } });
    const signature = agencySignatureFromAcknowledgements(
      dossierIds,
      acks.map((ack) => ({ dossierId: ack.dossierId, signerRole: ack.signerRole, signerRef: ack.signerRef, acknowledgedAt: ack.acknowledgedAt })),
    );
    if (!signature) return 'recorded';

    const legs = await manager.find(PostalLegOrmEntity, {
      where: { id: In(items.map((item) => item.legId)) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    await completeHandoverRecord(manager, this.outbox, record, legs, signature, { now: this.clock.now(), causationId: event.id, traceparent });
    return 'completed-record';
  }
}
