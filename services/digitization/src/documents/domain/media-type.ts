/** The only file types accepted for a scan (contracts: MediaType). */
export const SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ScanMediaType = (typeof SCAN_MEDIA_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const PDF_SIGNATURE = [...'%PDF-'].map((c) => c.charCodeAt(0));
/**
 * PDF readers accept a header anywhere in the first 1024 bytes (some scanners prepend a few bytes);
 * JPEG and PNG must start with their signature.
 */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

/**
 * The type of a file from its content (magic bytes), never from its name or the declared mime type:
 * a renamed executable must not pass as `scan.pdf`. Undefined when the content is none of the three.
 */
export function sniffMediaType(bytes: Uint8Array): ScanMediaType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  const window = Math.min(bytes.length - PDF_SIGNATURE.length, PDF_HEADER_WINDOW - PDF_SIGNATURE.length);
  for (let at = 0; at <= window; at++) {
    if (startsWith(bytes, PDF_SIGNATURE, at)) return 'application/pdf';
  }
  return undefined;
}
