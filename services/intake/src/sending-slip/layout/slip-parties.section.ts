import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipBox, SlipCanvas } from './slip-canvas';

const LABEL_WIDTH = 62;

/** Sections 2 and 3 side by side: who sends, and where the result goes back (TT 17/2017 Đ9.2 a, b). */
export function drawPartiesSection(canvas: SlipCanvas, model: SendingSlipModel): void {
  canvas.twoColumns(
    (box) => drawApplicant(canvas, model, box),
    (box) => drawRecipient(canvas, model, box),
  );
}

function drawApplicant(canvas: SlipCanvas, model: SendingSlipModel, box: SlipBox): void {
  canvas.heading('2. NGƯỜI GỬI HỒ SƠ', box);
  canvas.field('Họ và tên:', model.applicant.fullName, { box, labelWidth: LABEL_WIDTH, boldValue: true });
  canvas.field('Số CCCD:', model.applicant.citizenIdMasked, { box, labelWidth: LABEL_WIDTH });
  canvas.field('Điện thoại:', model.applicant.phone, { box, labelWidth: LABEL_WIDTH });
  canvas.field('Địa chỉ:', model.applicant.address, { box, labelWidth: LABEL_WIDTH });
}

function drawRecipient(canvas: SlipCanvas, model: SendingSlipModel, box: SlipBox): void {
  canvas.heading('3. NGƯỜI NHẬN KẾT QUẢ (CHUYỂN TRẢ)', box);
  if (model.recipient === null) {
    canvas.paragraph('Không đăng ký chuyển trả kết quả qua dịch vụ bưu chính công ích.', 9, box);
    return;
  }
  canvas.field('Họ và tên:', model.recipient.fullName, { box, labelWidth: LABEL_WIDTH, boldValue: true });
  canvas.field('Điện thoại:', model.recipient.phone, { box, labelWidth: LABEL_WIDTH });
  canvas.field('Địa chỉ:', model.recipient.address, { box, labelWidth: LABEL_WIDTH });
}
