import type { EntityManager } from 'typeorm';
import type { DocumentDescriptor } from '../../dossier-digitization/domain/digitization.types';
import type { ScanFile } from '../domain/scan-file';
import type { StoredDocumentRepository } from '../persistence/stored-document.repository';
import type { ScanStorage } from './scan-storage';

/**
 * A scan's decision, made before its bytes are kept: on the row of these bytes if they were stored
 * before (`stored`), else on the descriptor they get. A refusal (the rule throws) keeps nothing. Accepted
 * new bytes are then kept (synced to disk) and their row registered in the caller's transaction, presumed
 * new where the transaction allows it; should another upload of the same bytes have registered them
 * first (seen on a rerun that asked), the decision is made again on that row.
 */
export async function decideOnScan<Decision>(
  manager: EntityManager,
  deps: { readonly scans: ScanStorage; readonly documents: StoredDocumentRepository },
  scan: { readonly file: ScanFile; readonly stored: DocumentDescriptor | undefined; readonly now: Date },
  decide: (document: DocumentDescriptor) => Decision,
): Promise<Decision> {
  if (scan.stored) return decide(scan.stored);
  const document = deps.documents.describeNew(scan.file);
  const decision = decide(document);
  await deps.scans.keep(scan.file);
  const registered = await deps.documents.registerNew(manager, document, scan.now);
  return registered.documentId === document.documentId ? decision : decide(registered);
}
