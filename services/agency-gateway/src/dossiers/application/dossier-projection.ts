import type { EntityManager } from 'typeorm';
import { EventType } from '@bcci/contracts';
import { RunFacts, type ConsumerRun } from '@bcci/messaging';
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

interface UpstreamFact {
  readonly dossierId: string;
  readonly cause: UpstreamCause;
  readonly mutate: (state: AgencyDossierState) => AgencyDossierState;
}

/**
 * Applies upstream facts to their dossiers (in the handler's transaction, under the rows' locks) and
 * publishes a dossier to its agency the first time it becomes publishable, whatever the order in which
 * the facts arrived.
 *
 * A consumer run handles many events in one transaction: the facts of a run are gathered and applied
 * together just before it commits, in the order consumed, with one statement that locks (or creates)
 * every dossier of the run and one that saves them all, instead of two statements per event.
 */
export class DossierProjection {
  private readonly facts = new RunFacts<UpstreamFact>((manager, facts) => this.applyAll(manager, facts));

  constructor(
    private readonly dossiers: AgencyDossierRepository,
    private readonly writer: DossierEventWriter,
    private readonly clock: GatewayClock,
  ) {}

  /** Gathers the fact; it is applied with the rest of the run before the transaction commits. */
  apply(run: ConsumerRun, dossierId: string, cause: UpstreamCause, mutate: (state: AgencyDossierState) => AgencyDossierState): void {
    this.facts.add(run, { dossierId: dossierId.toLowerCase(), cause, mutate });
  }

  private async applyAll(manager: EntityManager, facts: readonly UpstreamFact[]): Promise<void> {
    const locked = await this.dossiers.lockOrCreateAll(manager, facts.map((fact) => fact.dossierId));
    const states = new Map(locked);
    for (const fact of facts) {
      let next = fact.mutate(states.get(fact.dossierId)!);
      if (isReadyToPublish(next)) next = await this.publish(manager, next, fact.cause);
      states.set(fact.dossierId, next);
    }
    await this.dossiers.saveAll(manager, [...states.values()]);
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
