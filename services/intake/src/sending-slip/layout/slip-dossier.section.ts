import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipCanvas } from './slip-canvas';

const QR_SIZE = 96;
const QR_COLUMN = 132;

/** Section 1: which dossier, for which procedure and agency, and the QR code to follow it. */
export function drawDossierSection(canvas: SlipCanvas, model: SendingSlipModel, qrCode: Buffer): void {
  canvas.heading('1. THÔNG TIN HỒ SƠ');
  const top = canvas.y;
  const box = { x: canvas.left, width: canvas.width - QR_COLUMN - 8 };

  const qrX = canvas.right - QR_COLUMN + (QR_COLUMN - QR_SIZE) / 2;
  canvas.doc.image(qrCode, qrX, top, { width: QR_SIZE, height: QR_SIZE });
  canvas.regular(7);
  const captionHeight = canvas.textAt('Quét mã để tra cứu hồ sơ', canvas.right - QR_COLUMN, top + QR_SIZE + 2, QR_COLUMN, 'center');
  const urlHeight = canvas.textAt(model.lookupUrl, canvas.right - QR_COLUMN, top + QR_SIZE + 3 + captionHeight, QR_COLUMN, 'center');
  let qrBottom = top + QR_SIZE + 3 + captionHeight + urlHeight;
  if (model.lookupPin) {
    // The PIN is typed by the citizen beside the reference; it is deliberately not inside the QR code.
    canvas.bold(9);
    qrBottom += 2 + canvas.textAt(`Mã tra cứu (PIN): ${model.lookupPin}`, canvas.right - QR_COLUMN, qrBottom + 2, QR_COLUMN, 'center');
  }

  canvas.y = top;
  canvas.field('Số hiệu bưu gửi (S10):', model.postalItemId, { box, boldValue: true });
  canvas.field('Mã hồ sơ tạm:', model.provisionalDossierId, { box, boldValue: true });
  canvas.field('Thủ tục hành chính:', `${model.procedure.name} (mã ${model.procedure.code})`, { box });
  canvas.field('Cơ quan có thẩm quyền:', `${model.agency.name} (mã định danh ${model.agency.id})`, {
    box,
  });
  canvas.field(
    'Hình thức dịch vụ:',
    `${model.serviceForm} - ${model.serviceFormLabel}`,
    { box },
  );
  canvas.field('Điểm phục vụ nhận gửi:', `${model.postalPoint.name} (mã bưu chính ${model.postalPoint.postalCode})`, {
    box,
  });
  canvas.y = Math.max(canvas.y, qrBottom + 2);
}
