import bwipjs from 'bwip-js';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/**
 * The S10 item id as Code 128 with the id printed under the bars, so a counter scanner and a person
 * read the same thing.
 */
export async function renderPostalItemBarcode(postalItemId: string): Promise<Buffer> {
  const png = await bwipjs.toBuffer({
    bcid: 'code128',
    text: postalItemId,
    includetext: true,
    textxalign: 'center',
    textsize: 11,
    scale: 3,
    height: 12,
    paddingwidth: 4,
    paddingheight: 2,
    backgroundcolor: 'FFFFFF',
  });
  return opaqueGrayscale(png);
}

/** The lookup reference as a QR code the applicant can scan to follow the dossier. */
export async function renderLookupQrCode(lookupUrl: string): Promise<Buffer> {
  const png = await QRCode.toBuffer(lookupUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return opaqueGrayscale(png);
}

/**
 * Both encoders write RGBA. pdfkit splits an alpha channel off asynchronously, so two images with alpha
 * are numbered in whichever order their inflate finishes and a reprint would differ from the original.
 * A black-on-white code needs no alpha: flattened onto white, it is embedded at once, in drawing order.
 */
function opaqueGrayscale(rgbaPng: Buffer): Buffer {
  const image = PNG.sync.read(rgbaPng);
  return PNG.sync.write(image, { colorType: 0, inputColorType: 6, inputHasAlpha: true, bgColor: { red: 255, green: 255, blue: 255 } });
}
