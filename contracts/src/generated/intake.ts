/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyId,
  CatalogVersion,
  ChannelCode,
  CommuneCode,
  ComponentSummary,
  DocumentRef,
  DossierCode,
  DossierId,
  FeeLine,
  LocalDate,
  OpaqueRef,
  PaymentMethod,
  PostalCode,
  PostalDeadline,
  ProcedureCode,
  ProvinceCode,
  ProvisionalDossierId,
  S10ItemId,
  SafeText,
  ServiceForm,
  Timestamp,
  Vnd,
} from './common';

/**
 * Bưu cục đã tiếp nhận hồ sơ (hoặc đăng ký nhận kết quả qua bưu chính với hình thức 2): kiểm tra thành phần, thu phí, niêm phong, in phiếu gửi hồ sơ.
 */
export interface DossierRegisteredData {
  dossierId: DossierId;
  provisionalDossierId: ProvisionalDossierId;
  /**
   * Mã hồ sơ của cơ quan nếu đã có (hình thức 2: hồ sơ đã nộp trực tuyến).
   */
  dossierCode?: DossierCode;
  serviceForm: ServiceForm;
  /**
   * Kênh nộp hồ sơ: 3 (BCCI) với hình thức 1 và 3; hình thức 2 giữ kênh gốc (thường 2 trực tuyến).
   */
  receivingChannel: ChannelCode;
  procedureCode: ProcedureCode;
  /**
   * Cơ quan có thẩm quyền theo danh mục tại ngày tiếp nhận (forwarding quyết định cuối cùng).
   */
  expectedAgencyId?: AgencyId;
  catalogVersion: CatalogVersion;
  /**
   * Nơi tiếp nhận.
   */
  intakeSite: {
    /**
     * POSTAL_POINT (bưu cục, điểm BĐ-VHX) hoặc ONE_STOP_DESK (nhân viên bưu chính tại bộ phận một cửa, QĐ 468).
     */
    kind: 'POSTAL_POINT' | 'ONE_STOP_DESK';
    postalCode: PostalCode;
    provinceCode?: ProvinceCode;
    communeCode?: CommuneCode;
  };
  /**
   * Tham chiếu người nộp; dữ liệu cá nhân lấy qua HTTP có kiểm soát (claim check).
   */
  applicantRef: OpaqueRef;
  /**
   * Tham chiếu người nhận kết quả (hình thức 2, 3).
   */
  recipientRef?: OpaqueRef;
  /**
   * Vùng phát kết quả (không có địa chỉ chi tiết): đủ để tính J+n và chọn bưu cục phát.
   */
  returnDestination?: {
    /**
     * HOME (phát tận địa chỉ) hoặc COUNTER (nhận tại quầy).
     */
    deliveryMode: 'HOME' | 'COUNTER';
    /**
     * Bưu cục phát.
     */
    postalCode: PostalCode;
    provinceCode?: ProvinceCode;
    communeCode?: CommuneCode;
  };
  /**
   * Số hiệu bưu gửi chuyển hồ sơ (hình thức 1, 3).
   */
  s10ItemId?: S10ItemId;
  /**
   * Số niêm phong, niêm phong trước mặt người nộp (hình thức 1, 3).
   */
  sealNumber?: string;
  /**
   * Thành phần hồ sơ đã kiểm đếm (hình thức 1, 3).
   *
   * @maxItems 200
   */
  components?: ComponentSummary[];
  /**
   * Phí, lệ phí của cơ quan thu hộ (có biên lai), tách khỏi cước bưu chính.
   */
  agencyFees: {
    total: Vnd;
    /**
     * @maxItems 50
     */
    lines: FeeLine[];
    paymentMethod: PaymentMethod;
    /**
     * Biên lai thu phí, lệ phí.
     */
    receiptRef?: OpaqueRef;
  };
  /**
   * Cước bưu chính.
   */
  postage: {
    total: Vnd;
    /**
     * Cước chiều gửi hồ sơ.
     */
    forwardLeg: Vnd;
    /**
     * Cước chiều trả kết quả.
     */
    returnLeg: Vnd;
    paymentMethod: PaymentMethod;
  };
  /**
   * Ngày J in trên phiếu gửi hồ sơ (sau 15:00 có thể là ngày làm việc kế tiếp).
   */
  intakeDay: LocalDate;
  registeredAt: Timestamp;
  /**
   * Hạn J+n chặng chuyển hồ sơ đến cơ quan (hình thức 1, 3).
   */
  postalDeadline?: PostalDeadline;
  /**
   * Phiếu gửi hồ sơ (PDF) đã in và ký.
   */
  sendingSlip?: DocumentRef;
  /**
   * Băm của mã tra cứu (PIN 6 chữ số) intake cấp khi tiếp nhận, in trên phiếu gửi hồ sơ (hình thức 1, 3) hoặc phiếu đăng ký nhận kết quả (hình thức 2), yếu tố thứ hai để người dân tra cứu miễn phí trạng thái hồ sơ (tracking, GET /public/lookup). Định nghĩa: chuỗi hex chữ thường của SHA-256 trên chuỗi UTF-8 `<dossierId>:<PIN>` (dossierId dạng UUID chữ thường), tức Node.js createHash('sha256').update(`${dossierId}:${pin}`).digest('hex'). Không dùng hàm băm chậm: ai đọc được Kafka đã thấy mọi sự kiện trạng thái, nên mã tra cứu chỉ bảo vệ trang tra cứu công khai (không có dữ liệu cá nhân) trước người chỉ biết mã hồ sơ hoặc mã bưu gửi; việc giới hạn số lần thử sai ở tracking mới là hàng rào chính. Không bao giờ gửi PIN rõ.
   */
  lookupPinHash?: string;
  actor: Actor;
}

/**
 * Người nộp rút hồ sơ trước khi hồ sơ được chuyển đi (trạng thái quốc gia 7).
 */
export interface DossierWithdrawnData {
  dossierId: DossierId;
  withdrawnAt: Timestamp;
  /**
   * Lý do rút.
   */
  reasonCode: 'APPLICANT_REQUEST' | 'DUPLICATE' | 'CLERK_ERROR' | 'OTHER';
  reason?: SafeText;
  /**
   * Số tiền hoàn lại.
   */
  refund: {
    agencyFees: Vnd;
    postage: Vnd;
  };
  actor: Actor;
}
