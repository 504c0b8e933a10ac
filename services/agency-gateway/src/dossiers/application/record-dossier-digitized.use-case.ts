import type { EntityManager } from 'typeorm';
import type { BcciEvent, EventType } from '@bcci/contracts';
import { recordDigitization } from '../domain/agency-dossier.rules';
import type { DossierProjection } from './dossier-projection';

/** Digitization finished: per-component flags and content hashes for the agency. */
export class RecordDossierDigitizedUseCase {
  constructor(private readonly projection: DossierProjection) {}

  async execute(manager: EntityManager, event: BcciEvent<typeof EventType.DossierDigitized>, traceparent?: string): Promise<void> {
    await this.projection.apply(manager, event.data.dossierId, { eventId: event.id, correlationId: event.correlationid, traceparent }, (s) => recordDigitization(s, event.data));
  }
}
