import { crc32, deflateSync } from 'node:zlib';

/**
 * Small scans that a PDF reader or an image viewer opens, for tests, the demo and the bench. Each carries
 * its text, so every scan has its own bytes (the document store deduplicates by content hash).
 */

export interface SamplePdfOptions {
  /** Page objects in the page tree (default 1). */
  readonly pages?: number;
  /** Bytes of comment added before the cross-reference table, to reach a wanted size. */
  readonly padding?: number;
}

/** A PDF 1.4 with a catalog, a page tree, `pages` pages, a cross-reference table and a trailer. */
export function samplePdf(text: string, options: SamplePdfOptions = {}): Buffer {
  const pages = Math.max(1, options.pages ?? 1);
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/([()\\])/g, '\\$1');
  const content = `BT /F1 12 Tf 72 720 Td (${safe}) Tj ET`;
  // Objects 1 catalog, 2 page tree, 3 font, 4 content, then one object per page.
  const pageNumbers = Array.from({ length: pages }, (_, i) => 5 + i);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageNumbers.map((n) => `${n} 0 R`).join(' ')}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    ...pageNumbers.map(() => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>'),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  if (options.padding) body += `%${' '.repeat(options.padding)}\n`;
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1×1 grey PNG whose tEXt chunk holds the label. */
export function samplePng(label: string): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('tEXt', Buffer.from(`Comment\0${label.replace(/[^\x20-\x7e]/g, '?')}`, 'latin1')),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([head, data]);
}

/**
 * A baseline 8×8 greyscale JPEG: JFIF header, a comment with the label, flat quantisation and Huffman
 * tables, a frame header and one all-zero block of entropy-coded data.
 */
export function sampleJpeg(label: string): Buffer {
  const quantisation = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]);
  // DC table 0 and AC table 0, each with a single one-bit code for symbol 0 (DC: no difference; AC: end of block).
  const huffman = (tableClassAndId: number) => Buffer.concat([Buffer.from([tableClassAndId, 1]), Buffer.alloc(15), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    jpegSegment(0xe0, Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0])),
    jpegSegment(0xfe, Buffer.from(label.replace(/[^\x20-\x7e]/g, '?'), 'latin1')),
    jpegSegment(0xdb, quantisation),
    jpegSegment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
    jpegSegment(0xc4, Buffer.concat([huffman(0x00), huffman(0x10)])),
    jpegSegment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    // DC code "0" then AC end-of-block "0", padded with ones.
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}
