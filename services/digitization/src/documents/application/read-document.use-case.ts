import { Inject, Injectable } from '@nestjs/common';
import { canAccessPostalPoint, type Actor } from '@bcci/auth';
import { ForbiddenError, InvalidInputError, NotFoundError } from '@bcci/kernel';
import type { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import { parseContentHash } from '../domain/content-hash';
import { DocumentUseRepository } from '../persistence/document-use.repository';
import { StoredDocumentRepository } from '../persistence/stored-document.repository';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.port';

const notFound = (hash: string) =>
  new NotFoundError({
    code: 'DOCUMENT_UNKNOWN',
    message: `No document ${hash} is stored here`,
    messageVi: 'Không tìm thấy tài liệu số hoá.',
  });

/**
 * Streams a stored document to whoever may see one of the dossiers using it: operators and clerks of
 * the intake or return postal point, operations of the province, auditors.
 */
@Injectable()
export class ReadDocumentUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
  ) {}

  async execute(command: { actor: Actor; hash: string }): Promise<{ document: DocumentDescriptor; content: Readable }> {
    const hash = parseContentHash(command.hash);
    if (!hash) {
      throw new InvalidInputError({
        code: 'DOCUMENT_HASH_INVALID',
        message: 'A document is named by its SHA-256: sha256:<64 hex> or the 64 hex digits',
        messageVi: 'Mã tài liệu không hợp lệ (mã băm SHA-256 gồm 64 ký tự hexa).',
      });
    }
    const manager = this.dataSource.manager;
    const document = await this.documents.find(manager, hash);
    if (!document) throw notFound(hash);
    const places = await this.uses.placesOf(manager, hash);
    const allowed =
      command.actor.role === 'auditor' ||
      places.postalCodes.some((p) => canAccessPostalPoint(command.actor, p)) ||
      (command.actor.role === 'operations' && !!command.actor.provinceCode && places.provinceCodes.includes(command.actor.provinceCode));
    if (!allowed) {
      throw new ForbiddenError({
        code: 'scope.document',
        message: `Actor ${command.actor.subject} (${command.actor.role}) may not read document ${hash}`,
        messageVi: 'Bạn không có quyền xem tài liệu của hồ sơ ngoài phạm vi được giao.',
      });
    }
    const content = await this.store.open(hash);
    if (!content) throw notFound(hash);
    return { document, content };
  }
}
