import type { EntityManager } from 'typeorm';
import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordPostalLeg } from '../domain/agency-dossier.rules';
import type { DossierProjection } from './dossier-projection';

/** Forwarding opened the leg to the competent agency (chosen on the intake day). */
export class RecordPostalLegOpenedUseCase {
  constructor(private readonly projection: DossierProjection) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.PostalLegOpened>, traceparent?: string): Promise<void> {
    await this.projection.apply(manager, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordPostalLeg(s, event.data));
  }
}
