import { EntityTable, type SqlStatement } from '@bcci/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { DossierProgress } from '../domain/dossier-progress';
import { DossierOrmEntity } from './dossier.orm-entity';
import { DossierSearchTokenOrmEntity } from './dossier-search-token.orm-entity';

export interface DossierSearchCriteria {
  /** Restricts to one postal point; undefined only for roles that see every point. */
  readonly postalCode?: string;
  /** Provisional id or agency dossier code, canonical upper case. */
  readonly code?: string;
  readonly postalItemId?: string;
  readonly phoneToken?: string;
  /** Every token must match (a name query's words). */
  readonly nameTokens?: readonly string[];
  readonly page: number;
  readonly pageSize: number;
}

export type SearchToken = Omit<DossierSearchTokenOrmEntity, 'dossierId' | 'postalCode'>;

export interface DossierPage {
  readonly items: DossierOrmEntity[];
  readonly total: number;
}

export class DossierRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<DossierOrmEntity | null> {
    return (await EntityTable.of(manager, DossierOrmEntity).findOne(manager, { id })) ?? null;
  }

  /**
   * Locks the row (SELECT … FOR UPDATE) for a change of its progress: a withdrawal, the courier's scan and
   * the agency's dossier code arriving at the same moment queue on it, each reading what the one before
   * committed. Hold it to the end of the transaction that saves the decision.
   */
  async findByIdForUpdate(manager: EntityManager, id: string): Promise<DossierOrmEntity | null> {
    return (await EntityTable.of(manager, DossierOrmEntity).findOne(manager, { id }, { forUpdate: true })) ?? null;
  }

  /**
   * Locks several dossiers at once, as findByIdForUpdate locks one, in id order: two transactions locking
   * overlapping sets then queue instead of deadlocking. Unknown ids are left out.
   */
  async findByIdsForUpdate(manager: EntityManager, ids: readonly string[]): Promise<DossierOrmEntity[]> {
    if (ids.length === 0) return [];
    return EntityTable.of(manager, DossierOrmEntity).find(manager, { id: [...ids] }, { forUpdate: true, orderBy: ['id'] });
  }

  /** Saves what can change after registration (domain/dossier-progress.ts); call with the row locked. */
  async saveProgress(manager: EntityManager, progress: DossierProgress): Promise<void> {
    await EntityTable.of(manager, DossierOrmEntity).update(
      manager,
      { id: progress.id },
      {
        status: progress.status,
        dispatchedAt: progress.dispatchedAt,
        dossierCode: progress.dossierCode,
        withdrawnAt: progress.withdrawnAt,
        withdrawalReasonCode: progress.withdrawalReasonCode,
        withdrawalReason: progress.withdrawalReason,
      },
    );
  }

  /**
   * The INSERTs of dossiers and of their search tokens, for the registration writer to send with its
   * other writes in one round trip: the registration holds its postal point's sequence rows locked until
   * commit, so every round trip saved shortens the time the point's other registrations wait.
   */
  insertStatements(manager: EntityManager, entries: readonly { dossier: DossierOrmEntity; tokens: readonly SearchToken[] }[]): SqlStatement[] {
    if (entries.length === 0) return [];
    // Written from the entity's column metadata: TypeORM's query builder spent more CPU building this
    // statement than PostgreSQL spent running it.
    const dossiers = EntityTable.of(manager, DossierOrmEntity).insertStatement(entries.map((entry) => entry.dossier));
    const values: unknown[] = [];
    const rows = entries.flatMap(({ dossier, tokens }) =>
      tokens.map((token) => `($${values.push(dossier.id)}::uuid, $${values.push(token.kind)}, $${values.push(token.token)}, $${values.push(dossier.postalCode)})`),
    );
    if (rows.length === 0) return [dossiers];
    return [dossiers, { text: `INSERT INTO dossier_search_tokens (dossier_id, kind, token, postal_code) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`, values }];
  }

  async search(criteria: DossierSearchCriteria): Promise<DossierPage> {
    const query = this.dataSource.getRepository(DossierOrmEntity).createQueryBuilder('d');
    if (criteria.postalCode !== undefined) query.andWhere('d.postal_code = :postalCode', { postalCode: criteria.postalCode });
    if (criteria.code !== undefined) {
      query.andWhere('(d.provisional_dossier_id = :code OR d.dossier_code = :code)', { code: criteria.code });
    }
    if (criteria.postalItemId !== undefined) query.andWhere('d.postal_item_id = :postalItemId', { postalItemId: criteria.postalItemId });
    if (criteria.phoneToken !== undefined) {
      query.andWhere(
        `d.id IN (SELECT t.dossier_id FROM dossier_search_tokens t WHERE t.kind = 'phone' AND t.token = :phoneToken${criteria.postalCode !== undefined ? ' AND t.postal_code = :postalCode' : ''})`,
        { phoneToken: criteria.phoneToken },
      );
    }
    if (criteria.nameTokens !== undefined && criteria.nameTokens.length > 0) {
      query.andWhere(
        `d.id IN (SELECT t.dossier_id FROM dossier_search_tokens t WHERE t.kind = 'name' AND t.token = ANY(:nameTokens)${criteria.postalCode !== undefined ? ' AND t.postal_code = :postalCode' : ''}
                  GROUP BY t.dossier_id HAVING count(DISTINCT t.token) = :nameTokenCount)`,
        { nameTokens: [...criteria.nameTokens], nameTokenCount: criteria.nameTokens.length },
      );
    }
    const [items, total] = await query
      .orderBy('d.received_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip((criteria.page - 1) * criteria.pageSize)
      .take(criteria.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
