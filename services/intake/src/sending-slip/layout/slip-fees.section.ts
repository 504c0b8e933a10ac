import { formatDong, formatSlipDate, formatSlipDateTime } from '../slip-text';
import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipBox, SlipCanvas } from './slip-canvas';

/** Sections 5 and 6 side by side: the money, then the seal and the times. */
export function drawFeesAndSealSection(canvas: SlipCanvas, model: SendingSlipModel): void {
  canvas.twoColumns(
    (box) => drawFees(canvas, model, box),
    (box) => drawSealAndTimes(canvas, model, box),
  );
}

/**
 * The agency's fees are collected on the agency's behalf and remitted to it (QĐ 45/2016 Đ6.6, Đ15);
 * the postage is the post's own price (TT 17/2017 Đ9.2 đ). They are printed apart.
 */
function drawFees(canvas: SlipCanvas, model: SendingSlipModel, box: SlipBox): void {
  const labelWidth = 130;
  canvas.heading('5. PHÍ, LỆ PHÍ VÀ CƯỚC', box);
  canvas.field('Phí, lệ phí giải quyết TTHC:', formatDong(model.fees.agencyFee), {
    box,
    labelWidth,
    note: 'thu hộ cơ quan có thẩm quyền',
  });
  canvas.field('Cước dịch vụ bưu chính:', formatDong(model.fees.postage), { box, labelWidth });
  canvas.field('Tổng số tiền đã thu:', formatDong(model.fees.total), { box, labelWidth, boldValue: true });
  canvas.field('Phương thức thanh toán:', model.fees.paymentMethod, { box, labelWidth });
}

/** The seal and the times that start the postal clock (J, TT 17/2017 Đ7). */
function drawSealAndTimes(canvas: SlipCanvas, model: SendingSlipModel, box: SlipBox): void {
  const labelWidth = 105;
  canvas.heading('6. NIÊM PHONG VÀ THỜI GIAN', box);
  canvas.field('Số niêm phong:', model.sealNumber, { box, labelWidth, boldValue: true });
  canvas.field('Thời điểm nhận gửi:', formatSlipDateTime(model.receivedAt), { box, labelWidth, note: 'giờ Việt Nam' });
  canvas.field('Ngày nhận gửi (J):', formatSlipDate(model.intakeDay), { box, labelWidth, boldValue: true });
  canvas.field('Hạn phát đến cơ quan có thẩm quyền:', formatSlipDate(model.postalDeadline), {
    box,
    labelWidth,
    boldValue: true,
    note: 'J + n ngày làm việc (Điều 7 TT 17/2017/TT-BTTTT)',
  });
}
