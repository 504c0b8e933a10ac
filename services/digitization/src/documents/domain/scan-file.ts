import { InvalidInputError } from '@bcci/kernel';
import { contentHashOf, type ContentHash } from './content-hash';
import { sniffMediaType, type ScanMediaType } from './media-type';
import { pageCountOf } from './page-count';
import { scanStructureProblem } from './scan-structure';

/** A file accepted as a scan: its type known from its content, its identity from its hash. */
export interface ScanFile {
  readonly bytes: Uint8Array;
  readonly contentHash: ContentHash;
  readonly mediaType: ScanMediaType;
  readonly sizeBytes: number;
  readonly pageCount?: number;
}

/** 413: the API maps this one to "payload too large". */
export class ScanTooLargeError extends InvalidInputError {
  constructor(readonly maxBytes: number) {
    super({
      code: 'SCAN_TOO_LARGE',
      message: `The scan exceeds the limit of ${maxBytes} bytes`,
      messageVi: `Tệp quét vượt quá dung lượng cho phép (${Math.floor(maxBytes / (1024 * 1024))} MB). Hãy quét lại với độ phân giải thấp hơn hoặc tách thành nhiều tệp.`,
      details: { maxBytes },
    });
  }
}

/** 415: the API maps this one to "unsupported media type". */
export class UnsupportedScanTypeError extends InvalidInputError {
  constructor() {
    super({
      code: 'SCAN_TYPE_UNSUPPORTED',
      message: 'The file content is not a PDF, JPEG or PNG (checked by content, not by name)',
      messageVi: 'Tệp không phải PDF, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên tệp). Hãy quét lại đúng định dạng.',
      details: { accepted: ['application/pdf', 'image/jpeg', 'image/png'] },
    });
  }
}

/** 400: the content has a known type's first bytes but not the rest of its structure (cut short, damaged). */
export class MalformedScanError extends InvalidInputError {
  constructor(readonly problem: string) {
    super({
      code: 'SCAN_MALFORMED',
      message: `The file cannot be opened: ${problem}`,
      messageVi: 'Tệp quét bị hỏng hoặc không đầy đủ (có thể do đường truyền bị ngắt), không mở được. Hãy tải tệp lên lại hoặc quét lại.',
      details: { problem },
    });
  }
}

export class EmptyScanError extends InvalidInputError {
  constructor() {
    super({
      code: 'SCAN_MISSING',
      message: 'No file was sent in the "file" field, or the file is empty',
      messageVi: 'Chưa có tệp quét (trường "file") hoặc tệp rỗng.',
    });
  }
}

/** Checks size, content type and structure, then identifies the file by its SHA-256. */
export function inspectScanFile(bytes: Uint8Array | undefined, maxBytes: number): ScanFile {
  if (!bytes || bytes.length === 0) throw new EmptyScanError();
  if (bytes.length > maxBytes) throw new ScanTooLargeError(maxBytes);
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new UnsupportedScanTypeError();
  const problem = scanStructureProblem(bytes, mediaType);
  if (problem) throw new MalformedScanError(problem);
  const pageCount = pageCountOf(bytes, mediaType);
  return {
    bytes,
    contentHash: contentHashOf(bytes),
    mediaType,
    sizeBytes: bytes.length,
    ...(pageCount === undefined ? {} : { pageCount }),
  };
}
