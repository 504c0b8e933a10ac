import bwipjs from 'bwip-js';
import QRCode from 'qrcode';

/**
 * The S10 item id as Code 128 with the id printed under the bars, so a counter scanner and a person
 * read the same thing.
 */
export function renderPostalItemBarcode(postalItemId: string): Promise<Buffer> {
  return bwipjs.toBuffer({
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
}

/** The lookup reference as a QR code the applicant can scan to follow the dossier. */
export function renderLookupQrCode(lookupUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(lookupUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
}
