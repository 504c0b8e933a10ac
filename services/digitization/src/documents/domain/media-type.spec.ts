import { sniffMediaType } from './media-type';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('content-type sniffing (type checked by content, never by name)', () => {
  it('recognises PNG, JPEG and PDF by their magic bytes', () => {
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toBe('image/png');
    expect(sniffMediaType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffMediaType(text('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
  });

  it('accepts a PDF header shortly after leading bytes, as PDF readers do', () => {
    expect(sniffMediaType(text('\r\n  %PDF-1.4\n'))).toBe('application/pdf');
    expect(sniffMediaType(text(`${' '.repeat(2000)}%PDF-1.4`))).toBeUndefined();
  });

  it('refuses anything else, whatever it would be called', () => {
    expect(sniffMediaType(text('MZ\x90\x00 this is an executable renamed scan.pdf'))).toBeUndefined();
    expect(sniffMediaType(text('GIF89a'))).toBeUndefined();
    expect(sniffMediaType(text('<html>%PDF-</html>'.padStart(1100, ' ')))).toBeUndefined();
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeUndefined();
    expect(sniffMediaType(bytes())).toBeUndefined();
  });
});
