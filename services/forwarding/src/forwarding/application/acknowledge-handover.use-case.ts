import type { BcciEvent } from '@bcci/contracts';
import { OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { acknowledgeHandover } from '../domain/handover-record.rules';
import type { HandoverRecordRepository } from '../persistence/handover-record.repository';
import type { Clock } from './clock';
import { writeHandoverDecision } from './handover-decision.writer';

type HandoverAcknowledged = BcciEvent<'bcci.agency-gateway.handover-acknowledged.v1'>;

export type AcknowledgementOutcome = 'recorded' | 'completed-record' | 'already-acknowledged';

/**
 * The agency signed for a dossier through the gateway. Runs in the consumer's transaction (with the
 * inbox record): load the dossier's handover under its legs' locks, let the rule decide, save the
 * acknowledgement, the completed record if this was the last signature it waited for, and the events.
 * The locks make a handover record posted at the same moment either wait for this acknowledgement to
 * commit, or be seen by it (issue 9).
 */
export class AcknowledgeHandoverUseCase {
  constructor(
    private readonly records: HandoverRecordRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(manager: EntityManager, event: HandoverAcknowledged, traceparent?: string): Promise<AcknowledgementOutcome> {
    const data = event.data;
    const { state, correlationIds } = await this.records.lockForAcknowledgement(manager, data.dossierId);
    const acknowledgement = { dossierId: data.dossierId, signerRole: data.actor.role, signerRef: data.actor.ref, acknowledgedAt: new Date(data.acknowledgedAt) };
    const decision = acknowledgeHandover(state, acknowledgement, { remittanceId: randomUUID() });
    if (decision.outcome === 'already-acknowledged') return decision.outcome;

    await this.records.insertAcknowledgement(manager, { ...acknowledgement, agencyId: data.agencyId, eventId: event.id });
    if (decision.outcome === 'completed-record') {
      await writeHandoverDecision(manager, this.records, this.outbox, decision.completion, {
        now: this.clock.now(),
        causationId: event.id,
        traceparent,
        correlationIds,
      });
    }
    return decision.outcome;
  }
}
