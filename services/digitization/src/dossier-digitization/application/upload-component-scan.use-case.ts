import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '@bcci/auth';
import { OutboxWriter } from '@bcci/messaging';
import { DataSource } from 'typeorm';
import { ScanStorage } from '../../documents/application/scan-storage';
import { DocumentUseRepository } from '../../documents/persistence/document-use.repository';
import { StoredDocumentRepository } from '../../documents/persistence/stored-document.repository';
import { DossierDigitizationRepository } from '../persistence/dossier-digitization.repository';
import { componentDigitized } from './digitization-events';
import { digitizationView, type DigitizationView } from './digitization-view';
import { loadDossierFor } from './dossier-access';
import { staffActorOf } from './staff-actor';
import { systemClock } from '@bcci/kernel';

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

/** An operator uploads the scan of one component: stored by hash, announced by component-digitized. */
@Injectable()
export class UploadComponentScanUseCase {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ScanStorage) private readonly scans: ScanStorage,
    @Inject(DossierDigitizationRepository) private readonly dossiers: DossierDigitizationRepository,
    @Inject(StoredDocumentRepository) private readonly documents: StoredDocumentRepository,
    @Inject(DocumentUseRepository) private readonly uses: DocumentUseRepository,
  ) {}

  async execute(command: UploadComponentScanCommand): Promise<UploadOutcome> {
    const file = this.scans.inspect(command.bytes);
    // Refuse out-of-scope, unknown or closed targets before a single byte is kept.
    const precheck = await loadDossierFor(this.dossiers, this.dataSource.manager, command.actor, command.dossierId, false);
    precheck.component(command.componentCode);
    const actor = staffActorOf(command.actor);
    await this.scans.keep(file);
    return this.dataSource.transaction(async (manager) => {
      const dossier = await loadDossierFor(this.dossiers, manager, command.actor, command.dossierId, true);
      const now = systemClock.now();
      const document = await this.documents.register(manager, file, now);
      const changed = dossier.attachScan(command.componentCode, document, actor, now);
      if (changed) {
        await this.dossiers.save(manager, dossier);
        await this.uses.record(manager, {
          contentHash: file.contentHash,
          dossierId: dossier.dossierId,
          kind: 'COMPONENT_SCAN',
          componentCode: command.componentCode,
          actor,
          usedAt: now,
        });
        await new OutboxWriter().append(manager, componentDigitized(dossier, dossier.component(command.componentCode), now));
      }
      return { changed, view: digitizationView(dossier) };
    });
  }
}
