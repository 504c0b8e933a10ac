import { createHash } from 'node:crypto';
import { contentHashOf, parseContentHash } from './content-hash';
import { sampleJpeg, samplePdf } from '@bcci/service-kit/testing';
import { EmptyScanError, inspectScanFile, MalformedScanError, ScanTooLargeError, UnsupportedScanTypeError } from './scan-file';

const pdf = (pages: number) => samplePdf('scan', { pages });

describe('inspectScanFile', () => {
  it('identifies a scan by the SHA-256 of its bytes: same bytes, same hash', () => {
    const file = inspectScanFile(pdf(2), 1024);
    expect(file.contentHash).toBe(`sha256:${createHash('sha256').update(pdf(2)).digest('hex')}`);
    expect(inspectScanFile(pdf(2), 1024).contentHash).toBe(file.contentHash);
    expect(inspectScanFile(pdf(3), 1024).contentHash).not.toBe(file.contentHash);
    expect(file).toMatchObject({ mediaType: 'application/pdf', sizeBytes: pdf(2).length, pageCount: 2 });
  });

  it('counts an image as one page', () => {
    expect(inspectScanFile(sampleJpeg('photo'), 1024).pageCount).toBe(1);
  });

  it('refuses a file above the size limit (413) before looking at it', () => {
    expect(() => inspectScanFile(pdf(1), 10)).toThrow(ScanTooLargeError);
  });

  it('refuses a file whose content is not PDF/JPEG/PNG (415)', () => {
    const error = (() => {
      try {
        inspectScanFile(new TextEncoder().encode('just text named scan.pdf'), 1024);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsupportedScanTypeError);
    expect((error as UnsupportedScanTypeError).messageVi).toMatch(/không phải PDF, JPEG hoặc PNG/);
  });

  it('refuses a file that starts like a PDF but was cut short, saying so in Vietnamese', () => {
    const truncated = pdf(1).subarray(0, 20);
    expect(() => inspectScanFile(truncated, 1024)).toThrow(MalformedScanError);
    expect(() => inspectScanFile(truncated, 1024)).toThrow(/startxref/);
    try {
      inspectScanFile(truncated, 1024);
    } catch (error) {
      expect((error as MalformedScanError).messageVi).toMatch(/bị hỏng hoặc không đầy đủ/);
    }
  });

  it('refuses a missing or empty file', () => {
    expect(() => inspectScanFile(undefined, 1024)).toThrow(EmptyScanError);
    expect(() => inspectScanFile(new Uint8Array(), 1024)).toThrow(EmptyScanError);
  });
});

describe('content hash', () => {
  it('parses the prefixed or bare form and refuses anything else', () => {
    const hash = contentHashOf(new Uint8Array([1]));
    expect(parseContentHash(hash)).toBe(hash);
    expect(parseContentHash(hash.slice(7).toUpperCase())).toBe(hash);
    expect(parseContentHash('sha256:abc')).toBeUndefined();
    expect(parseContentHash('../../etc/passwd')).toBeUndefined();
  });
});
