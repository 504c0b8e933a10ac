import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { ConflictError, InvalidInputError, NotFoundError } from '@bcci/kernel';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { parseContentHash } from '../../documents/domain/content-hash';
import { DocumentUseRepository } from '../../documents/persistence/document-use.repository';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import type { DocumentDescriptor, ReuseSource, ReuseSourceKind } from '../domain/digitization.types';
import { componentOf, flagsOf } from '../domain/dossier-digitization';
import { attachReused } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor, UnknownDossierError } from './dossier-access';
import { staffActorOf } from './staff-actor';

export interface ReuseDocumentCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly componentCode: string;
  readonly sourceKind: ReuseSourceKind;
  /** PREVIOUS_DOSSIER: the earlier dossier's id; otherwise an opaque reference to the source record. */
  readonly sourceRef: string;
  /** PREVIOUS_DOSSIER: the earlier dossier's component whose current document is reused. */
  readonly sourceComponentCode?: string;
  /** The document by hash, already held in the document store. */
  readonly contentHash?: string;
}

class UnknownDocumentError extends NotFoundError {
  constructor(contentHash: string) {
    super({
      code: 'DOCUMENT_UNKNOWN',
      message: `No document ${contentHash} is stored here`,
      messageVi: 'Không tìm thấy tài liệu số hoá với mã băm đã nêu trong kho lưu trữ.',
      details: { contentHash },
    });
  }
}

/**
 * Reuse of an already-digitized document instead of a new scan (the citizen's earlier dossier, their
 * data store, the national database), decided by attachReused under the dossier's lock, recorded with
 * its source and announced by component-digitized with `reusedFrom`.
 */
@Injectable()
export class ReuseDocumentUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReuseDocumentCommand): Promise<{ changed: boolean; view: DigitizationView }> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      componentOf(dossier, command.componentCode);
      const { document, sourceCertified } = await this.sourceDocument(manager, command);
      const source: ReuseSource = {
        sourceKind: command.sourceKind,
        sourceRef: command.sourceRef,
        ...(command.sourceComponentCode ? { sourceComponentCode: command.sourceComponentCode } : {}),
      };
      const actor = staffActorOf(command.actor);
      const now = this.clock.now();
      const decision = attachReused(dossier, { componentCode: command.componentCode, document, source, sourceCertified, actor }, { now });
      const changed = await writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, decision, now);
      if (changed) {
        await this.uses.record(manager, {
          contentHash: document.contentHash,
          dossierId: dossier.dossierId,
          kind: 'COMPONENT_REUSE',
          componentCode: command.componentCode,
          actor,
          usedAt: now,
        });
      }
      return { changed, view: digitizationView(decision.state) };
    });
  }

  private async sourceDocument(
    manager: EntityManager,
    command: ReuseDocumentCommand,
  ): Promise<{ document: DocumentDescriptor; sourceCertified: boolean }> {
    if (command.sourceKind === 'PREVIOUS_DOSSIER' && command.sourceComponentCode) {
      if (command.sourceRef === command.dossierId) {
        throw new InvalidInputError({
          code: 'REUSE_SAME_DOSSIER',
          message: 'A dossier cannot reuse its own documents',
          messageVi: 'Không thể tái sử dụng tài liệu của chính hồ sơ này.',
        });
      }
      const source = await this.dossiers.find(manager, command.sourceRef);
      if (!source) throw new UnknownDossierError(command.sourceRef);
      const component = componentOf(source, command.sourceComponentCode);
      if (!component.document) {
        throw new ConflictError({
          code: 'REUSE_SOURCE_NOT_DIGITIZED',
          message: `Component ${command.sourceComponentCode} of dossier ${command.sourceRef} has no document to reuse`,
          messageVi: 'Thành phần của hồ sơ trước chưa được số hoá nên không tái sử dụng được.',
        });
      }
      if (command.contentHash && parseContentHash(command.contentHash) !== component.document.contentHash) {
        throw new ConflictError({
          code: 'REUSE_HASH_MISMATCH',
          message: 'The content hash given is not the current document of the source component',
          messageVi: 'Mã băm không khớp với tài liệu hiện tại của thành phần hồ sơ trước.',
        });
      }
      return { document: component.document, sourceCertified: flagsOf(component).certified };
    }
    const hash = command.contentHash ? parseContentHash(command.contentHash) : undefined;
    if (!hash) {
      throw new InvalidInputError({
        code: 'REUSE_SOURCE_MISSING',
        message: 'Give sourceComponentCode (earlier dossier) or a valid contentHash (sha256:<64 hex>)',
        messageVi: 'Cần nêu thành phần của hồ sơ trước (sourceComponentCode) hoặc mã băm tài liệu (contentHash) hợp lệ.',
      });
    }
    const document = await this.documents.find(manager, hash);
    if (!document) throw new UnknownDocumentError(hash);
    return { document, sourceCertified: false };
  }
}
