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
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(AgencyAcknowledgementOrmEntity)
      .values({
        dossierId: data.dossierId,
        agencyId: data.agencyId,
        acknowledgedAt: new Date(data.acknowledgedAt),
        signerRole: data.actor.role,
        signerRef: data.actor.ref,
        eventId: event.id,
      })
      .orIgnore()
      .returning(['dossier_id'])
      .execute();
    if (inserted.raw.length === 0) return 'already-acknowledged';

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
