import { randomUUID } from 'node:crypto';
import { EntityTable, presumeIfAllowed } from '@bcci/persistence';
import type { EntityManager } from 'typeorm';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import type { ContentHash } from '../domain/content-hash';
import type { ScanMediaType } from '../domain/media-type';
import type { ScanFile } from '../domain/scan-file';
import { StoredDocumentOrmEntity } from './stored-document.orm-entity';

/** The constraint a presumed document row meets when the same bytes were registered first (content_hash). */
const DOCUMENTS_PRIMARY_KEY = 'documents_pkey';

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
  /** The descriptor of bytes seen for the first time, with the documentId they get if registerNew keeps it. */
  describeNew(file: ScanFile): DocumentDescriptor {
    return { documentId: randomUUID(), contentHash: file.contentHash, mediaType: file.mediaType, sizeBytes: file.sizeBytes, ...(file.pageCount === undefined ? {} : { pageCount: file.pageCount }) };
  }

  /**
   * Registers the document row of bytes this step found no row for (`document`, from describeNew), and
   * answers the descriptor that is stored. Where the transaction lets a step presume (transactionWithRetry's
   * first try), the row is presumed new: a plain INSERT sent with the step's next statement, and a racing
   * upload of the same bytes that committed first fails this try, which runs again and finds that row.
   * Otherwise the row is inserted unless present and read back: its documentId is the racer's if it won.
   */
  async registerNew(manager: EntityManager, document: DocumentDescriptor, at: Date): Promise<DocumentDescriptor> {
    const documents = EntityTable.of(manager, StoredDocumentOrmEntity);
    const row = rowOf(document, at);
    if (presumeIfAllowed(manager, DOCUMENTS_PRIMARY_KEY)) {
      await documents.insert(manager, [row]);
      return document;
    }
    await documents.insert(manager, [row], { ignoreConflicts: true });
    const stored = await this.find(manager, document.contentHash);
    if (!stored) throw new Error(`document ${document.contentHash} was neither inserted nor found`);
    return stored;
  }

  async find(manager: EntityManager, contentHash: ContentHash): Promise<DocumentDescriptor | undefined> {
    const row = await EntityTable.of(manager, StoredDocumentOrmEntity).findOne(manager, { contentHash });
    return row ? documentDescriptorOf(row) : undefined;
  }
}

/** The row a descriptor is stored as, registered at `at`. */
function rowOf(document: DocumentDescriptor, at: Date) {
  return { ...document, pageCount: document.pageCount ?? null, storedAt: at };
}
