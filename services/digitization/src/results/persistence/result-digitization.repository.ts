import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ContentHash } from '../../documents/domain/content-hash';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import type { StaffActor } from '../../dossier-digitization/domain/digitization.types';
import type { ResultDigitizationState, ResultMedium } from '../domain/result-digitization';
import { ResultDigitizationOrmEntity } from './result-digitization.orm-entity';

export interface IssuedResult {
  readonly resultId: string;
  readonly dossierId: string;
  readonly agencyId: string;
  readonly medium: ResultMedium;
  readonly issuedAt: Date;
}

export class ResultDigitizationRepository {
  constructor(private readonly documents = new StoredDocumentRepository()) {}

  /**
   * Records a result issued by an agency, unless already known (a redelivery). The insert goes to
   * PostgreSQL with the transaction's next statement (the consumer's inbox row), not in a round trip of
   * its own: nothing here needs to know whether it was new.
   */
  async insertIfAbsent(manager: EntityManager, result: IssuedResult): Promise<void> {
    await EntityTable.of(manager, ResultDigitizationOrmEntity).insert(manager, [{ ...result, certified: false }], { ignoreConflicts: true });
  }

  /** The result to digitize: the one named, or the latest issued for the dossier; locked for update. */
  async findForUpdate(manager: EntityManager, dossierId: string, resultId?: string): Promise<ResultDigitizationState | undefined> {
    const query = manager
      .createQueryBuilder(ResultDigitizationOrmEntity, 'r')
      .where('r.dossier_id = :dossierId', { dossierId })
      .orderBy('r.issued_at', 'DESC')
      .limit(1)
      .setLock('pessimistic_write');
    if (resultId) query.andWhere('r.result_id = :resultId', { resultId });
    const row = await query.getOne();
    if (!row) return undefined;
    const document = row.contentHash ? await this.documents.find(manager, row.contentHash as ContentHash) : undefined;
    const digitizedBy: StaffActor | undefined =
      row.digitizedByRole && row.digitizedByRef ? { role: row.digitizedByRole as StaffActor['role'], ref: row.digitizedByRef } : undefined;
    return {
      resultId: row.resultId,
      dossierId: row.dossierId,
      agencyId: row.agencyId,
      medium: row.medium as ResultMedium,
      issuedAt: row.issuedAt,
      certified: row.certified,
      ...(document ? { document } : {}),
      ...(row.digitizedAt ? { digitizedAt: row.digitizedAt } : {}),
      ...(digitizedBy ? { digitizedBy } : {}),
    };
  }

  /** Saves a decided state; call with the result's row locked (findForUpdate). */
  async save(manager: EntityManager, s: ResultDigitizationState): Promise<void> {
    await EntityTable.of(manager, ResultDigitizationOrmEntity).update(
      manager,
      { resultId: s.resultId },
      {
        contentHash: s.document?.contentHash ?? null,
        certified: s.certified,
        digitizedAt: s.digitizedAt ?? null,
        digitizedByRole: s.digitizedBy?.role ?? null,
        digitizedByRef: s.digitizedBy?.ref ?? null,
      },
    );
  }
}
