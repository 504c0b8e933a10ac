import type { EntityManager } from 'typeorm';
import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordRegistration } from '../domain/agency-dossier.rules';
import type { DossierProjection } from './dossier-projection';

/** Intake registered the dossier: its contents, fees, service form and applicant reference. */
export class RecordDossierRegisteredUseCase {
  constructor(private readonly projection: DossierProjection) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.DossierRegistered>, traceparent?: string): Promise<void> {
    await this.projection.apply(manager, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordRegistration(s, event.data));
  }
}
