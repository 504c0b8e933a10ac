import { VndAmount } from '@bcci/kernel';
import PDFDocument from 'pdfkit';

import { drawComponentsSection } from './layout/slip-components.section';
import { drawDossierSection } from './layout/slip-dossier.section';
import { drawFeesAndSealSection } from './layout/slip-fees.section';
import { registerSlipFonts } from './layout/slip-fonts';
import { drawContinuationHeader, drawPageFooters, drawSlipHeader } from './layout/slip-header.section';
import { drawPartiesSection } from './layout/slip-parties.section';
import { drawSignaturesSection } from './layout/slip-signatures.section';
import { SLIP_MARGINS, SlipCanvas } from './layout/slip-canvas';
import type { SendingSlipModel } from './sending-slip.model';
import { renderLookupQrCode, renderPostalItemBarcode } from './slip-codes';
import { parseInstant } from './slip-text';

/**
 * The Phiếu gửi hồ sơ as an A4 PDF in Vietnamese (QĐ 45/2016 Đ6.4, TT 17/2017 Đ5.1 and Đ9). The same
 * model always gives the same bytes: the document date is the intake time, not the print time, so a
 * reprint is identical to the original.
 */
export async function renderSendingSlip(model: SendingSlipModel): Promise<Buffer> {
  assertPrintable(model);
  const [barcode, qrCode] = await Promise.all([
    renderPostalItemBarcode(model.postalItemId),
    renderLookupQrCode(model.lookupUrl),
  ]);

  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...SLIP_MARGINS },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Phiếu gửi hồ sơ ${model.postalItemId}`,
      Subject: `${model.procedure.name} (${model.provisionalDossierId})`,
      Author: model.postalPoint.name,
      Creator: 'BCCI Channel intake',
      Producer: 'BCCI Channel intake',
      CreationDate: parseInstant(model.receivedAt),
    },
  });
  const done = collect(doc);

  registerSlipFonts(doc);
  const canvas = new SlipCanvas(doc, (c) => drawContinuationHeader(c, model));
  canvas.y = SLIP_MARGINS.top;
  drawSlipHeader(canvas, model, barcode);
  drawDossierSection(canvas, model, qrCode);
  drawPartiesSection(canvas, model);
  drawComponentsSection(canvas, model);
  drawFeesAndSealSection(canvas, model);
  drawSignaturesSection(canvas, model);
  drawPageFooters(canvas, model);

  doc.end();
  return done;
}

/**
 * A slip is a contract the applicant signs: printing one whose total disagrees with its parts, or with
 * no documents listed, is worse than failing loudly.
 */
function assertPrintable(model: SendingSlipModel): void {
  const { agencyFee, postage, total } = model.fees;
  // Throws the kernel's DomainValidationError for a negative, fractional or absurd amount.
  for (const amount of [agencyFee, postage, total]) VndAmount.of(amount);
  if (agencyFee + postage !== total) {
    throw new RangeError(`Sending slip total ${total} is not agency fee ${agencyFee} + postage ${postage}`);
  }
  if (model.components.length === 0) throw new RangeError('Sending slip lists no component');
  for (const component of model.components) {
    if (!Number.isInteger(component.count) || component.count < 1) {
      throw new RangeError(`Component "${component.name}" has an invalid count ${component.count}`);
    }
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
