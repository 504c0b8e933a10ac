import type { Actor } from '@bcci/auth';
import { outboxEntryFor, OutboxWriter } from '@bcci/messaging';
import type { DataSource } from 'typeorm';
import { scanBeforePreviousScan, scanInFuture, scanOutOfOrder } from '../domain/forwarding.errors';
import { SCAN_KINDS, type LegStatus, type ScanKind } from '../domain/leg-status';
import { decideScan, isScanTimeAfterPrevious } from '../domain/scan-order.rule';
import type { CourierScanOrmEntity } from '../persistence/courier-scan.orm-entity';
import { recordCourierScan } from '../persistence/courier-scans.repository';
import { lockLegsWithScansByReference } from '../persistence/postal-leg.locks';
import type { PostalLegOrmEntity } from '../persistence/postal-leg.orm-entity';
import type { Clock } from './clock';
import { eventActorOf } from './event-actor';
import { assertAllFound, describeReference, inReferenceOrder, type LegReference } from './leg-references';
import { assertMayActOnLeg } from './leg-scope';

export interface RecordScansCommand {
  readonly actor: Actor;
  readonly items: readonly LegReference[];
  readonly kind: ScanKind;
  /** Where the scan happened (postal point or the agency's serving post office). */
  readonly postalCode: string;
  readonly at: Date;
  readonly bagRef?: string;
  readonly requestId: string;
  readonly traceparent?: string;
}

export interface ScanResult {
  readonly dossierId: string;
  readonly s10ItemId: string;
  readonly legId: string;
  readonly kind: ScanKind;
  /** `recorded`: a new step; `repeated`: this step was already recorded, nothing changed. */
  readonly outcome: 'recorded' | 'repeated';
  readonly status: LegStatus;
  readonly scannedAt: string;
}

/** Devices' clocks drift: a scan up to this far ahead of the server is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Courier scans for one item or a courier's whole run, all or nothing: an unknown item (404), an item
 * out of the caller's scope (403), a scan out of order (409) or earlier than the previous step (422)
 * refuses the whole request, listing every offending item, and writes nothing. Repeats are accepted
 * and change nothing; each new step emits `courier-scanned`.
 */
export class RecordCourierScansUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async execute(command: RecordScansCommand): Promise<ScanResult[]> {
    const now = this.clock.now();
    if (command.at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw scanInFuture();

    return this.dataSource.transaction(async (manager) => {
      // The legs, locked, with the scans already recorded on them: one statement.
      const locked = await lockLegsWithScansByReference(manager, command.items);
      assertAllFound(locked.legs, command.items);
      const legs = inReferenceOrder(locked.legs, command.items);
      for (const leg of legs) assertMayActOnLeg(command.actor, leg);
      const scans = locked.scans;

      const outOfOrder: unknown[] = [];
      const tooEarly: unknown[] = [];
      const plans = legs.map((leg) => {
        const recorded = scans.filter((scan) => scan.legId === leg.id);
        const decision = decideScan(leg.status, recorded.map((scan) => scan.kind), command.kind);
        if (decision.outcome === 'out-of-order') {
          outOfOrder.push({ dossierId: leg.dossierId, s10ItemId: leg.s10ItemId, status: leg.status, reason: decision.reason });
        } else if (decision.outcome === 'record') {
          const previous = lastScan(recorded);
          if (!isScanTimeAfterPrevious(previous?.scannedAt ?? null, command.at)) {
            tooEarly.push({ dossierId: leg.dossierId, s10ItemId: leg.s10ItemId, previousKind: previous?.kind, previousAt: previous?.scannedAt.toISOString() });
          }
        }
        return { leg, decision, existing: recorded.find((scan) => scan.kind === command.kind) };
      });
      if (outOfOrder.length > 0) throw scanOutOfOrder({ items: outOfOrder });
      if (tooEarly.length > 0) throw scanBeforePreviousScan({ items: tooEarly });

      const results: ScanResult[] = [];
      const actor = eventActorOf(command.actor);
      for (const { leg, decision, existing } of plans) {
        if (decision.outcome !== 'record') {
          results.push(resultOf(leg, command.kind, 'repeated', leg.status, existing?.scannedAt ?? command.at));
          continue;
        }
        const scan: CourierScanOrmEntity = {
          legId: leg.id,
          kind: command.kind,
          dossierId: leg.dossierId,
          postalCode: command.postalCode,
          scannedAt: command.at,
          bagRef: command.bagRef ?? null,
          actorRole: actor.role,
          actorRef: actor.ref,
          recordedAt: now,
        };
        await recordCourierScan(manager, scan, decision.nextStatus);
        await this.outbox.append(
          manager,
          outboxEntryFor(
            'bcci.forwarding.courier-scanned.v1',
            {
              dossierId: leg.dossierId,
              legId: leg.id,
              s10ItemId: leg.s10ItemId,
              scanKind: command.kind,
              postalCode: command.postalCode,
              ...(command.kind === 'HANDED_OVER' ? { agencyId: leg.agencyId } : {}),
              scannedAt: command.at.toISOString(),
              ...(command.bagRef ? { bagRef: command.bagRef } : {}),
              actor,
            },
            { correlationId: leg.correlationId, causationId: command.requestId, traceparent: command.traceparent },
            now,
          ),
        );
        results.push(resultOf(leg, command.kind, 'recorded', decision.nextStatus, command.at));
      }
      return results;
    });
  }
}

function lastScan(scans: readonly CourierScanOrmEntity[]): CourierScanOrmEntity | undefined {
  return [...scans].sort((a, b) => SCAN_KINDS.indexOf(b.kind) - SCAN_KINDS.indexOf(a.kind))[0];
}

function resultOf(leg: PostalLegOrmEntity, kind: ScanKind, outcome: ScanResult['outcome'], status: LegStatus, at: Date): ScanResult {
  return { dossierId: leg.dossierId, s10ItemId: leg.s10ItemId, legId: leg.id, kind, outcome, status, scannedAt: at.toISOString() };
}

export { describeReference };
