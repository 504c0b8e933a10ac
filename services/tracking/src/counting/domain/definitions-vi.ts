import type { RatioCode } from './ratio-report';

/**
 * What each figure means, in the words of the plans (seed 004 section III; seed 003: a = tử số,
 * b = mẫu số, tỷ lệ = a/b × 100%). Printed on every export and on the dashboard.
 */
export const RATIO_DEFINITIONS_VI: Readonly<Record<RatioCode, { name: string; a: string; b: string; target: string }>> = {
  R1: {
    name: 'Tỷ lệ TTHC có phát sinh hồ sơ qua dịch vụ BCCI',
    a: 'Số TTHC có ít nhất một hồ sơ tiếp nhận hoặc trả kết quả qua dịch vụ BCCI trong kỳ',
    b: 'Số TTHC có phát sinh hồ sơ trên mọi kênh trong kỳ (theo số liệu hệ thống một cửa)',
    target: 'Trên 50% (Kế hoạch năm 2022 của tỉnh Lào Cai)',
  },
  R2: {
    name: 'Tỷ lệ hồ sơ TTHC được tiếp nhận qua dịch vụ BCCI',
    a: 'Số hồ sơ tiếp nhận qua dịch vụ BCCI trong kỳ (kênh 3, hình thức gửi hồ sơ; không tính hồ sơ đã rút)',
    b: 'Tổng số hồ sơ giải quyết TTHC trong kỳ, mọi kênh (theo số liệu hệ thống một cửa)',
    target: 'Trên 5%',
  },
  R3: {
    name: 'Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI (đã phát thành công)',
    a: 'Số kết quả giải quyết đã phát thành công cho người nhận qua dịch vụ BCCI trong kỳ (không tính phiếu từ chối: hồ sơ bị từ chối không nằm trong mẫu số)',
    b: 'Tổng số hồ sơ giải quyết TTHC trong kỳ, mọi kênh',
    target: 'Trên 20%',
  },
  R3_REGISTERED: {
    name: 'Tỷ lệ kết quả đăng ký trả qua dịch vụ BCCI',
    a: 'Số kết quả được đăng ký trả qua bưu chính trong kỳ (hình thức 2, 3 khi tiếp nhận, hoặc cơ quan chuyển trả qua bưu chính)',
    b: 'Tổng số hồ sơ giải quyết TTHC trong kỳ, mọi kênh',
    target: 'Trên 20% (cùng chỉ tiêu R3, để đối chiếu đăng ký với thực tế phát)',
  },
};

export const INDICATOR_DEFINITIONS_VI: Readonly<Record<string, { name: string; definition: string }>> = {
  COMPONENTS_DIGITIZED: { name: 'Tỷ lệ thành phần hồ sơ được số hoá', definition: 'a = số thành phần đã số hoá; b = số thành phần của các hồ sơ tiếp nhận qua BCCI trong kỳ; tỷ lệ = a/b × 100%' },
  RESULTS_DIGITIZED: { name: 'Tỷ lệ kết quả được số hoá', definition: 'a = kết quả bản điện tử hoặc bản giấy đã số hoá; b = kết quả đã ban hành trong kỳ; tỷ lệ = a/b × 100%' },
  FORWARD_ON_TIME: { name: 'Tỷ lệ chặng chuyển hồ sơ đúng hạn J+n', definition: 'a = chặng giao cơ quan trong hạn J+n (TT 17/2017 Đ7); b = chặng đã giao trong kỳ' },
  RETURN_ON_TIME: { name: 'Tỷ lệ chặng trả kết quả đúng hạn J+n', definition: 'a = kết quả phát thành công trong hạn J+n; b = kết quả phát thành công trong kỳ (chỉ tính kết quả giải quyết, không tính phiếu từ chối)' },
  LOSSES_PER_10000: { name: 'Số vụ mất trên 10.000 bưu gửi', definition: 'Số biên bản sự cố mất (QĐ 45 Đ14) / số bưu gửi đã vận chuyển (chặng đi và chặng trả) × 10.000' },
  DAMAGES_PER_10000: { name: 'Số vụ hư hỏng trên 10.000 bưu gửi', definition: 'Số biên bản sự cố hư hỏng / số bưu gửi đã vận chuyển × 10.000' },
  ATTEMPTS_PER_RESULT: { name: 'Số lần phát trên mỗi kết quả', definition: 'Tổng số lần phát (không thành công và thành công) / số kết quả đã kết thúc chặng trả (phát được hoặc trả lại cơ quan); chỉ tính kết quả giải quyết, không tính phiếu từ chối' },
  REFUSAL_SLIPS_DELIVERED: {
    name: 'Số phiếu từ chối đã phát qua BCCI',
    definition: 'Phiếu từ chối (kèm hồ sơ trả lại) của hồ sơ bị cơ quan từ chối, đã phát thành công cho người nhận qua dịch vụ BCCI trong kỳ; không phải kết quả giải quyết nên không tính vào tỷ lệ R3',
  },
  RETURNED_TO_AGENCY: { name: 'Số kết quả trả lại cơ quan', definition: 'Kết quả trả lại cơ quan sau 2 lần mời không thành công hoặc không đến nhận (TT 17 Đ5.2)' },
  COMPENSATION_VND: { name: 'Tiền bồi thường (đồng)', definition: 'Tổng tiền bồi thường ghi trên biên bản sự cố mất, hư hỏng trong kỳ' },
};

export const BASIS_VI = { event: 'Theo ngày của từng sự kiện', intake: 'Theo ngày tiếp nhận hồ sơ' } as const;
export const UNITS_VI = { 'as-of-event': 'Đơn vị hành chính tại ngày phát sinh', current: 'Đơn vị hành chính hiện nay' } as const;

export function passLabelVi(pass: boolean | null): string {
  return pass === null ? 'Chưa tính được' : pass ? 'Đạt' : 'Chưa đạt';
}
