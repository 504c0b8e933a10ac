import { VndAmount } from '@bcci/kernel';
import PDFDocument from 'pdfkit';
import { SLIP_MARGINS, SlipCanvas } from '../sending-slip/layout/slip-canvas';
import { registerSlipFonts } from '../sending-slip/layout/slip-fonts';
import { renderLookupQrCode } from '../sending-slip/slip-codes';
import { parseInstant } from '../sending-slip/slip-text';
import type { ReturnReceiptModel } from './return-receipt.model';

const QR_SIZE = 96;
const QR_COLUMN = 132;

/**
 * The receipt of a return-by-post registration (service form 2, QĐ 45/2016 Đ5) as a one-page A4 PDF:
 * which dossier, where the result will be returned, and the lookup QR code with its PIN, as the sending
 * slip prints them for forms 1 and 3. Same model, same bytes (dated at the intake, not the print).
 */
export async function renderReturnReceipt(model: ReturnReceiptModel): Promise<Buffer> {
  if (!/^\d{6}$/.test(model.lookupPin)) throw new RangeError('A return receipt needs the 6-digit lookup PIN');
  const qrCode = await renderLookupQrCode(model.lookupUrl);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { ...SLIP_MARGINS },
    autoFirstPage: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: `Phiếu đăng ký nhận kết quả ${model.provisionalDossierId}`,
      Subject: model.procedure.name,
      Author: model.postalPoint.name,
      Creator: 'BCCI Channel intake',
      Producer: 'BCCI Channel intake',
      CreationDate: parseInstant(model.receivedAt),
    },
  });
  const done = collect(doc);
  registerSlipFonts(doc);
  const canvas = new SlipCanvas(doc, () => undefined);
  canvas.y = SLIP_MARGINS.top;

  canvas.bold(11);
  canvas.y += canvas.textAt('BƯU ĐIỆN VIỆT NAM', canvas.left, canvas.y, canvas.width);
  canvas.bold(9);
  canvas.y += canvas.textAt(`${model.postalPoint.name} (mã bưu chính ${model.postalPoint.postalCode})`, canvas.left, canvas.y + 2, canvas.width) + 8;
  canvas.bold(15);
  canvas.y += canvas.textAt('PHIẾU ĐĂNG KÝ NHẬN KẾT QUẢ QUA DỊCH VỤ BƯU CHÍNH CÔNG ÍCH', canvas.left, canvas.y, canvas.width, 'center');
  canvas.regular(8.5);
  canvas.y += canvas.textAt('Hình thức 2: chỉ nhận kết quả giải quyết thủ tục hành chính qua bưu chính (Quyết định số 45/2016/QĐ-TTg, Điều 5)', canvas.left, canvas.y + 2, canvas.width, 'center') + 6;

  canvas.heading('THÔNG TIN HỒ SƠ VÀ TRA CỨU');
  const top = canvas.y;
  const box = { x: canvas.left, width: canvas.width - QR_COLUMN - 8 };
  doc.image(qrCode, canvas.right - QR_COLUMN + (QR_COLUMN - QR_SIZE) / 2, top, { width: QR_SIZE, height: QR_SIZE });
  canvas.regular(7);
  let qrBottom = top + QR_SIZE + 2;
  qrBottom += canvas.textAt('Quét mã để tra cứu hồ sơ', canvas.right - QR_COLUMN, qrBottom, QR_COLUMN, 'center');
  qrBottom += canvas.textAt(model.lookupUrl, canvas.right - QR_COLUMN, qrBottom + 1, QR_COLUMN, 'center') + 1;
  // As on the sending slip: the PIN is typed beside the reference, never inside the QR code.
  canvas.bold(9);
  qrBottom += 2 + canvas.textAt(`Mã tra cứu (PIN): ${model.lookupPin}`, canvas.right - QR_COLUMN, qrBottom + 2, QR_COLUMN, 'center');

  canvas.field('Mã hồ sơ tạm:', model.provisionalDossierId, { box, boldValue: true });
  if (model.dossierCode) canvas.field('Mã hồ sơ của cơ quan:', model.dossierCode, { box, boldValue: true });
  canvas.field('Thủ tục hành chính:', `${model.procedure.name} (mã ${model.procedure.code})`, { box });
  canvas.field('Cơ quan có thẩm quyền:', `${model.agency.name} (mã định danh ${model.agency.id})`, { box });
  canvas.field('Người đăng ký:', model.applicantName, { box });
  canvas.field('Nơi nhận kết quả:', model.returnTo, { box });
  canvas.field('Cước chuyển trả:', VndAmount.of(model.returnPostage).format(), { box });
  canvas.field('Ngày tiếp nhận (J):', model.intakeDay, { box });
  canvas.y = Math.max(canvas.y, qrBottom + 4);
  canvas.paragraph(
    'Tra cứu miễn phí tình trạng hồ sơ (Thông tư 17/2017/TT-BTTTT, Điều 12): quét mã QR hoặc mở địa chỉ trên, nhập mã hồ sơ tạm và mã tra cứu (PIN). Giữ kín mã tra cứu.',
  );
  doc.end();
  return done;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
