import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordRegistration } from '../domain/agency-dossier.rules';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProjection } from './dossier-projection';

/** Intake registered the dossier: its contents, fees, service form and applicant reference. */
export class RecordDossierRegisteredUseCase {
  constructor(private readonly projection: DossierProjection) {}

  execute(run: ConsumerRun, event: BcciEvent<typeof EventType.DossierRegistered>, traceparent?: string): void {
    this.projection.apply(run, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordRegistration(s, event.data));
  }
}
