import type { Actor } from '@bcci/auth';
import { toVietnamDate } from '@bcci/kernel';
import { OutboxWriter } from '@bcci/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  handoverCountMismatch,
  handoverDuplicateItems,
  handoverMixedAgencies,
  handoverNotAllowed,
  signedInFuture,
} from '../domain/forwarding.errors';
import { agencySignatureFromAcknowledgements, type AgencySignature } from '../domain/handover-signatures.rule';
import { countMismatches } from '../domain/sending-slip-count.rule';
import { AgencyAcknowledgementOrmEntity } from '../persistence/agency-acknowledgement.orm-entity';
import { HandoverRecordItemOrmEntity } from '../persistence/handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from '../persistence/handover-record.orm-entity';
import { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';
import type { IdempotencyRunner } from './idempotency-runner';
import { completeHandoverRecord } from './complete-handover-record';
import { eventActorOf, staffRefOf } from './event-actor';
import { describeReference, inReferenceOrder, lockLegs, type LegReference } from './leg-references';
import { assertMayActOnLeg } from './leg-scope';
import { loadHandoverRecordView, type HandoverRecordView } from './handover-record.view';

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
 * remitted (see completeHandoverRecord). A retry with the same Idempotency-Key returns the first answer.
 */
export class SignHandoverRecordUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly idempotency: IdempotencyRunner,
  ) {}

  async execute(command: SignHandoverRecordCommand): Promise<HandoverRecordView> {
    const now = this.clock.now();
    if (command.signedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw signedInFuture();

    return this.dataSource.transaction((manager) =>
      this.idempotency.run(manager, `handover-record:${command.actor.subject}`, command.idempotencyKey, () => this.sign(manager, command, now), fingerprintOf(command)),
    );
  }

  private async sign(manager: EntityManager, command: SignHandoverRecordCommand, now: Date): Promise<HandoverRecordView> {
    const references = command.items.map((item) => item.reference);
    const legs = await lockLegs(manager, references);
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
    const record = manager.create(HandoverRecordOrmEntity, {
      id,
      recordNumber: command.recordNumber ?? defaultRecordNumber(ordered[0].originPostalCode, command.signedAt, id),
      agencyId,
      originPostalCode: ordered[0].originPostalCode,
      status: 'AWAITING_AGENCY_SIGNATURE',
      postalSignerRole: postalActor.role,
      postalSignerRef: command.postalSignerRef ? staffRefOf(command.postalSignerRef) : postalActor.ref,
      postalSignedAt: command.signedAt,
      agencySignerName: command.agencySignerName ?? null,
      agencySignerRole: null,
      agencySignerRef: null,
      agencySignedAt: null,
      agencySignatureSource: null,
      signedAt: null,
      remittanceMethod: command.remittanceMethod,
      createdAt: now,
    });
    await manager.insert(HandoverRecordOrmEntity, record);
    await manager.insert(
      HandoverRecordItemOrmEntity,
      ordered.map((leg, index) => ({ handoverRecordId: id, dossierId: leg.dossierId, legId: leg.id, documentsCounted: command.items[index].documentsCounted })),
    );
    await manager.update(PostalLegOrmEntity, { id: In(ordered.map((leg) => leg.id)) }, { handoverRecordId: id, postalSignedAt: command.signedAt });

    const agencySignature = await this.agencySignature(manager, command, agencyId, ordered.map((leg) => leg.dossierId));
    if (agencySignature) {
      await completeHandoverRecord(manager, this.outbox, record, ordered, agencySignature, {
        now,
        causationId: command.requestId,
        traceparent: command.traceparent,
      });
    }
    return loadHandoverRecordView(manager, record);
  }

  /** On paper (the receiver signed beside the courier), or from acknowledgements the gateway already sent. */
  private async agencySignature(
    manager: EntityManager,
    command: SignHandoverRecordCommand,
    agencyId: string,
    dossierIds: readonly string[],
  ): Promise<AgencySignature | null> {
    if (command.agencySignerName) {
      return {
        signerRole: 'AGENCY_RECEIVER',
        signerRef: command.agencySignerRef ? staffRefOf(command.agencySignerRef) : `agency-receiver:${agencyId}`,
        signedAt: command.signedAt,
        source: 'PAPER_RECORD',
      };
    }
    const acks = await manager.find(AgencyAcknowledgementOrmEntity, { where: { dossierId: In([...dossierIds]) } });
    return agencySignatureFromAcknowledgements(
      dossierIds,
      acks.map((ack) => ({ dossierId: ack.dossierId, signerRole: ack.signerRole, signerRef: ack.signerRef, acknowledgedAt: ack.acknowledgedAt })),
    );
  }
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
