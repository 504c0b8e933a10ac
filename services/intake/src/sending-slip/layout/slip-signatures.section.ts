import { formatSlipDateLine } from '../slip-text';
import type { SendingSlipModel } from '../sending-slip.model';
import type { SlipCanvas } from './slip-canvas';

const TERMS =
  'Phiếu gửi hồ sơ được lập bằng tiếng Việt, có giá trị như hợp đồng giao kết bằng văn bản giữa Bưu điện và ' +
  'người gửi (Điều 9 Thông tư 17/2017/TT-BTTTT). Quyền, nghĩa vụ của các bên và trách nhiệm bồi thường khi hồ sơ ' +
  'bị mất, thất lạc, hư hỏng thực hiện theo Điều 14, 16, 17 Quyết định 45/2016/QĐ-TTg, Điều 8 Thông tư ' +
  '17/2017/TT-BTTTT và pháp luật về bưu chính. Người gửi tra cứu tình trạng hồ sơ bằng mã QR hoặc số hiệu bưu gửi.';

const CONFIRMATION =
  'Hai bên đã cùng kiểm đếm, đối chiếu danh mục tài liệu nêu trên; hồ sơ được đóng gói, niêm phong trước sự ' +
  'chứng kiến của người gửi.';

const SIGNATURE_SPACE = 44;

/** Terms, then the two signatures TT 17/2017 Đ5.1 b requires (applicant and clerk), kept on one page. */
export function drawSignaturesSection(canvas: SlipCanvas, model: SendingSlipModel): void {
  canvas.y += 6;
  canvas.paragraph(TERMS, 7);
  canvas.y += 2;
  canvas.paragraph(CONFIRMATION, 8.5);

  // Date line, roles, captions and names take about 55 points besides the signing space.
  canvas.ensureSpace(SIGNATURE_SPACE + 60);
  canvas.y += 6;
  const half = canvas.width / 2;
  canvas.regular(8.5);
  canvas.y += canvas.textAt(
    `${model.postalPoint.name}, ${formatSlipDateLine(model.receivedAt)}`,
    canvas.left + half,
    canvas.y,
    half,
    'center',
  ) + 4;
  const top = canvas.y;
  const leftBottom = signatureBlock(canvas, canvas.left, top, half, 'NGƯỜI GỬI', model.applicant.fullName);
  const rightBottom = signatureBlock(canvas, canvas.left + half, top, half, 'NHÂN VIÊN BƯU CHÍNH', model.clerkName);
  canvas.y = Math.max(leftBottom, rightBottom);
}

function signatureBlock(canvas: SlipCanvas, x: number, top: number, width: number, role: string, name: string): number {
  let y = top;
  canvas.bold(9.5);
  y += canvas.textAt(role, x, y, width, 'center');
  canvas.regular(8);
  y += canvas.textAt('(Ký, ghi rõ họ tên)', x, y + 1, width, 'center') + 1;
  y += SIGNATURE_SPACE;
  canvas.bold(9.5);
  y += canvas.textAt(name, x, y, width, 'center');
  return y;
}
