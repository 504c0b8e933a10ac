import type { DocumentRef } from '@bcci/contracts';
import type { DocumentDescriptor } from './digitization.types';

/** A stored scan as events name it (contracts: DocumentRef). */
export function documentRef(document: DocumentDescriptor): DocumentRef {
  return {
    documentId: document.documentId,
    contentHash: document.contentHash,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    ...(document.pageCount === undefined ? {} : { pageCount: document.pageCount }),
  };
}
