import { sampleJpeg, samplePdf, samplePng } from '@bcci/service-kit/testing';
import { PNG } from 'pngjs';
import { scanStructureProblem } from './scan-structure';

const cut = (bytes: Buffer, keep: number) => bytes.subarray(0, keep);

describe('scanStructureProblem', () => {
  it('accepts whole PDF, PNG and JPEG scans', () => {
    expect(scanStructureProblem(samplePdf('TK-LLTP', { pages: 3 }), 'application/pdf')).toBeUndefined();
    expect(scanStructureProblem(samplePng('CCCD'), 'image/png')).toBeUndefined();
    expect(scanStructureProblem(sampleJpeg('CCCD'), 'image/jpeg')).toBeUndefined();
  });

  it('the sample PNG is one a real decoder opens (so the check is measured against something real)', () => {
    const image = PNG.sync.read(samplePng('CCCD'));
    expect([image.width, image.height]).toEqual([1, 1]);
  });

  it('accepts a PDF whose cross-reference is a stream (PDF 1.5 writers) and bytes after %%EOF', () => {
    const head = '%PDF-1.5\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
    const xrefStream = `${head.length} 0 obj\n<< /Type /XRef /Size 3 /Root 1 0 R /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\n`;
    const pdf = Buffer.from(`${head}${xrefStream.replace(/^\d+/, '9')}startxref\n${head.length}\n%%EOF\n\n\0\0`, 'latin1');
    expect(scanStructureProblem(pdf, 'application/pdf')).toBeUndefined();
  });

  it('refuses a PDF cut anywhere before its end, and one whose startxref points elsewhere', () => {
    const whole = samplePdf('TK-LLTP');
    for (const keep of [20, Math.floor(whole.length / 2), whole.length - 8]) {
      expect(scanStructureProblem(cut(whole, keep), 'application/pdf')).toMatch(/startxref|%%EOF/);
    }
    const wrongOffset = Buffer.from(whole.toString('latin1').replace(/startxref\n\d+/, 'startxref\n12'), 'latin1');
    expect(scanStructureProblem(wrongOffset, 'application/pdf')).toMatch(/not where startxref says/);
    const pastEnd = Buffer.from(whole.toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999'), 'latin1');
    expect(scanStructureProblem(pastEnd, 'application/pdf')).toMatch(/past the end/);
    const noRoot = Buffer.from(whole.toString('latin1').replace('/Root 1 0 R', '/Info 1 0 R'), 'latin1');
    expect(scanStructureProblem(noRoot, 'application/pdf')).toMatch(/\/Root/);
  });

  it('refuses a PNG without its header, with zero width, or cut before its end chunk', () => {
    const whole = samplePng('CCCD');
    expect(scanStructureProblem(cut(whole, 16), 'image/png')).toMatch(/IHDR/);
    const zeroWidth = Buffer.from(whole);
    zeroWidth.writeUInt32BE(0, 16);
    expect(scanStructureProblem(zeroWidth, 'image/png')).toMatch(/dimensions 0×1/);
    expect(scanStructureProblem(cut(whole, whole.length - 12), 'image/png')).toMatch(/IEND/);
  });

  it('refuses a JPEG without a frame header, cut inside a segment, or cut before its end marker', () => {
    const whole = sampleJpeg('CCCD');
    expect(scanStructureProblem(Buffer.from([0xff, 0xd8, 0xff, 0xd9]), 'image/jpeg')).toMatch(/ends before its frame header/);
    expect(scanStructureProblem(cut(whole, 30), 'image/jpeg')).toMatch(/truncated/);
    expect(scanStructureProblem(cut(whole, whole.length - 2), 'image/jpeg')).toMatch(/end-of-image/);
    const sofAt = whole.indexOf(Buffer.from([0xff, 0xc0]));
    expect(scanStructureProblem(cut(whole, sofAt + 13), 'image/jpeg')).toMatch(/truncated before its image data/);
    const withoutFrame = Buffer.concat([cut(whole, sofAt), whole.subarray(sofAt + 13)]);
    expect(scanStructureProblem(withoutFrame, 'image/jpeg')).toMatch(/no frame header/);
    expect(scanStructureProblem(Buffer.concat([cut(whole, 4), Buffer.from('garbage')]), 'image/jpeg')).toMatch(/truncated|damaged/);
  });
});
