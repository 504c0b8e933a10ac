import { renderLookupQrCode, renderPostalItemBarcode } from './slip-codes';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('slip codes', () => {
  it('draws the S10 id as a wide Code 128 barcode', async () => {
    const { width, height } = pngSize(await renderPostalItemBarcode('RR473124829VN'));
    expect(width).toBeGreaterThan(2 * height);
  });

  it('encodes different ids differently', async () => {
    const a = await renderPostalItemBarcode('RR473124829VN');
    const b = await renderPostalItemBarcode('RR473124815VN');
    expect(a.equals(b)).toBe(false);
  });

  it('draws the lookup reference as a square QR code', async () => {
    const { width, height } = pngSize(await renderLookupQrCode('https://bcci.example.vn/tra-cuu/RR473124829VN'));
    expect(width).toBe(height);
  });

  it('draws both codes as opaque grayscale, which pdfkit embeds in drawing order', async () => {
    const colorTypeOf = (png: Buffer) => png.readUInt8(25);
    expect(colorTypeOf(await renderPostalItemBarcode('RR473124829VN'))).toBe(0);
    expect(colorTypeOf(await renderLookupQrCode('https://bcci.example.vn/tra-cuu/RR473124829VN'))).toBe(0);
  });
});
