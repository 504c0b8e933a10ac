import { Inject, Injectable } from '@nestjs/common';
import { canAccessPostalPoint, type Actor } from '@bcci/auth';
import { buildEvent, EventType, topicFor } from '@bcci/contracts';
import { ForbiddenError, NotFoundError, systemClock } from '@bcci/kernel';
import { OutboxWriter, type OutboxEntry } from '@bcci/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { ScanStorage } from '../../documents/application/scan-storage';
import { DocumentUseRepository } from '../../documents/persistence/document-use.repository';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import { documentRef } from '../../dossier-digitization/application/digitization-events';
import { staffActorOf } from '../../dossier-digitization/application/staff-actor';
import type { DossierDigitization } from '../../dossier-digitization/domain/dossier-digitization';
import { DossierDigitizationRepository } from '../../dossier-digitization/persistence/dossier-digitization.repository';
import type { ResultDigitization } from '../domain/result-digitization';
import { ResultDigitizationRepository } from '../persistence/result-digitization.repository';

export interface UploadResultScanCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly resultId?: string;
  readonly certified: boolean;
  readonly bytes: Uint8Array | undefined;
}

export interface ResultView {
  resultId: string;
  dossierId: string;
  agencyId: string;
  medium: string;
  issuedAt: string;
  certified: boolean;
  document?: ReturnType<typeof documentRef>;
  digitizedAt?: string;
}

export function resultView(result: ResultDigitization): ResultView {
  const s = result.state;
  return {
    resultId: s.resultId,
    dossierId: s.dossierId,
    agencyId: s.agencyId,
    medium: s.medium,
    issuedAt: s.issuedAt.toISOString(),
    certified: s.certified,
    ...(s.document ? { document: documentRef(s.document) } : {}),
    ...(s.digitizedAt ? { digitizedAt: s.digitizedAt.toISOString() } : {}),
  };
}

class NoResultError extends NotFoundError {
  constructor(dossierId: string, resultId?: string) {
    super({
      code: 'RESULT_UNKNOWN',
      message: `No result${resultId ? ` ${resultId}` : ''} has been issued for dossier ${dossierId}`,
      messageVi: 'Chưa có thông tin cơ quan ban hành kết quả cho hồ sơ này, chưa số hoá kết quả được.',
      details: { dossierId, ...(resultId ? { resultId } : {}) },
    });
  }
}

/**
 * A paper result is scanned at the postal point that received the dossier or returns the result
 * (or by operations of the province) → result-digitized.
 */
@Injectable()
export class UploadResultScanUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScanStorage) private readonly scans: ScanStorage,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(ResultDigitizationRepository) private readonly results: ResultDigitizationRepository,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
  ) {}

  async execute(command: UploadResultScanCommand): Promise<{ changed: boolean; view: ResultView }> {
    const file = this.scans.inspect(command.bytes);
    await this.dataSource.transaction((manager) => this.authorisedResult(manager, command));
    await this.scans.keep(file);
    return this.dataSource.transaction(async (manager) => {
      const { result, dossier } = await this.authorisedResult(manager, command);
      const actor = staffActorOf(command.actor);
      const now = systemClock.now();
      const document = await this.documents.register(manager, file, now);
      const changed = result.attachScan(document, command.certified, actor, now);
      if (changed) {
        await this.results.save(manager, result);
        await this.uses.record(manager, { contentHash: file.contentHash, dossierId: result.state.dossierId, kind: 'RESULT_SCAN', resultId: result.state.resultId, actor, usedAt: now });
        await new OutboxWriter().append(manager, this.resultDigitized(result, dossier, command.actor, now));
      }
      return { changed, view: resultView(result) };
    });
  }

  private async authorisedResult(manager: EntityManager, command: UploadResultScanCommand) {
    const dossier = await this.dossiers.find(manager, command.dossierId);
    const context = dossier?.state.provinceCode ? { provinceCode: dossier.state.provinceCode } : {};
    const places = dossier ? [dossier.state.site.postalCode, dossier.state.returnPostalCode].filter((p): p is string => !!p) : [];
    if (!places.some((postalCode) => canAccessPostalPoint(command.actor, postalCode, context))) {
      throw new ForbiddenError({
        code: 'scope.postal-point',
        message: `Actor ${command.actor.subject} (${command.actor.role}) may not digitize results of dossier ${command.dossierId}`,
        messageVi: 'Bạn không có quyền số hoá kết quả của hồ sơ ngoài phạm vi bưu cục được giao.',
      });
    }
    const result = await this.results.findForUpdate(manager, command.dossierId, command.resultId);
    if (!result) throw new NoResultError(command.dossierId, command.resultId);
    return { result, dossier: dossier! };
  }

  private resultDigitized(result: ResultDigitization, dossier: DossierDigitization, actor: Actor, at: Date): OutboxEntry {
    const s = result.state;
    const event = buildEvent({
      type: EventType.ResultDigitized,
      correlationId: dossier.state.correlationId,
      time: at,
      data: {
        dossierId: s.dossierId,
        resultId: s.resultId,
        document: documentRef(s.document!),
        certified: s.certified,
        digitizedAt: at.toISOString(),
        ...(actor.postalCode ? { site: { kind: 'POSTAL_POINT' as const, postalCode: actor.postalCode } } : {}),
        actor: { ...staffActorOf(actor) },
      },
    });
    return { topic: topicFor(event.type), event: event as OutboxEntry['event'] };
  }
}
