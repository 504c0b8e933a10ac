import type { ScanMediaType } from './media-type';

/**
 * Whether a scan is whole enough for a reader to open it, beyond its first bytes: a PDF needs its
 * cross-reference (table or stream) where `startxref` says, a trailer naming the catalog and the final
 * `%%EOF`; a PNG its header chunk with dimensions and its end chunk; a JPEG a frame header with
 * dimensions before its scan data and the end-of-image marker. A file cut short in transfer (the usual
 * fault of a commune point's connection) fails one of these. Answers the problem, or undefined.
 *
 * It is not a decoder: a file can pass and still hold a damaged page. That is caught by the operator who
 * looks at the scan before certifying it.
 */
export function scanStructureProblem(bytes: Uint8Array, mediaType: ScanMediaType): string | undefined {
  switch (mediaType) {
    case 'application/pdf':
      return pdfProblem(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    case 'image/png':
      return pngProblem(bytes);
    case 'image/jpeg':
      return jpegProblem(bytes);
  }
}

/** Readers look for `%%EOF` within the last kilobyte (some writers append a few bytes after it). */
const PDF_TAIL_WINDOW = 1024;
/** The largest side, in pixels, of an image anyone scans (a 600 dpi A0 sheet is about 28,000). */
const MAX_IMAGE_SIDE = 65_535;

function pdfProblem(pdf: Buffer): string | undefined {
  const tail = pdf.subarray(Math.max(0, pdf.length - PDF_TAIL_WINDOW - 64)).toString('latin1');
  const endings = [...tail.matchAll(/startxref\s+(\d{1,12})\s+%%EOF/g)];
  const last = endings.at(-1);
  if (!last) return 'the PDF has no startxref and %%EOF at its end (truncated?)';
  const xrefAt = Number(last[1]);
  if (xrefAt >= pdf.length) return 'the PDF cross-reference offset points past the end of the file';
  const atXref = pdf.subarray(xrefAt, Math.min(pdf.length, xrefAt + 4096)).toString('latin1').replace(/^\s+/, '');
  if (atXref.startsWith('xref')) {
    const trailer = pdf.subarray(xrefAt).toString('latin1');
    if (!/trailer\s*<<[\s\S]*?\/Root\s+\d+\s+\d+\s+R/.test(trailer)) return 'the PDF trailer does not name the document catalog (/Root)';
    return undefined;
  }
  if (/^\d+\s+\d+\s+obj\s*<<[\s\S]*?\/Type\s*\/XRef/.test(atXref)) return undefined;
  return 'the PDF cross-reference is not where startxref says';
}

const PNG_SIGNATURE_LENGTH = 8;
const PNG_IEND = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];

function readUInt32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
}

function pngProblem(png: Uint8Array): string | undefined {
  const headerType = String.fromCharCode(...png.subarray(PNG_SIGNATURE_LENGTH + 4, PNG_SIGNATURE_LENGTH + 8));
  if (png.length < PNG_SIGNATURE_LENGTH + 25 || headerType !== 'IHDR' || readUInt32(png, PNG_SIGNATURE_LENGTH) !== 13)
    return 'the PNG has no image header (IHDR)';
  const width = readUInt32(png, PNG_SIGNATURE_LENGTH + 8);
  const height = readUInt32(png, PNG_SIGNATURE_LENGTH + 12);
  if (width === 0 || height === 0 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return `the PNG dimensions ${width}×${height} are not those of a scan`;
  if (!endsWithWithin(png, PNG_IEND, 64)) return 'the PNG has no end chunk (IEND): the file is truncated';
  return undefined;
}

/** SOF0–SOF15 start a frame, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isFrameHeader(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegProblem(jpeg: Uint8Array): string | undefined {
  let at = 2;
  let dimensions: { width: number; height: number } | undefined;
  let reachedImageData = false;
  while (at + 2 <= jpeg.length) {
    if (jpeg[at] !== 0xff) return 'the JPEG segments are damaged';
    const marker = jpeg[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9) return 'the JPEG ends before its frame header and image data';
    if (at + 4 > jpeg.length) break;
    const length = (jpeg[at + 2] << 8) + jpeg[at + 3];
    if (length < 2 || at + 2 + length > jpeg.length) return 'the JPEG is truncated inside a segment';
    if (isFrameHeader(marker) && length >= 7) {
      dimensions = { height: (jpeg[at + 5] << 8) + jpeg[at + 6], width: (jpeg[at + 7] << 8) + jpeg[at + 8] };
    }
    if (marker === 0xda) {
      reachedImageData = true; // start of scan: entropy-coded data follows
      break;
    }
    at += 2 + length;
  }
  if (!reachedImageData) return 'the JPEG is truncated before its image data';
  if (!dimensions) return 'the JPEG has no frame header (SOF) with its dimensions';
  if (dimensions.width === 0 || dimensions.height === 0) return `the JPEG dimensions ${dimensions.width}×${dimensions.height} are not those of a scan`;
  if (!endsWithWithin(jpeg, [0xff, 0xd9], 64)) return 'the JPEG has no end-of-image marker: the file is truncated';
  return undefined;
}

/** Whether `suffix` occurs within the last `window` bytes (some writers pad after the end marker). */
function endsWithWithin(bytes: Uint8Array, suffix: readonly number[], window: number): boolean {
  const from = Math.max(0, bytes.length - window - suffix.length);
  for (let at = bytes.length - suffix.length; at >= from; at--) {
    if (suffix.every((byte, i) => bytes[at + i] === byte)) return true;
  }
  return false;
}
