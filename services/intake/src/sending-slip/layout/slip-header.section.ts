import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipCanvas } from './slip-canvas';

const BARCODE_WIDTH = 210;
const BARCODE_HEIGHT = 62;

/** First-page header: the issuing post office on the left, the S10 barcode on the right, the title. */
export function drawSlipHeader(canvas: SlipCanvas, model: SendingSlipModel, barcode: Buffer): void {
  const top = canvas.y;
  const leftWidth = canvas.width - BARCODE_WIDTH - 16;
  let y = top;
  canvas.bold(11);
  y += canvas.textAt('BƯU ĐIỆN VIỆT NAM', canvas.left, y, leftWidth);
  canvas.bold(9);
  y += canvas.textAt(model.postalPoint.name, canvas.left, y + 2, leftWidth) + 2;
  canvas.regular(8.5);
  y += canvas.textAt(`Mã bưu chính: ${model.postalPoint.postalCode}`, canvas.left, y + 1, leftWidth) + 1;

  canvas.doc.image(barcode, canvas.right - BARCODE_WIDTH, top, { fit: [BARCODE_WIDTH, BARCODE_HEIGHT], align: 'right' });

  canvas.y = Math.max(y, top + BARCODE_HEIGHT) + 4;
  canvas.bold(17);
  canvas.y += canvas.textAt('PHIẾU GỬI HỒ SƠ', canvas.left, canvas.y, canvas.width, 'center');
  canvas.regular(8.5);
  canvas.y += canvas.textAt(
    'Dịch vụ nhận gửi hồ sơ, chuyển trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính công ích',
    canvas.left,
    canvas.y + 2,
    canvas.width,
    'center',
  );
  canvas.y += canvas.textAt(
    '(Quyết định số 45/2016/QĐ-TTg; Thông tư số 17/2017/TT-BTTTT)',
    canvas.left,
    canvas.y + 2,
    canvas.width,
    'center',
  ) + 6;
}

/** Top line of every following page, so a loose page still names its dossier. */
export function drawContinuationHeader(canvas: SlipCanvas, model: SendingSlipModel): void {
  canvas.regular(8);
  const top = canvas.y;
  const height = canvas.textAt(
    `PHIẾU GỬI HỒ SƠ (tiếp theo) · Số hiệu bưu gửi ${model.postalItemId} · Mã hồ sơ tạm ${model.provisionalDossierId}`,
    canvas.left,
    top,
    canvas.width,
  );
  canvas.y = top + height + 3;
  canvas.rule(canvas.left, canvas.y, canvas.width, 0.4, '#777777');
  canvas.y += 6;
}

/** Page footers, drawn once every page exists so they can say "Trang 2/3". */
export function drawPageFooters(canvas: SlipCanvas, model: SendingSlipModel): void {
  const doc = canvas.doc;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make pdfkit open a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - bottomMargin + 18;
    canvas.regular(7.5);
    doc.fillColor('#555555');
    doc.text(`Phiếu gửi hồ sơ ${model.postalItemId} · ${model.provisionalDossierId}`, canvas.left, y, {
      width: canvas.width / 2,
      lineBreak: false,
    });
    doc.text(`Trang ${index - range.start + 1}/${range.count}`, canvas.left + canvas.width / 2, y, {
      width: canvas.width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottomMargin;
  }
}
