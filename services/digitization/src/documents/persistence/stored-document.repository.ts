import { randomUUID } from 'node:crypto';
import { EntityTable } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import type { ContentHash } from '../domain/content-hash';
import type { ScanMediaType } from '../domain/media-type';
import type { ScanFile } from '../domain/scan-file';
import { StoredDocumentOrmEntity } from './stored-document.orm-entity';

/** A document row as the rules see it. */
export function documentDescriptorOf(row: StoredDocumentOrmEntity): DocumentDescriptor {
  return {
    documentId: row.documentId,
    contentHash: row.contentHash as ContentHash,
    mediaType: row.mediaType as ScanMediaType,
    sizeBytes: row.sizeBytes,
    ...(row.pageCount === null ? {} : { pageCount: row.pageCount }),
  };
}

export class StoredDocumentRepository {
  /**
   * The document row of these bytes, created on first sight; ON CONFLICT DO NOTHING keeps one row (and
   * one documentId) when two uploads of the same bytes race. The INSERT goes with the transaction's next
   * statement, which must read the row (by its content hash) for the caller: that read, a statement of
   * its own, sees the row a racing upload of the same bytes committed.
   */
  async registerWithNextStatement(manager: EntityManager, file: ScanFile, at: Date): Promise<void> {
    const row = { contentHash: file.contentHash, documentId: randomUUID(), mediaType: file.mediaType, sizeBytes: file.sizeBytes, pageCount: file.pageCount ?? null, storedAt: at };
    await EntityTable.of(manager, StoredDocumentOrmEntity).insert(manager, [row], { ignoreConflicts: true });
  }

  async find(manager: EntityManager, contentHash: ContentHash): Promise<DocumentDescriptor | undefined> {
    const row = await EntityTable.of(manager, StoredDocumentOrmEntity).findOne(manager, { contentHash });
    return row ? documentDescriptorOf(row) : undefined;
  }
}
