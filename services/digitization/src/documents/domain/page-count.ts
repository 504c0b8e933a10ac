import type { ScanMediaType } from './media-type';

/**
 * Pages of a scan, for the record only (contracts: DocumentRef.pageCount). An image is one page. A PDF
 * is counted from its uncompressed page objects; PDFs that hide them in compressed object streams give
 * undefined rather than a wrong number.
 */
export function pageCountOf(bytes: Uint8Array, mediaType: ScanMediaType): number | undefined {
  if (mediaType !== 'application/pdf') return 1;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  return pages > 0 ? Math.min(pages, 10000) : undefined;
}
