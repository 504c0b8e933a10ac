import { EntityTable, entitiesFromJson } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { ContentHash } from '../../documents/domain/content-hash';
import { documentDescriptorOf } from '../../documents/persistence/stored-document.repository';
import { StoredDocumentOrmEntity } from '../../documents/persistence/stored-document.orm-entity';
import type { DocumentDescriptor, StaffActor } from '../../dossier-digitization/domain/digitization.types';
import type { DossierDigitizationState } from '../../dossier-digitization/domain/dossier-digitization';
import { AGGREGATE_COLUMNS, lockDossierWithNextRead, stateOf as dossierStateOf, type AggregateRow } from '../../dossier-digitization/persistence/dossier-digitization.repository';
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
   * What a result's scan is decided on, in one round trip: the dossier locked and read (as
   * DossierDigitizationRepository.findForUpdate does), the result to digitize (the one named, or the
   * latest issued) with its scan's document row, and the row of `documentHash` if those bytes were stored
   * before. The lock, then the read: the read's snapshot is taken once the lock is granted.
   *
   * The result row is not locked itself: every change to a result's digitization is made under its
   * dossier's row lock, and the consumer only inserts results, never changes one. Locking the result
   * row instead would not do: a result issued while a step waited for the lock of the latest one would
   * be read (it is the latest now) without being locked.
   */
  async lockDossierWithResult(
    manager: EntityManager,
    dossierId: string,
    options: { resultId?: string; documentHash: ContentHash },
  ): Promise<{ dossier?: DossierDigitizationState; result?: ResultDigitizationState; document?: DocumentDescriptor }> {
    await lockDossierWithNextRead(manager, dossierId);
    const [found]: Array<AggregateRow & { issued: { result: unknown; scan: unknown } | null; document: unknown }> = await manager.query(
      `SELECT ${AGGREGATE_COLUMNS},
              (SELECT json_build_object('result', row_to_json(r), 'scan', (SELECT row_to_json(doc) FROM documents doc WHERE doc.content_hash = r.content_hash))
                 FROM result_digitizations r
                WHERE r.dossier_id = d.dossier_id AND ($2::uuid IS NULL OR r.result_id = $2::uuid)
                ORDER BY r.issued_at DESC
                LIMIT 1) AS issued,
              (SELECT row_to_json(doc) FROM documents doc WHERE doc.content_hash = $3) AS document
         FROM dossier_digitizations d
        WHERE d.dossier_id = $1`,
      [dossierId, options.resultId ?? null, options.documentHash],
    );
    if (!found) return {};
    const [row] = found.issued ? entitiesFromJson(manager, ResultDigitizationOrmEntity, [found.issued.result]) : [];
    const [scan] = found.issued?.scan ? entitiesFromJson(manager, StoredDocumentOrmEntity, [found.issued.scan]) : [];
    const [document] = found.document ? entitiesFromJson(manager, StoredDocumentOrmEntity, [found.document]) : [];
    return {
      dossier: dossierStateOf(manager, found),
      ...(row ? { result: stateOf(row, scan ? documentDescriptorOf(scan) : undefined) } : {}),
      ...(document ? { document: documentDescriptorOf(document) } : {}),
    };
  }

  /** Saves a decided state; call with the dossier's row locked (see lockDossierWithResult). */
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
