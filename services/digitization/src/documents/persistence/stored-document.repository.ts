import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import type { ContentHash } from '../domain/content-hash';
import type { ScanMediaType } from '../domain/media-type';
import type { ScanFile } from '../domain/scan-file';
import { StoredDocumentOrmEntity } from './stored-document.orm-entity';

function toDescriptor(row: StoredDocumentOrmEntity): DocumentDescriptor {
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
   * The document row of these bytes, created on first sight. ON CONFLICT DO NOTHING keeps one row (and
   * one documentId) when two uploads of the same bytes race.
   */
  async register(manager: EntityManager, file: ScanFile, at: Date): Promise<DocumentDescriptor> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(StoredDocumentOrmEntity)
      .values({
        contentHash: file.contentHash,
        documentId: randomUUID(),
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
        pageCount: file.pageCount ?? null,
        storedAt: at,
      })
      .orIgnore()
      .execute();
    const row = await manager.findOneByOrFail(StoredDocumentOrmEntity, { contentHash: file.contentHash });
    return toDescriptor(row);
  }

  async find(manager: EntityManager, contentHash: ContentHash): Promise<DocumentDescriptor | undefined> {
    const row = await manager.findOneBy(StoredDocumentOrmEntity, { contentHash });
    return row ? toDescriptor(row) : undefined;
  }
}
