import type { Actor } from '@bcci/auth';
import { toVietnamDate, type LocalDate } from '@bcci/kernel';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  handoverCountMismatch,
  handoverDuplicateItems,
  handoverMixedAgencies,
  handoverNotAllowed,
  signedInFuture,
} from '../domain/forwarding.errors';
import type { HandoverRecordState } from '../domain/handover-record';
import { signByPost } from '../domain/handover-record.rules';
import type { AgencySignature } from '../domain/handover-signatures.rule';
import { countMismatches } from '../domain/sending-slip-count.rule';
import type { HandoverRecordRepository } from '../persistence/handover-record.repository';
import type { Clock } from './clock';
import { writeHandoverDecision } from './handover-decision.writer';
import type { IdempotencyRunner } from './idempotency-runner';
import { eventActorOf, staffRefOf } from './event-actor';
import { assertAllFound, describeReference, inReferenceOrder, type LegReference } from './leg-references';
import { assertMayActOnLeg } from './leg-scope';
import { handoverRecordViewOf, type HandoverRecordView } from './handover-record.view';

export interface HandoverItemCommand {
  readonly reference: LegReference;
  /** Documents both sides counted for this dossier, checked against its sending slip. */
  readonly documentsCounted: number;
}

export interface SignHandoverRecordCommand {
  readonly actor: Actor;
  readonly items: readonly HandoverItemCommand[];
  /** The postal employee who signs; the caller by default. */
  readonly postalSignerRef?: string;
  /** The agency receiver's name as written on the paper record: present when both signed on paper. */
  readonly agencySignerName?: string;
  readonly agencySignerRef?: string;
  readonly signedAt: Date;
  readonly recordNumber?: string;
  readonly remittanceMethod: 'CASH' | 'BANK_TRANSFER';
  readonly idempotencyKey?: string;
  readonly requestId: string;
  readonly traceparent?: string;
}

const CLOCK_SKEW_MS = 5 * 60_000;
const HANDOVER_READY: readonly string[] = ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'];

/**
 * The courier (or clerk) records the handover record of one or more dossiers of one agency (QĐ 45 Đ7):
 * counts checked against every sending slip, the postal signature, and the agency's signature when it
 * was given on paper. Without it the record waits for the agency's signature from the gateway (or uses
 * the acknowledgements already received). Once both are present the dossiers are filed and the fees
 * remitted (rules: domain/handover-record.rules.ts). A retry with the same Idempotency-Key returns the
 * first answer. The whole step runs again if PostgreSQL aborts it on a deadlock or serialization failure.
 */
export class SignHandoverRecordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: HandoverRecordRepository,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  async execute(command: SignHandoverRecordCommand): Promise<HandoverRecordView> {
    const now = this.clock.now();
    if (command.signedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw signedInFuture();

    return transactionWithRetry(this.dataSource, (manager) =>
      this.idempotency.run(manager, `handover-record:${command.actor.subject}`, command.idempotencyKey, () => this.sign(manager, command, now), fingerprintOf(command)),
    );
  }

