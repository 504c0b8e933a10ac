import type { Catalog } from '@bcci/catalog';
import type { BcciEvent } from '@bcci/contracts';
import { NonRetriableError, type OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReturnDecision, ReturnState } from '../domain/return';
import { ReturnLegUnplaceableError, type ReturnLegDeadline } from '../domain/return-leg-deadline.rule';
import { openReturnLeg, recordAgencyOutcome, recordRegistration, type AgencyOutcomeFact, type UpstreamDecision } from '../domain/return-upstream.rules';
import { returnItemSerials } from '../persistence/postal-item-serials.repository';
import type { ReturnRepository } from '../persistence/return.repository';
import type { Clock } from './clock';
import { writeReturnDecision } from './return-decision.writer';

type DossierRegistered = BcciEvent<'bcci.intake.dossier-registered.v1'>;
type ResultIssued = BcciEvent<'bcci.agency-gateway.result-issued.v1'>;
type DossierRejected = BcciEvent<'bcci.agency-gateway.dossier-rejected.v1'>;

export type UpstreamOutcome = 'recorded' | 'already-known';

/**
 * What returns learns from upstream, in the inbox transaction of each event: the return loaded under
 * its lock, the rule decides (domain/return-upstream.rules.ts), and the new state, the opened leg and
 * its event are written with the inbox record. The registration and the agency's outcome may arrive in
 * any order, and at the same moment as a courier's command on the leg: the lock orders them.
 */
export class RecordUpstreamUseCase {
  constructor(
    private readonly catalog: Catalog,
    private readonly returns: ReturnRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async registration(manager: EntityManager, event: DossierRegistered, traceparent?: string): Promise<UpstreamOutcome> {
    const data = event.data;
    const now = this.clock.now();
    const state = await this.returns.lock(manager, data.dossierId);
    const destination = data.returnDestination;
    const decision = decideOrDeadLetter(data.dossierId, () => recordRegistration(
      state,
      {
        dossierId: data.dossierId,
        serviceForm: data.serviceForm,
        recipientRef: data.recipientRef ?? null,
        destination: destination
          ? { deliveryMode: destination.deliveryMode, postalCode: destination.postalCode, ...(destination.provinceCode ? { provinceCode: destination.provinceCode } : {}) }
          : null,
        registeredAt: new Date(data.registeredAt),
        correlationId: event.correlationid,
      },
      { now, catalog: this.catalog },
    ));
    return this.write(manager, state, decision, event.id, now, traceparent);
  }

  resultIssued(manager: EntityManager, event: ResultIssued, traceparent?: string): Promise<UpstreamOutcome> {
    const data = event.data;
    return this.outcome(
      manager,
      event,
      {
        dossierId: data.dossierId,
        returnedItem: 'RESULT',
        resultId: data.resultId,
        agencyId: data.agencyId,
        issuedAt: new Date(data.issuedAt),
        feesOwed: data.feesOwed,
        byPost: data.returnByPost,
        documentsToTakeBack: data.documentsToTakeBack ?? [],
        correlationId: event.correlationid,
      },
      traceparent,
    );
  }

  /** A refusal slip (and the paper dossier) goes back to the applicant like a result, with nothing to collect. */
  dossierRejected(manager: EntityManager, event: DossierRejected, traceparent?: string): Promise<UpstreamOutcome> {
    const data = event.data;
    return this.outcome(
      manager,
      event,
      {
        dossierId: data.dossierId,
        returnedItem: 'REFUSAL_SLIP',
        resultId: data.refusalSlip?.documentId ?? randomUUID(),
        agencyId: data.agencyId,
        issuedAt: new Date(data.rejectedAt),
        feesOwed: 0,
        byPost: data.returnToApplicant,
        documentsToTakeBack: [],
        correlationId: event.correlationid,
      },
      traceparent,
    );
  }

  private async outcome(manager: EntityManager, event: ResultIssued | DossierRejected, fact: AgencyOutcomeFact, traceparent?: string): Promise<UpstreamOutcome> {
    const now = this.clock.now();
    const state = await this.returns.lock(manager, fact.dossierId);
    const decision = decideOrDeadLetter(fact.dossierId, () => recordAgencyOutcome(state, fact, { now, catalog: this.catalog }));
    return this.write(manager, state, decision, event.id, now, traceparent);
  }

  private async write(manager: EntityManager, before: ReturnState | null, upstream: UpstreamDecision, eventId: string, now: Date, traceparent?: string): Promise<UpstreamOutcome> {
    if (upstream.outcome === 'already-known') return 'already-known';
    const decision = upstream.outcome === 'leg-due' ? await this.openLeg(manager, upstream.state, upstream.deadline, now) : upstream.decision;
    const causation = { correlationId: decision.state.correlationId, causationId: eventId, traceparent };
    await writeReturnDecision(manager, { returns: this.returns, outbox: this.outbox }, before, decision, causation, now);
    return 'recorded';
  }

  /** The leg's item id comes from the delivering point's serial sequence, drawn in this transaction (no gap on a rollback). */
  private async openLeg(manager: EntityManager, state: ReturnState, deadline: ReturnLegDeadline, now: Date): Promise<ReturnDecision> {
    const serial = await returnItemSerials.next(manager, state.destinationPostalCode!);
    return openReturnLeg(state, deadline, { legId: randomUUID(), serviceIndicator: serial.serviceIndicator, serial: serial.serial }, { now });
  }
}

/** Retrying cannot teach the catalog an agency or a postal point: such an event goes to the dead letters, for a person. */
function decideOrDeadLetter(dossierId: string, decide: () => UpstreamDecision): UpstreamDecision {
  try {
    return decide();
  } catch (error) {
    if (error instanceof ReturnLegUnplaceableError) throw new NonRetriableError(`dossier ${dossierId}: ${error.message}`);
    throw error;
  }
}
