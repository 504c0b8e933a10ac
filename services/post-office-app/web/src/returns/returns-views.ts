// What returns answers (services/returns/src/returns/application/return.view.ts) and the Vietnamese
// words for its codes (domain/return-status.ts, delivery-failure-reason.ts, recipient-identity.rule.ts).

export type ReturnStatus = 'AWAITING_RESULT' | 'AWAITING_REGISTRATION' | 'NOT_BY_POST' | 'OPEN' | 'PICKED_UP' | 'ATTEMPTED' | 'AT_COUNTER' | 'DELIVERED' | 'RETURNED_TO_AGENCY' | 'LOST';

export interface DocumentToTakeBack {
  readonly documentCode: string;
  readonly title?: string;
  readonly count: number;
}

/** GET /returns → { items: ReturnView[]; total }; every POST answers the return as it now stands. */
export interface ReturnView {
  readonly dossierId: string;
  readonly status: ReturnStatus;
  readonly deliveryMode: 'HOME' | 'COUNTER' | null;
  readonly destinationPostalCode: string | null;
  readonly returnedItem: 'RESULT' | 'REFUSAL_SLIP' | null;
  readonly agencyId: string | null;
  readonly s10ItemId: string | null;
  readonly deadline: { readonly legClass: string; readonly startDay: string; readonly workingDays: number; readonly dueDate: string } | null;
  readonly feesToCollect: number | null;
  readonly documentsToTakeBack: readonly DocumentToTakeBack[];
  /** Times of the invitations so far: failed home attempts, or counter notices. */
  readonly invitations: readonly string[];
  readonly pickedUpAt: string | null;
  readonly deliveredAt: string | null;
  readonly returnedToAgencyAt: string | null;
}

/** The statuses someone can still act on (ACTIVE_STATUSES): the day's work. */
export const ACTIVE_STATUSES = ['OPEN', 'PICKED_UP', 'ATTEMPTED', 'AT_COUNTER'] as const;

export const RETURN_STATUS_TEXT: Readonly<Record<ReturnStatus, string>> = {
  AWAITING_RESULT: 'Chờ kết quả',
  AWAITING_REGISTRATION: 'Chờ thông tin đăng ký',
  NOT_BY_POST: 'Không trả qua bưu chính',
  OPEN: 'Chờ nhận kết quả tại cơ quan',
  PICKED_UP: 'Bưu điện đang giữ kết quả',
  ATTEMPTED: 'Đã phát không thành công 1 lần',
  AT_COUNTER: 'Đã mời nhận tại quầy',
  DELIVERED: 'Đã phát',
  RETURNED_TO_AGENCY: 'Đã trả lại cơ quan',
  LOST: 'Thất lạc',
};

export const FAILURE_REASONS = [
  { value: 'ADDRESSEE_ABSENT', label: 'Không có người nhận' },
  { value: 'ADDRESS_INCORRECT', label: 'Sai địa chỉ' },
  { value: 'ADDRESSEE_MOVED', label: 'Người nhận đã chuyển đi' },
  { value: 'REFUSED', label: 'Người nhận từ chối nhận' },
  { value: 'ID_NOT_PRESENTED', label: 'Không xuất trình được giấy tờ tuỳ thân / giấy uỷ quyền' },
  { value: 'FEES_NOT_PAID', label: 'Không nộp phí, lệ phí còn phải nộp' },
  { value: 'PREMISES_CLOSED', label: 'Cơ quan, doanh nghiệp nhận đóng cửa' },
  { value: 'FORCE_MAJEURE', label: 'Bất khả kháng (thiên tai, đường bị chia cắt)' },
  { value: 'OTHER', label: 'Lý do khác' },
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number]['value'];

export const RECIPIENT_KINDS = [
  { value: 'APPLICANT', label: 'Người nộp hồ sơ' },
  { value: 'RECIPIENT', label: 'Người nhận kết quả ghi trong hồ sơ' },
  { value: 'AUTHORISED_PROXY', label: 'Người được uỷ quyền' },
] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number]['value'];

export const NOTICE_CHANNELS = [
  { value: 'SMS', label: 'Tin nhắn SMS' },
  { value: 'ZALO', label: 'Zalo' },
  { value: 'PAPER_NOTICE', label: 'Giấy mời' },
  { value: 'PHONE_CALL', label: 'Gọi điện' },
  { value: 'EMAIL', label: 'Thư điện tử' },
] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number]['value'];

export function reasonText(code: string): string {
  return FAILURE_REASONS.find((reason) => reason.value === code)?.label ?? code;
}
