import { Inject, Injectable } from '@nestjs/common';
import { canAccessPostalPoint, type Actor } from '@bcci/auth';
import { ForbiddenError, NotFoundError } from '@bcci/kernel';
import { outboxEntryFor, OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { decideOnScan } from '../../documents/application/decide-on-scan';
import { ScanStorage } from '../../documents/application/scan-storage';
import { DocumentUseRepository } from '../../documents/persistence/document-use.repository';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import { CLOCK, type Clock } from '../../dossier-digitization/application/clock';
import { documentRef } from '../../dossier-digitization/application/digitization-events';
import { UnknownDossierError } from '../../dossier-digitization/application/dossier-access';
import { staffActorOf } from '../../dossier-digitization/application/staff-actor';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import type { DossierDigitizationState } from '../../dossier-digitization/domain/dossier-digitization';
import { attachResultScan, type ResultDigitizationState } from '../domain/result-digitization';
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

export function resultView(s: ResultDigitizationState): ResultView {
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
 * (or by operations of the province) → result-digitized (rule: attachResultScan). The dossier's row is
 * locked for the decision (every change to its results is made under it); the whole step reruns on a
 * deadlock or serialization failure.
 *
 * Two round trips, as for a component's scan: the dossier locked and read with its result and the row
 * of these bytes if they were stored before, then the writes with the COMMIT. Unknown, out-of-scope and
 * refused scans are refused before a single byte is kept; new bytes are kept (synced to disk) before the
 * row that names them commits.
 */
@Injectable()
export class UploadResultScanUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScanStorage) private readonly scans: ScanStorage,
    @Inject(ResultDigitizationRepository) private readonly results: ResultDigitizationRepository,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: UploadResultScanCommand): Promise<{ changed: boolean; view: ResultView }> {
    const file = this.scans.inspect(command.bytes);
    const actor = staffActorOf(command.actor);
    return transactionWithRetry(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const loaded = await this.results.lockDossierWithResult(manager, command.dossierId, { resultId: command.resultId, documentHash: file.contentHash });
      const { dossier, result } = authorised(command, loaded.dossier, loaded.result);
      // Decided before the bytes are kept: a refusal (an electronic result, say) keeps nothing.
      const decision = await decideOnScan(manager, { scans: this.scans, documents: this.documents }, { file, stored: loaded.document, now }, (document: DocumentDescriptor) =>
        attachResultScan(result, { document, certified: command.certified, actor, ...(command.actor.postalCode ? { postalCode: command.actor.postalCode } : {}) }, { now }),
      );
      const changed = decision.state !== result;
      if (changed) {
        await this.results.save(manager, decision.state);
        await this.uses.record(manager, { contentHash: file.contentHash, dossierId: result.dossierId, kind: 'RESULT_SCAN', resultId: result.resultId, actor, usedAt: now });
        await this.outbox.append(manager, decision.events.map((event) => outboxEntryFor(event.type, event.data, { correlationId: dossier.correlationId }, now)));
      }
      return { changed, view: resultView(decision.state) };
    });
  }
}

/**
 * The dossier and its result, if the dossier is known (404, as for a component's scan), the actor may
 * digitize its results (403) and one has been issued (404); else the refusal.
 */
function authorised(
  command: UploadResultScanCommand,
  dossier: DossierDigitizationState | undefined,
  result: ResultDigitizationState | undefined,
): { dossier: DossierDigitizationState; result: ResultDigitizationState } {
  if (!dossier) throw new UnknownDossierError(command.dossierId);
  const context = dossier.provinceCode ? { provinceCode: dossier.provinceCode } : {};
  const places = [dossier.site.postalCode, dossier.returnPostalCode].filter((p): p is string => !!p);
  if (!places.some((postalCode) => canAccessPostalPoint(command.actor, postalCode, context))) {
    throw new ForbiddenError({
      code: 'scope.postal-point',
      message: `Actor ${command.actor.subject} (${command.actor.role}) may not digitize results of dossier ${command.dossierId}`,
      messageVi: 'Bạn không có quyền số hoá kết quả của hồ sơ ngoài phạm vi bưu cục được giao.',
    });
  }
  if (!result) throw new NoResultError(command.dossierId, command.resultId);
  return { dossier, result };
}
