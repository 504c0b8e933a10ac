/**
 * UPU-style event codes used by returns (after the UPU EMSEVT event list, project subset):
 * - EMH: delivery attempted, unsuccessful (delivery-attempted), with one reason code below;
 * - EMI: delivered to the recipient (result-delivered).
 * The reason codes are this project's list in the UPU style, the enum of
 * contracts/schemas/returns/delivery-attempted.v1.schema.json.
 */
export const DELIVERY_FAILURE_REASONS = [
  'ADDRESSEE_ABSENT', // không có người nhận
  'ADDRESS_INCORRECT', // sai địa chỉ
  'ADDRESSEE_MOVED', // người nhận đã chuyển đi
  'REFUSED', // người nhận từ chối nhận
  'ID_NOT_PRESENTED', // không xuất trình được giấy tờ tuỳ thân / giấy uỷ quyền
  'FEES_NOT_PAID', // không nộp phí, lệ phí còn phải nộp
  'PREMISES_CLOSED', // cơ quan, doanh nghiệp nhận đóng cửa
  'FORCE_MAJEURE', // bất khả kháng (thiên tai, đường bị chia cắt)
  'OTHER',
] as const;
export type DeliveryFailureReason = (typeof DELIVERY_FAILURE_REASONS)[number];

export const PARTY_KINDS = ['POSTAL', 'AGENCY', 'APPLICANT', 'THIRD_PARTY', 'UNDETERMINED'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/**
 * QĐ 45 Đ12.4: the costs of delivering again fall on the party whose fault made it necessary. The
 * default by reason (the courier may name another party): every reason on the recipient's side is the
 * applicant's; force majeure is nobody's fault; OTHER is undetermined until someone decides.
 */
export function defaultRedeliveryCostBearer(reason: DeliveryFailureReason): PartyKind {
  switch (reason) {
    case 'FORCE_MAJEURE':
    case 'OTHER':
      return 'UNDETERMINED';
    default:
      return 'APPLICANT';
  }
}
