import { PNG } from 'pngjs';
import { sampleJpeg, samplePdf, samplePng } from './sample-scans';

describe('sample scans', () => {
  it('makes a PDF whose cross-reference offsets point at its objects, with distinct bytes per text', () => {
    const pdf = samplePdf('dossier A / TP1', { pages: 2 }).toString('latin1');
    expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
    const xrefAt = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((offset, i) => expect(pdf.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true));
    expect(pdf.match(/\/Type \/Page /g)).toHaveLength(2);
    expect(samplePdf('dossier A / TP1').equals(samplePdf('dossier B / TP1'))).toBe(false);
  });

  it('pads a PDF to a wanted size without breaking its offsets', () => {
    const padded = samplePdf('big', { padding: 5000 });
    expect(padded.length).toBeGreaterThan(5000);
    const text = padded.toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
  });

  it('makes a PNG a decoder opens, and JPEGs with distinct bytes per label', () => {
    expect(PNG.sync.read(samplePng('CCCD')).width).toBe(1);
    expect(sampleJpeg('a').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(sampleJpeg('a').equals(sampleJpeg('b'))).toBe(false);
  });
});
