import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { transactionWithRetry } from '@bcci/persistence';
import { DataSource } from 'typeorm';
import { decideOnScan } from '../../documents/application/decide-on-scan';
import { ScanStorage } from '../../documents/application/scan-storage';
import { DocumentUseRepository } from '../../documents/persistence/document-use.repository';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import type { DocumentDescriptor } from '../domain/digitization.types';
import { attachScan } from '../domain/dossier-digitization.rules';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { CLOCK, type Clock } from './clock';
import { writeDigitizationDecision } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { dossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';

export interface UploadComponentScanCommand {
  readonly actor: Actor;
  readonly dossierId: string;
  readonly componentCode: string;
  readonly bytes: Uint8Array | undefined;
}

export interface UploadOutcome {
  /** False when the very same bytes were already this component's scan: nothing written, no event. */
  readonly changed: boolean;
  readonly view: DigitizationView;
}

/**
 * An operator uploads the scan of one component: stored by hash, decided by attachScan, announced by
 * component-digitized. The decision runs under the dossier's lock (a certification, completion or
 * withdrawal at the same moment is ordered with it) and reruns whole on a deadlock or serialization failure.
 *
 * Two round trips: the dossier locked and read with the row of these bytes if they were stored before,
 * then the writes with the COMMIT. Unknown, out-of-scope and refused scans are refused before a single
 * byte is kept; new bytes are kept (synced to disk) before the row that names them commits.
 */
@Injectable()
export class UploadComponentScanUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScanStorage) private readonly scans: ScanStorage,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: UploadComponentScanCommand): Promise<UploadOutcome> {
    const file = this.scans.inspect(command.bytes);
    const actor = staffActorOf(command.actor);
    return transactionWithRetry(this.dataSource, async (manager) => {
      const now = this.clock.now();
      const loaded = await this.dossiers.findForUpdateWithDocument(manager, command.dossierId, file.contentHash);
      const dossier = dossierFor(command.actor, command.dossierId, loaded.dossier);
      // Decided before the bytes are kept: a refusal (unknown component, closed dossier) keeps nothing.
      const decision = await decideOnScan(manager, { scans: this.scans, documents: this.documents }, { file, stored: loaded.document, now }, (document: DocumentDescriptor) =>
        attachScan(dossier, { componentCode: command.componentCode, document, actor }, { now }),
      );
      const changed = await writeDigitizationDecision(manager, { dossiers: this.dossiers, outbox: this.outbox }, dossier, decision, now);
      if (changed) {
        await this.uses.record(manager, { contentHash: file.contentHash, dossierId: dossier.dossierId, kind: 'COMPONENT_SCAN', componentCode: command.componentCode, actor, usedAt: now });
      }
      return { changed, view: digitizationView(decision.state) };
    });
  }
}
