import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordDigitization } from '../domain/agency-dossier.rules';
import type { ConsumerRun } from '@bcci/messaging';
import type { DossierProjection } from './dossier-projection';

/** Digitization finished: per-component flags and content hashes for the agency. */
export class RecordDossierDigitizedUseCase {
  constructor(private readonly projection: DossierProjection) {}

  execute(run: ConsumerRun, event: BcciEvent<typeof EventType.DossierDigitized>, traceparent?: string): void {
    this.projection.apply(run, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordDigitization(s, event.data));
  }
}
