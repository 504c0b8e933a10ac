import { Inject, Injectable } from '@nestjs/common';
import { inspectScanFile, type ScanFile } from '../domain/scan-file';
import { DIGITIZATION_SETTINGS, type DigitizationSettings } from './digitization-settings';
import { DOCUMENT_STORE, type DocumentStore } from './document-store.port';

/**
 * The first step of every upload: check size and type by content; then, once the scan is decided
 * (decideOnScan, inside the scan's transaction), store new bytes under their hash before the row that
 * names them commits (a file cannot join the transaction). If the transaction then fails, an
 * unreferenced file remains, harmless because content-addressed, and reused if the same bytes come again.
 */
@Injectable()
export class ScanStorage {
  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(DIGITIZATION_SETTINGS) private readonly settings: DigitizationSettings,
  ) {}

  inspect(bytes: Uint8Array | undefined): ScanFile {
    return inspectScanFile(bytes, this.settings.maxScanBytes);
  }

  async keep(file: ScanFile): Promise<void> {
    await this.store.put(file.contentHash, file.bytes);
  }
}
