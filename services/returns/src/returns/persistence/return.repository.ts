import { changedColumns, EntityTable, lockWithNextStatement } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ReturnState } from '../domain/return';
import type { ReturnRecord } from '../domain/return-records';
import type { ReturnStatus } from '../domain/return-status';
import { CounterNoticeOrmEntity } from './counter-notice.orm-entity';
import { DeliveryAttemptOrmEntity } from './delivery-attempt.orm-entity';
import { DeliveryOrmEntity } from './delivery.orm-entity';
import { IncidentOrmEntity } from './incident.orm-entity';
import { ReturnOrmEntity } from './return.orm-entity';

/** Which returns a list shows: one postal point, one province, or all (the caller has checked the scope). */
export interface ReturnListFilter {
  readonly postalCode?: string;
  readonly provinceCode?: string;
  readonly status?: ReturnStatus;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Returns, loaded and saved as the rules need them (domain/return.ts).
 *
 * Locking rule: a return changes only under its row's lock (SELECT … FOR UPDATE), taken by `lock` at
 * the start of the transaction that decides and saves. Two steps on one dossier at the same moment
 * (an upstream event and a courier's command, or two commands) then queue: the second reads what the
 * first committed. A dossier without a row yet is guarded by a transaction-scoped advisory lock on its
 * id, so the first two facts about it (the registration and the result, on different streams) cannot
 * both see "nothing yet" and both insert. `lock` takes both, advisory first, in one round trip: the row's
 * read runs once the advisory lock is granted, with a snapshot taken then, so it sees a row inserted by
 * the advisory lock's previous holder. Every path that locks a return goes through `lock`, so the two
 * locks are always taken in that order.
 */
export class ReturnRepository {
  async lock(manager: EntityManager, dossierId: string): Promise<ReturnState | null> {
    await lockWithNextStatement(manager, { text: `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, values: [`bcci.returns:${dossierId}`] });
    return this.lockRow(manager, dossierId);
  }

  async find(manager: EntityManager, dossierId: string): Promise<ReturnState | null> {
    return (await EntityTable.of(manager, ReturnOrmEntity).findOne(manager, { dossierId })) ?? null;
  }

  /** The earliest due date first; legs not open yet come last. */
  async list(manager: EntityManager, filter: ReturnListFilter): Promise<{ items: ReturnState[]; total: number }> {
    const query = manager.createQueryBuilder(ReturnOrmEntity, 'r');
    if (filter.postalCode !== undefined) query.andWhere('r.destination_postal_code = :point', { point: filter.postalCode });
    if (filter.provinceCode !== undefined) query.andWhere('r.destination_province_code = :province', { province: filter.provinceCode });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    // Dates are ISO text, so text order is date order.
    const [items, total] = await query
      .orderBy('r.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('r.dossier_id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * Saves a return's new state; call with its lock held. `before` is the state the decision was made
   * from, as `lock` loaded it (null: no row yet, so one is inserted): only the changed columns are
   * updated, in one statement, where TypeORM's save read the row again first.
   */
  async save(manager: EntityManager, state: ReturnState, now: Date, before: ReturnState | null): Promise<void> {
    const returns = EntityTable.of(manager, ReturnOrmEntity);
    const row = { ...state, documentsToTakeBack: [...state.documentsToTakeBack], invitations: [...state.invitations], updatedAt: now } as ReturnOrmEntity;
    if (!before) return returns.insert(manager, [row]);
    const changes = changedColumns<ReturnOrmEntity>({ ...(before as ReturnOrmEntity) }, row);
    if (changes) await returns.update(manager, { dossierId: state.dossierId }, changes);
  }

  /** Keeps the record a step left (attempt, notice, delivery or incident). */
  async insertRecord(manager: EntityManager, record: ReturnRecord): Promise<void> {
    switch (record.kind) {
      case 'delivery-attempt': {
        const { kind: _kind, ...row } = record;
        return EntityTable.of(manager, DeliveryAttemptOrmEntity).insert(manager, [row]);
      }
      case 'counter-notice': {
        const { kind: _kind, ...row } = record;
        return EntityTable.of(manager, CounterNoticeOrmEntity).insert(manager, [row]);
      }
      case 'delivery': {
        const { kind: _kind, ...row } = record;
        return EntityTable.of(manager, DeliveryOrmEntity).insert(manager, [{ ...row, takenBackDocuments: [...row.takenBackDocuments] }]);
      }
      case 'incident': {
        const { kind: _kind, incidentKind, ...row } = record;
        return EntityTable.of(manager, IncidentOrmEntity).insert(manager, [{ ...row, kind: incidentKind }]);
      }
    }
  }

  private async lockRow(manager: EntityManager, dossierId: string): Promise<ReturnOrmEntity | null> {
    return (await EntityTable.of(manager, ReturnOrmEntity).findOne(manager, { dossierId }, { forUpdate: true })) ?? null;
  }
}
