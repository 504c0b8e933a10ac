import type { Catalog } from '@bcci/catalog';
import type { BcciEvent, DocumentToTakeBack } from '@bcci/contracts';
import type { OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReturnedItem } from '../domain/return-status';
import { ReturnOrmEntity } from '../persistence/return.orm-entity';
import type { Clock } from './clock';
import { settleReturn } from './open-return-leg';

type DossierRegistered = BcciEvent<'bcci.intake.dossier-registered.v1'>;
type ResultIssued = BcciEvent<'bcci.agency-gateway.result-issued.v1'>;
type DossierRejected = BcciEvent<'bcci.agency-gateway.dossier-rejected.v1'>;

export type UpstreamOutcome = 'recorded' | 'already-known';

interface AgencyOutcome {
  readonly returnedItem: ReturnedItem;
  readonly resultId: string;
  readonly agencyId: string;
  readonly issuedAt: Date;
  readonly feesOwed: number;
  readonly byPost: boolean;
  readonly documentsToTakeBack: DocumentToTakeBack[];
}

/**
 * What returns learns from upstream, in the inbox transaction of each event. The registration and the
 * agency's outcome may arrive in any order (different streams); each is recorded once per dossier, so
 * the same fact again under a new event id changes nothing.
 */
export class RecordUpstreamUseCase {
  constructor(
    private readonly catalog: Catalog,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async registration(manager: EntityManager, event: DossierRegistered, traceparent?: string): Promise<UpstreamOutcome> {
    const data = event.data;
    const now = this.clock.now();
    const existing = await this.lock(manager, data.dossierId);
    if (existing?.serviceForm) return 'already-known';
    const destination = data.returnDestination;
    const ret: ReturnOrmEntity = {
      ...(existing ?? this.blank(data.dossierId, now)),
      status: existing?.status ?? (destination ? 'AWAITING_RESULT' : 'NOT_BY_POST'),
      serviceForm: data.serviceForm,
      recipientRef: data.recipientRef ?? null,
      deliveryMode: destination?.deliveryMode ?? null,
      destinationPostalCode: destination?.postalCode ?? null,
      destinationProvinceCode: destination ? (destination.provinceCode ?? this.provinceOf(destination.postalCode, new Date(data.registeredAt))) : null,
      // The chain starts at the registration.
      correlationId: event.correlationid,
    };
    await settleReturn(manager, ret, { catalog: this.catalog, outbox: this.outbox }, { correlationId: ret.correlationId, causationId: event.id, traceparent }, now);
    return 'recorded';
  }

  resultIssued(manager: EntityManager, event: ResultIssued, traceparent?: string): Promise<UpstreamOutcome> {
    const data = event.data;
    return this.outcome(
      manager,
      event,
      { returnedItem: 'RESULT', resultId: data.resultId, agencyId: data.agencyId, issuedAt: new Date(data.issuedAt), feesOwed: data.feesOwed, byPost: data.returnByPost, documentsToTakeBack: data.documentsToTakeBack ?? [] },
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
        returnedItem: 'REFUSAL_SLIP',
        resultId: data.refusalSlip?.documentId ?? randomUUID(),
        agencyId: data.agencyId,
        issuedAt: new Date(data.rejectedAt),
        feesOwed: 0,
        byPost: data.returnToApplicant,
        documentsToTakeBack: [],
      },
      traceparent,
    );
  }

  private async outcome(manager: EntityManager, event: ResultIssued | DossierRejected, outcome: AgencyOutcome, traceparent?: string): Promise<UpstreamOutcome> {
    const now = this.clock.now();
    const existing = await this.lock(manager, event.data.dossierId);
    if (existing?.resultId) return 'already-known';
    const base = existing ?? this.blank(event.data.dossierId, now, event.correlationid);
    const ret: ReturnOrmEntity = {
      ...base,
      status: !outcome.byPost ? 'NOT_BY_POST' : existing ? existing.status : 'AWAITING_REGISTRATION',
      returnedItem: outcome.returnedItem,
      resultId: outcome.resultId,
      agencyId: outcome.agencyId,
      issuedAt: outcome.issuedAt,
      feesOwed: outcome.feesOwed,
      documentsToTakeBack: outcome.documentsToTakeBack,
    };
    await settleReturn(manager, ret, { catalog: this.catalog, outbox: this.outbox }, { correlationId: ret.correlationId, causationId: event.id, traceparent }, now);
    return 'recorded';
  }

  private lock(manager: EntityManager, dossierId: string): Promise<ReturnOrmEntity | null> {
    return manager.findOne(ReturnOrmEntity, { where: { dossierId }, lock: { mode: 'pessimistic_write' } });
  }

  private blank(dossierId: string, now: Date, correlationId: string = dossierId): ReturnOrmEntity {
    return {
      dossierId,
      status: 'AWAITING_REGISTRATION',
      serviceForm: null,
      recipientRef: null,
      deliveryMode: null,
      destinationPostalCode: null,
      destinationProvinceCode: null,
      returnedItem: null,
      resultId: null,
      agencyId: null,
      issuedAt: null,
      feesOwed: null,
      documentsToTakeBack: [],
      legId: null,
      s10ItemId: null,
      legClass: null,
      startDay: null,
      workingDays: null,
      dueDate: null,
      openedAt: null,
      pickedUpAt: null,
      deliveredAt: null,
      returnedAt: null,
      invitations: [],
      lastStepAt: null,
      correlationId,
      updatedAt: now,
    };
  }

  /** The province of the delivering point, for operations' scope (null when the catalog does not know it). */
  private provinceOf(postalCode: string, on: Date): string | null {
    const day = this.catalog.at(on);
    const point = day.findPostalPoint(postalCode);
    if (!point) return null;
    return day.enclosingUnit(point.administrativeUnitCode, 'province')?.code ?? null;
  }
}
