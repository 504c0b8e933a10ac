import { formatProvisionalDossierId, generatePostalItemId, type PostalCode } from '@bcci/kernel';
import { outboxEntryOf, type OutboxEntry, type OutboxWriter } from '@bcci/messaging';
import { allowPresumptions, combineWritableStatements, type ItemOutcome, type Presumptions } from '@bcci/persistence';
import type { IdempotencyStore } from '@bcci/service-kit';
import type { DataSource, EntityManager } from 'typeorm';
import { assertWithinDailyLimit } from '../domain/provisional-id-limit';
import type { DossierOrmEntity } from '../persistence/dossier.orm-entity';
import type { DossierRepository, SearchToken } from '../persistence/dossier.repository';
import type { AllocatedIdentifiers, IdentifierSequencesRepository } from '../persistence/identifier-sequences.repository';
import { dossierRegisteredEvent, type RegistrationEventContext } from './dossier-registered.event';
import { toDossierView, type DossierView } from './dossier-view';
import type { RegistrationMetrics } from './registration-metrics';

/**
 * A registration checked and built before any transaction: everything but the identifiers that only
 * the postal point's sequences can give (provisional id, S10 item id).
 */
export interface PreparedRegistration {
  readonly dossier: DossierOrmEntity;
  readonly receivedOn: string;
  readonly withPostalItem: boolean;
  readonly tokens: readonly SearchToken[];
  readonly eventContext: RegistrationEventContext;
  readonly traceparent?: string;
  readonly idempotency?: { readonly scope: string; readonly key: string; readonly request: unknown };
}

export interface RegistrationWriterDeps {
  readonly dataSource: DataSource;
  readonly dossiers: DossierRepository;
  readonly sequences: IdentifierSequencesRepository;
  readonly outbox: OutboxWriter;
  readonly idempotency: IdempotencyStore;
  readonly metrics?: RegistrationMetrics;
}

/**
 * Writes registrations, many per transaction: one statement each for the idempotency keys, the
 * sequences, the dossiers with their search tokens, the events and the stored answers. Allocation stays
 * inside the transaction, so a registration that is not written leaves no gap in a point's numbering.
 *
 * If the batch's transaction fails, its registrations are written again one by one, so that one bad
 * registration (a point past 9,999 dossiers today, a key reused for another request) fails alone.
 */
export class RegistrationWriter {
  constructor(private readonly deps: RegistrationWriterDeps) {}

  async write(batch: readonly PreparedRegistration[]): Promise<ItemOutcome<DossierView>[]> {
    const outcomes = new Array<ItemOutcome<DossierView>>(batch.length);
    // A key repeated within the batch (a client retrying at once) waits for the first one's answer.
    const seen = new Set<string>();
    const first: number[] = [];
    const repeats: number[] = [];
    batch.forEach((registration, i) => {
      const id = registration.idempotency && `${registration.idempotency.scope}\u0000${registration.idempotency.key}`;
      if (id !== undefined && seen.has(id)) repeats.push(i);
      else {
        if (id !== undefined) seen.add(id);
        first.push(i);
      }
    });
    const presumptions: Presumptions[] = [];
    try {
      const together = await this.writeTogether(first.map((i) => batch[i]!), presumptions);
      first.forEach((i, n) => (outcomes[i] = together[n]!));
    } catch (error) {
      // A key presumed new that was taken (a retried registration) fails the batch: each registration
      // is then written again alone, asking for its key, so the retry gets its first answer.
      if (first.length === 1 && !presumptions[0]?.explains(error)) outcomes[first[0]!] = { ok: false, error };
      else for (const i of first) outcomes[i] = await this.writeAlone(batch[i]!);
    }
    for (const i of repeats) outcomes[i] = await this.writeAlone(batch[i]!);
    return outcomes;
  }

  private async writeAlone(registration: PreparedRegistration): Promise<ItemOutcome<DossierView>> {
    try {
      const [outcome] = await this.writeTogether([registration]);
      return outcome!;
    } catch (error) {
      return { ok: false, error };
    }
  }