  private async sign(manager: EntityManager, command: SignHandoverRecordCommand, now: Date): Promise<HandoverRecordView> {
    const references = command.items.map((item) => item.reference);
    // The legs locked and, read once they are, the acknowledgements kept for their dossiers: an
    // acknowledgement of any of them either committed before, and is read here, or waits for this record
    // to commit and then completes it.
    const { legs, acknowledgements: kept } = await this.records.lockLegsWithAcknowledgements(manager, references);
    assertAllFound(legs, references);
    for (const leg of legs) assertMayActOnLeg(command.actor, leg);

    const ordered = inReferenceOrder(legs, references);
    if (ordered.length !== references.length) {
      const seen = new Map<string, string[]>();
      for (const reference of references) {
        const leg = legs.find((l) => ('dossierId' in reference ? l.dossierId === reference.dossierId : l.s10ItemId === reference.s10ItemId))!;
        seen.set(leg.dossierId, [...(seen.get(leg.dossierId) ?? []), describeReference(reference)]);
      }
      throw handoverDuplicateItems({ items: [...seen.entries()].filter(([, refs]) => refs.length > 1).map(([dossierId, refs]) => ({ dossierId, references: refs })) });
    }

    const notReady = ordered.filter((leg) => !HANDOVER_READY.includes(leg.status) || leg.handoverRecordId !== null);
    if (notReady.length > 0) {
      throw handoverNotAllowed({
        items: notReady.map((leg) => ({ dossierId: leg.dossierId, s10ItemId: leg.s10ItemId, status: leg.status, handoverRecordId: leg.handoverRecordId })),
      });
    }
    const agencies = new Set(ordered.map((leg) => leg.agencyId));
    if (agencies.size > 1) {
      throw handoverMixedAgencies({ items: ordered.map((leg) => ({ dossierId: leg.dossierId, s10ItemId: leg.s10ItemId, agencyId: leg.agencyId })) });
    }
    const mismatches = countMismatches(
      ordered.map((leg, index) => ({
        dossierId: leg.dossierId,
        s10ItemId: leg.s10ItemId,
        documentsOnSlip: leg.documentsOnSlip,
        documentsCounted: command.items[index].documentsCounted,
      })),
    );
    if (mismatches.length > 0) throw handoverCountMismatch({ items: mismatches });

    const agencyId = ordered[0].agencyId;
    const postalActor = eventActorOf(command.actor);
    const id = randomUUID();
    const record: HandoverRecordState = {
      id,
      recordNumber: command.recordNumber ?? defaultRecordNumber(ordered[0].originPostalCode, command.signedAt, id),
      agencyId,
      status: 'AWAITING_AGENCY_SIGNATURE',
      postalSignature: {
        signerRole: postalActor.role,
        signerRef: command.postalSignerRef ? staffRefOf(command.postalSignerRef) : postalActor.ref,
        signedAt: command.signedAt,
      },
      agencySignature: null,
      signedAt: null,
      remittanceMethod: command.remittanceMethod,
      dossiers: ordered.map((leg, index) => ({
        dossierId: leg.dossierId,
        legId: leg.id,
        documentsCounted: command.items[index].documentsCounted,
        dueDate: leg.dueDate as LocalDate,
        fees: { dossierId: leg.dossierId, total: leg.agencyFeesTotal, lines: leg.agencyFeeLines },
      })),
    };
    await this.records.insertRecord(manager, record, { agencySignerName: command.agencySignerName ?? null, originPostalCode: ordered[0].originPostalCode, createdAt: now });

    const paper = paperSignature(command, agencyId);
    const acknowledgements = paper ? [] : kept;
    const decision = signByPost(record, paper, acknowledgements, { remittanceId: randomUUID() });
    await writeHandoverDecision(manager, this.records, this.outbox, decision, {
      now,
      causationId: command.requestId,
      traceparent: command.traceparent,
      correlationIds: new Map(ordered.map((leg) => [leg.dossierId, leg.correlationId])),
    });
    // Built from the decision: reading back the rows just written cost four round trips per record.
    return handoverRecordViewOf(decision, ordered);
  }
}

/** The agency's receiver signed beside the courier, on the paper record, at the same time. */
function paperSignature(command: SignHandoverRecordCommand, agencyId: string): AgencySignature | null {
  if (!command.agencySignerName) return null;
  return {
    signerRole: 'AGENCY_RECEIVER',
    signerRef: command.agencySignerRef ? staffRefOf(command.agencySignerRef) : `agency-receiver:${agencyId}`,
    signedAt: command.signedAt,
    source: 'PAPER_RECORD',
  };
}

/** `BBGN-<postal code>-<YYMMDD>-<8 hex>`: readable, unique without a counter. */
function defaultRecordNumber(postalCode: string, signedAt: Date, id: string): string {
  const day = toVietnamDate(signedAt).replace(/-/g, '').slice(2);
  return `BBGN-${postalCode}-${day}-${id.slice(0, 8).toUpperCase()}`;
}

/** What identifies the request for the Idempotency-Key check (not who sent it, not when). */
function fingerprintOf(command: SignHandoverRecordCommand): unknown {
  return {
    items: command.items.map((item) => [describeReference(item.reference), item.documentsCounted]),
    postalSignerRef: command.postalSignerRef ?? null,
    agencySignerName: command.agencySignerName ?? null,
    agencySignerRef: command.agencySignerRef ?? null,
    signedAt: command.signedAt.toISOString(),
    recordNumber: command.recordNumber ?? null,
    remittanceMethod: command.remittanceMethod,
  };
}
