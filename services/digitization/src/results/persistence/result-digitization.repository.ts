import { EntityTable, entitiesFromJson } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ContentHash } from '../../documents/domain/content-hash';
import { documentDescriptorOf } from '../../documents/persistence/stored-document.repository';
import { StoredDocumentOrmEntity } from '../../documents/persistence/stored-document.orm-entity';
import type { DocumentDescriptor, StaffActor } from '../../dossier-digitization/domain/digitization.types';
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
  /**
   * Records a result issued by an agency, unless already known (a redelivery). The insert goes to
   * PostgreSQL with the transaction's next statement (the consumer's inbox row), not in a round trip of
   * its own: nothing here needs to know whether it was new.
   */
  async insertIfAbsent(manager: EntityManager, result: IssuedResult): Promise<void> {
    await EntityTable.of(manager, ResultDigitizationOrmEntity).insert(manager, [{ ...result, certified: false }], { ignoreConflicts: true });
  }

  /**
   * The result to digitize (the one named, or the latest issued for the dossier) with its scan's
   * document row, and the document row of `documentHash` when given (a scan being attached, registered
   * with registerWithNextStatement just before): one statement, one round trip.
   *
   * No row lock of its own: every change to a result's digitization is made under its dossier's row
   * lock (the upload locks the dossier first), and the consumer only inserts results, never changes
   * one. Locking the result row instead would not do: a result issued while a step waited for the
   * lock of the latest one would be read (it is the latest now) without being locked.
   */
  async find(manager: EntityManager, dossierId: string, options: { resultId?: string; documentHash?: ContentHash } = {}): Promise<{ result?: ResultDigitizationState; document?: DocumentDescriptor }> {
    const [found]: Array<{ result: unknown; scan: unknown; document: unknown }> = await manager.query(
      `SELECT row_to_json(r) AS result,
              (SELECT row_to_json(doc) FROM documents doc WHERE doc.content_hash = r.content_hash) AS scan,
              (SELECT row_to_json(doc) FROM documents doc WHERE doc.content_hash = $3) AS document
         FROM result_digitizations r
        WHERE r.dossier_id = $1 AND ($2::uuid IS NULL OR r.result_id = $2::uuid)
        ORDER BY r.issued_at DESC
        LIMIT 1`,
      [dossierId, options.resultId ?? null, options.documentHash ?? null],
    );
    if (!found) return {};
    const [row] = entitiesFromJson(manager, ResultDigitizationOrmEntity, [found.result]);
    const [scan] = found.scan ? entitiesFromJson(manager, StoredDocumentOrmEntity, [found.scan]) : [];
    const [document] = found.document ? entitiesFromJson(manager, StoredDocumentOrmEntity, [found.document]) : [];
    return { result: stateOf(row!, scan ? documentDescriptorOf(scan) : undefined), ...(document ? { document: documentDescriptorOf(document) } : {}) };
  }

  /** Saves a decided state; call with the dossier's row locked (see find). */
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

function stateOf(row: ResultDigitizationOrmEntity, document: DocumentDescriptor | undefined): ResultDigitizationState {
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
