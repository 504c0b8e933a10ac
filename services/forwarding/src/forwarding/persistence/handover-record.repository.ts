import type { LocalDate } from '@bcci/kernel';
import { EntityTable, entitiesFromJson, lockWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { AcknowledgementState, HandoverDecision, HandoverRecordState } from '../domain/handover-record';
import type { DossierAcknowledgement } from '../domain/handover-signatures.rule';
import { AgencyAcknowledgementOrmEntity } from './agency-acknowledgement.orm-entity';
import { FeeRemittanceOrmEntity } from './fee-remittance.orm-entity';
import { HandoverRecordItemOrmEntity } from './handover-record-item.orm-entity';
import { HandoverRecordOrmEntity } from './handover-record.orm-entity';
import { PostalLegOrmEntity } from './postal-leg.orm-entity';
import { lockWithNextRead } from './postal-leg.locks';
import type { LegReference } from '../domain/leg-reference';

/** The aggregate an acknowledgement is decided on, and the chain (correlation) id of each of its dossiers. */
export interface LockedAcknowledgementState {
  readonly state: AcknowledgementState;
  readonly correlationIds: ReadonlyMap<string, string>;
}

/** An agency acknowledgement as kept here, with where it came from. */
export interface StoredAcknowledgement extends DossierAcknowledgement {
  readonly agencyId: string;
  readonly eventId: string;
}

/**
 * Handover records and agency acknowledgements, loaded and saved as the handover rules need them.
 *
 * Locking rule: a record and the acknowledgements of its dossiers change only under the row locks of
 * the record's legs (SELECT … FOR UPDATE), always taken in leg id order. Recording a handover takes them
 * (lockLegsWithAcknowledgements), and so does an acknowledgement (lockForAcknowledgement): whichever
 * comes second waits for the first to commit, then reads what it wrote. Without this, each could read
 * before the other committed and the record would wait for a signature it already has (issue 9).
 */
export class HandoverRecordRepository {
  /**
   * Locks the legs an acknowledgement of `dossierId` may complete, then reads the record they are in
   * and the acknowledgements already kept. No leg yet (the registration is still on its way): nothing
   * to lock, and no record can exist without a dispatched leg.
   */
  async lockForAcknowledgement(manager: EntityManager, dossierId: string): Promise<LockedAcknowledgementState> {
    // An unlocked look first, with the items of the leg's record if it has one, to lock every leg of a
    // known record in id order (two acknowledgements of one record then queue instead of deadlocking).
    const seen = await this.lookAtLeg(manager, dossierId);
    let items = seen?.recordItems ?? [];
    const legIds = seen?.leg.handoverRecordId ? items.map((item) => item.legId) : seen ? [seen.leg.id] : [];
    // The legs locked, then read with the record and the acknowledgements in a statement of its own:
    // one round trip, and its snapshot sees what the holder of a lock we waited for committed.
    let { legs, record: recordRow, acknowledgements } = await this.lockLegsWithRecord(manager, legIds, dossierId);
    const own = legs.find((leg) => leg.dossierId === dossierId);
    if (own?.handoverRecordId && !seen?.leg.handoverRecordId) {
      // The record was committed while we waited for our leg: lock the rest of it too, and read again.
      // Only a second acknowledgement of the same record racing the same commit can then deadlock;
      // PostgreSQL aborts one of them and the consumer runs it again.
      ({ items, legs } = await this.lockLegsOfRecord(manager, own.handoverRecordId));
      ({ record: recordRow, acknowledgements } = await this.recordAndAcknowledgements(manager, own.handoverRecordId, [dossierId, ...legs.map((leg) => leg.dossierId)]));
    }
    const recordId = own?.handoverRecordId ?? null;
    // The record's items were read before the locks: a record's dossiers never change once it is made.
    if (recordId && !recordRow) throw new Error(`handover record ${recordId} is named by a leg but does not exist`);
    const record = recordRow ? toRecordState(recordRow, items, legs) : null;
    return {
      state: { record, acknowledgements: acknowledgements.map(toAcknowledgement) },
      correlationIds: new Map(legs.map((leg) => [leg.dossierId, leg.correlationId])),
    };
  }

  async insertAcknowledgement(manager: EntityManager, ack: StoredAcknowledgement): Promise<void> {
    // ON CONFLICT: a dossier with no leg yet is not locked, so two copies may both get here; the first wins.
    await EntityTable.of(manager, AgencyAcknowledgementOrmEntity).insert(
      manager,
      [{ dossierId: ack.dossierId, agencyId: ack.agencyId, acknowledgedAt: ack.acknowledgedAt, signerRole: ack.signerRole, signerRef: ack.signerRef, eventId: ack.eventId }],
      { ignoreConflicts: true },
    );
  }

  /**
   * The legs the references name, locked (in leg id order), and the acknowledgements kept for their
   * dossiers, read once the locks are granted: one round trip. An acknowledgement of any of them either
   * committed before, and is read here, or waits for the caller's transaction to commit.
   */
  async lockLegsWithAcknowledgements(manager: EntityManager, references: readonly LegReference[]): Promise<{ legs: PostalLegOrmEntity[]; acknowledgements: DossierAcknowledgement[] }> {
    const { dossierIds, s10ItemIds } = await lockWithNextRead(manager, references);
    const [row]: Array<{ legs: unknown; acknowledgements: unknown }> = await manager.query(
      `WITH leg AS (SELECT * FROM postal_legs WHERE dossier_id = ANY($1::uuid[]) OR s10_item_id = ANY($2::text[]))
       SELECT (SELECT json_agg(leg ORDER BY leg.id) FROM leg) AS legs,
              (SELECT json_agg(ack) FROM agency_acknowledgements ack WHERE ack.dossier_id IN (SELECT dossier_id FROM leg)) AS acknowledgements`,
      [dossierIds, s10ItemIds],
    );
    return {
      legs: entitiesFromJson(manager, PostalLegOrmEntity, row!.legs),
      acknowledgements: entitiesFromJson(manager, AgencyAcknowledgementOrmEntity, row!.acknowledgements).map(toAcknowledgement),
    };
  }

  /** A record just signed by the post, with its dossiers; their legs must be locked by the caller. */
  async insertRecord(manager: EntityManager, record: HandoverRecordState, extra: { agencySignerName: string | null; originPostalCode: string; createdAt: Date }): Promise<void> {
    await EntityTable.of(manager, HandoverRecordOrmEntity).insert(manager, [{
      id: record.id,
      recordNumber: record.recordNumber,
      agencyId: record.agencyId,
      originPostalCode: extra.originPostalCode,
      status: record.status,
      postalSignerRole: record.postalSignature.signerRole,
      postalSignerRef: record.postalSignature.signerRef,
      postalSignedAt: record.postalSignature.signedAt,
      agencySignerName: extra.agencySignerName,
      agencySignerRole: null,
      agencySignerRef: null,
      agencySignedAt: null,
      agencySignatureSource: null,
      signedAt: null,
      remittanceMethod: record.remittanceMethod,
      createdAt: extra.createdAt,
    }]);
    await EntityTable.of(manager, HandoverRecordItemOrmEntity).insert(
      manager,
      record.dossiers.map((dossier) => ({ handoverRecordId: record.id, dossierId: dossier.dossierId, legId: dossier.legId, documentsCounted: dossier.documentsCounted })),
    );
    await EntityTable.of(manager, PostalLegOrmEntity).update(
      manager,
      { id: record.dossiers.map((dossier) => dossier.legId) },
      { handoverRecordId: record.id, postalSignedAt: record.postalSignature.signedAt },
    );
  }

  /** Saves what a decision changed: the signed record, its filed legs, the remittance. */
  async saveDecision(manager: EntityManager, decision: HandoverDecision): Promise<void> {
    if (!decision.filed) return;
    const record = decision.record;
    const agency = record.agencySignature!;
    await EntityTable.of(manager, HandoverRecordOrmEntity).update(
      manager,
      { id: record.id },
      {
        status: record.status,
        agencySignerRole: agency.signerRole,
        agencySignerRef: agency.signerRef,
        agencySignedAt: agency.signedAt,
        agencySignatureSource: agency.source,
        signedAt: record.signedAt,
      },
    );
    await EntityTable.of(manager, PostalLegOrmEntity).update(manager, { id: record.dossiers.map((dossier) => dossier.legId) }, { status: 'FILED', filedAt: record.signedAt });
    const remittance = decision.remittance;
    if (!remittance) return;
    await EntityTable.of(manager, FeeRemittanceOrmEntity).insert(manager, [{
      id: remittance.id,
      handoverRecordId: remittance.handoverRecordId,
      agencyId: remittance.agencyId,
      total: remittance.total,
      dossierCount: remittance.dossiers.length,
      method: remittance.method,
      remittedAt: remittance.remittedAt,
      dossiers: remittance.dossiers.map((d) => ({ dossierId: d.dossierId, amount: d.total })),
    }]);
  }

  private lockLegs(manager: EntityManager, legIds: readonly string[]): Promise<PostalLegOrmEntity[]> {
    return EntityTable.of(manager, PostalLegOrmEntity).find(manager, { id: legIds }, { orderBy: ['id'], forUpdate: true });
  }

  /**
   * The legs locked (in id order), then, in the same round trip, read with the record of `dossierId`'s
   * leg and the acknowledgements kept for their dossiers and for `dossierId` (which may have no leg yet).
   */
  private async lockLegsWithRecord(
    manager: EntityManager,
    legIds: readonly string[],
    dossierId: string,
  ): Promise<{ legs: PostalLegOrmEntity[]; record: HandoverRecordOrmEntity | undefined; acknowledgements: AgencyAcknowledgementOrmEntity[] }> {
    if (legIds.length > 0) {
      await lockWithNextStatement(manager, { text: `SELECT 1 FROM postal_legs WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, values: [[...legIds]] });
    }
    const [row]: Array<{ legs: unknown; record: unknown; acknowledgements: unknown }> = await manager.query(
      `WITH leg AS (SELECT * FROM postal_legs WHERE id = ANY($1::uuid[]))
       SELECT (SELECT json_agg(leg ORDER BY leg.id) FROM leg) AS legs,
              (SELECT row_to_json(record) FROM handover_records record
                WHERE record.id = (SELECT handover_record_id FROM leg WHERE leg.dossier_id = $2)) AS record,
              (SELECT json_agg(ack) FROM agency_acknowledgements ack
                WHERE ack.dossier_id = $2 OR ack.dossier_id IN (SELECT dossier_id FROM leg)) AS acknowledgements`,
      [[...legIds], dossierId],
    );
    return {
      legs: entitiesFromJson(manager, PostalLegOrmEntity, row!.legs),
      record: row!.record ? entitiesFromJson(manager, HandoverRecordOrmEntity, [row!.record])[0] : undefined,
      acknowledgements: entitiesFromJson(manager, AgencyAcknowledgementOrmEntity, row!.acknowledgements),
    };
  }

  /** The record's items and its legs, locked. */
  private async lockLegsOfRecord(manager: EntityManager, recordId: string): Promise<{ items: HandoverRecordItemOrmEntity[]; legs: PostalLegOrmEntity[] }> {
    // A record's dossiers never change once it is made, so its items can be read without a lock.
    const items = await EntityTable.of(manager, HandoverRecordItemOrmEntity).find(manager, { handoverRecordId: recordId });
    return { items, legs: await this.lockLegs(manager, items.map((item) => item.legId)) };
  }

  /** A dossier's leg and, when it is in a record, the record's items: one unlocked statement. */
  private async lookAtLeg(manager: EntityManager, dossierId: string): Promise<{ leg: PostalLegOrmEntity; recordItems: HandoverRecordItemOrmEntity[] } | undefined> {
    const [row]: Array<{ leg: unknown; items: unknown }> = await manager.query(
      `SELECT row_to_json(leg) AS leg,
              (SELECT json_agg(item) FROM handover_record_items item WHERE item.handover_record_id = leg.handover_record_id) AS items
         FROM postal_legs leg
        WHERE leg.dossier_id = $1`,
      [dossierId],
    );
    if (!row) return undefined;
    return { leg: entitiesFromJson(manager, PostalLegOrmEntity, [row.leg])[0]!, recordItems: entitiesFromJson(manager, HandoverRecordItemOrmEntity, row.items) };
  }

  /** The record (if any) and the acknowledgements kept for these dossiers, in one statement. */
  private async recordAndAcknowledgements(
    manager: EntityManager,
    recordId: string | null,
    dossierIds: readonly string[],
  ): Promise<{ record: HandoverRecordOrmEntity | undefined; acknowledgements: AgencyAcknowledgementOrmEntity[] }> {
    const [row]: Array<{ record: unknown; acknowledgements: unknown }> = await manager.query(
      `SELECT (SELECT row_to_json(record) FROM handover_records record WHERE record.id = $1) AS record,
              (SELECT json_agg(ack) FROM agency_acknowledgements ack WHERE ack.dossier_id = ANY($2::uuid[])) AS acknowledgements`,
      [recordId, dossierIds],
    );
    return {
      record: row!.record ? entitiesFromJson(manager, HandoverRecordOrmEntity, [row!.record])[0] : undefined,
      acknowledgements: entitiesFromJson(manager, AgencyAcknowledgementOrmEntity, row!.acknowledgements),
    };
  }
}

/** The rules' view of a record row, its items and their legs (legs in the order given). */
export function toRecordState(row: HandoverRecordOrmEntity, items: readonly HandoverRecordItemOrmEntity[], legs: readonly PostalLegOrmEntity[]): HandoverRecordState {
  const agency =
    row.agencySignatureSource && row.agencySignerRole && row.agencySignerRef && row.agencySignedAt
      ? { signerRole: row.agencySignerRole, signerRef: row.agencySignerRef, signedAt: row.agencySignedAt, source: row.agencySignatureSource }
      : null;
  return {
    id: row.id,
    recordNumber: row.recordNumber,
    agencyId: row.agencyId,
    status: row.status,
    postalSignature: { signerRole: row.postalSignerRole, signerRef: row.postalSignerRef, signedAt: row.postalSignedAt },
    agencySignature: agency,
    signedAt: row.signedAt,
    remittanceMethod: row.remittanceMethod,
    dossiers: legs
      .filter((leg) => items.some((item) => item.legId === leg.id))
      .map((leg) => ({
        dossierId: leg.dossierId,
        legId: leg.id,
        documentsCounted: items.find((item) => item.legId === leg.id)!.documentsCounted,
        dueDate: leg.dueDate as LocalDate,
        fees: { dossierId: leg.dossierId, total: leg.agencyFeesTotal, lines: leg.agencyFeeLines },
      })),
  };
}

function toAcknowledgement(row: AgencyAcknowledgementOrmEntity): DossierAcknowledgement {
  return { dossierId: row.dossierId, signerRole: row.signerRole, signerRef: row.signerRef, acknowledgedAt: row.acknowledgedAt };
}
