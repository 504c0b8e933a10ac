import type { EntityManager } from 'typeorm';
import { EventType } from '@bcci/contracts';
import type { AgencyDossierState } from '../domain/agency-dossier';
import { isReadyToPublish, publish } from '../domain/agency-dossier.rules';
import type { AgencyDossierRepository } from '../persistence/agency-dossier.repository';
import type { GatewayClock } from '../../shared/gateway-clock';
import type { DossierEventWriter } from './dossier-event.writer';

export interface UpstreamCause {
  eventId: string;
  correlationId: string;
  traceparent?: string;
}

/** Where the agency fetches the applicant (claim check): the gateway's audited endpoint. */
export function applicantDataUrlOf(dossierId: string): string {
  return `/agency/dossiers/${dossierId}/applicant`;
}

/**
 * Applies one upstream fact to the dossier (in the handler's transaction, under the row lock) and
 * publishes the dossier to its agency the first time it becomes publishable, whatever the order in
 * which the facts arrived.
 */
export class DossierProjection {
  constructor(
    private readonly dossiers: AgencyDossierRepository,
    private readonly writer: DossierEventWriter,
    private readonly clock: GatewayClock,
  ) {}

  async apply(manager: EntityManager, dossierId: string, cause: UpstreamCause, mutate: (state: AgencyDossierState) => AgencyDossierState): Promise<AgencyDossierState> {
    const current = await this.dossiers.lockOrCreate(manager, dossierId);
    let next = mutate(current);
    if (isReadyToPublish(next)) next = await this.publish(manager, next, cause);
    await this.dossiers.save(manager, next);
    return next;
  }

  private async publish(manager: EntityManager, state: AgencyDossierState, cause: UpstreamCause): Promise<AgencyDossierState> {
    const decision = publish(state, this.clock.now(), applicantDataUrlOf(state.dossierId));
    await this.writer.write(manager, {
      type: EventType.DossierPublishedToAgency,
      data: decision.data,
      agencyId: decision.data.agencyId,
      correlationId: cause.correlationId,
      causationId: cause.eventId,
      traceparent: cause.traceparent,
    });
    return decision.state;
  }
}