  /**
   * One transaction for the batch. Given `presumptions`, the idempotency keys' INSERT goes with the
   * allocation's statement instead of asking first (presumption.ts in @bcci/persistence), and what the
   * transaction presumed is pushed there: a key that was taken fails the transaction, which it explains.
   */
  private async writeTogether(batch: readonly PreparedRegistration[], presumptions?: Presumptions[]): Promise<ItemOutcome<DossierView>[]> {
    const outcomes = await this.deps.dataSource.transaction(async (manager) => {
      if (presumptions) presumptions.push(allowPresumptions(manager));
      const answered = await this.answerRetries(manager, batch);
      // Only retries: their answers are stored already, and nothing is written.
      if (answered.every((outcome) => outcome !== undefined)) return answered as ItemOutcome<DossierView>[];
      const todo = batch.map((registration, i) => ({ registration, i })).filter(({ i }) => answered[i] === undefined);
      const identifiers = await this.deps.sequences.allocateBatch(
        manager,
        todo.map(({ registration: r }) => ({ postalCode: r.dossier.postalCode, receivedOn: r.receivedOn, withPostalItem: r.withPostalItem })),
      );
      todo.forEach(({ registration }, n) => assignIdentifiers(registration, identifiers[n]!));
      const views = todo.map(({ registration }) => toDossierView(registration.dossier));
      const answers = todo.flatMap(({ registration: r }, n) => (r.idempotency ? [{ scope: r.idempotency.scope, key: r.idempotency.key, result: views[n] }] : []));
      // Dossiers, search tokens, events and stored answers in one round trip: fewer statements while
      // the points' sequence rows are locked.
      const { text, values } = combineWritableStatements([
        ...this.deps.dossiers.insertStatements(manager, todo.map(({ registration: r }) => ({ dossier: r.dossier, tokens: r.tokens }))),
        this.deps.outbox.appendStatement(todo.map(({ registration }) => registeredEntry(registration))),
        ...(answers.length > 0 ? [this.deps.idempotency.recordStatement(answers)] : []),
      ]);
      await manager.query(text, [...values]);
      todo.forEach(({ i }, n) => (answered[i] = { ok: true, value: views[n]! }));
      return answered as ItemOutcome<DossierView>[];
    });
    this.deps.metrics?.transactionWritten(batch.length);
    return outcomes;
  }

  /** Claims the batch's keys: a retried registration gets its first answer, and allocates nothing. */
  private async answerRetries(manager: EntityManager, batch: readonly PreparedRegistration[]): Promise<(ItemOutcome<DossierView> | undefined)[]> {
    const outcomes: (ItemOutcome<DossierView> | undefined)[] = batch.map(() => undefined);
    const keyed = batch.map((registration, i) => ({ idempotency: registration.idempotency, i })).filter((k) => k.idempotency !== undefined);
    const claims = await this.deps.idempotency.claimMany<DossierView>(manager, keyed.map((k) => k.idempotency!));
    claims.forEach((claim, n) => {
      const i = keyed[n]!.i;
      if (claim.kind === 'replay') outcomes[i] = { ok: true, value: claim.value };
      else if (claim.kind === 'refused') outcomes[i] = { ok: false, error: claim.error };
    });
    return outcomes;
  }
}

function assignIdentifiers(registration: PreparedRegistration, { sequence, postalItem }: AllocatedIdentifiers): void {
  const { dossier } = registration;
  assertWithinDailyLimit(sequence, dossier.postalCode, registration.receivedOn);
  dossier.provisionalDossierId = formatProvisionalDossierId({ postalCode: dossier.postalCode as PostalCode, receivedOn: registration.receivedOn as never, sequence });
  dossier.postalItemId = postalItem ? generatePostalItemId(postalItem.serviceIndicator, postalItem.serial) : null;
}

function registeredEntry(registration: PreparedRegistration): OutboxEntry {
  return outboxEntryOf(dossierRegisteredEvent(registration.dossier, registration.eventContext), registration.traceparent);
}
