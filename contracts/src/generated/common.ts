/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

/**
 * Ai thực hiện hành động (vai trò + định danh nghiệp vụ, không có họ tên).
 */
export interface Actor {
  role: ActorRole;
  ref: StaffRef;
}

/**
 * Vai trò của người/hệ thống thực hiện hành động.
 */
export type ActorRole =
  | 'POSTAL_CLERK'
  | 'ONE_STOP_DESK_CLERK'
  | 'DIGITIZATION_OPERATOR'
  | 'COURIER'
  | 'AGENCY_RECEIVER'
  | 'AGENCY_SYSTEM'
  | 'OPERATIONS'
  | 'SYSTEM';

/**
 * Hạn giải quyết của cơ quan: thời hạn theo thủ tục cho kênh BCCI, tính bằng ngày làm việc của cơ quan từ thời điểm tiếp nhận hợp pháp.
 */
export interface AgencyDeadline {
  /**
   * Thời điểm bắt đầu tính (ký biên bản giao nhận hoặc bổ sung đầy đủ).
   */
  clockStart: Timestamp;
  /**
   * Thời hạn (ngày làm việc).
   */
  workingDays: number;
  dueDate: LocalDate;
}

/**
 * Mã định danh điện tử của cơ quan (QĐ 20/2020/QĐ-TTg), tối đa 35 ký tự [0-9A-Z.].
 */
export type AgencyId = string;

/**
 * Phiên bản danh mục tham chiếu dùng khi xử lý.
 */
export type CatalogVersion = string;

/**
 * Kênh tiếp nhận quốc gia: 1 trực tiếp, 2 trực tuyến, 3 BCCI.
 */
export type ChannelCode = 1 | 2 | 3;

/**
 * Mã lệnh do hệ thống của cơ quan cấp (UUID), khoá chống trùng: gửi lại cùng mã lệnh không có tác dụng lần hai.
 */
export type CommandId = string;

/**
 * Mã xã (mã thống kê 5 số), hiệu lực theo ngày.
 */
export type CommuneCode = string;

/**
 * Mã thành phần hồ sơ trong danh mục của thủ tục.
 */
export type ComponentCode = string;

/**
 * Trạng thái số hoá của một thành phần.
 */
export interface ComponentDigitizationFlags {
  componentId: OpaqueRef;
  componentCode: ComponentCode;
  /**
   * Bắt buộc theo danh mục.
   */
  required: boolean;
  /**
   * Đã có bản số hoá.
   */
  digitized: boolean;
  /**
   * Đã xác nhận.
   */
  certified: boolean;
  /**
   * Bản sao điện tử phải được chứng thực (danh mục chấp nhận bản sao, hoặc thành phần nộp dưới dạng bản sao) để hồ sơ điện tử đầy đủ.
   */
  certificationRequired?: boolean;
  /**
   * Tái sử dụng bản có sẵn.
   */
  reused: boolean;
  contentHash?: ContentHash;
}

/**
 * Một thành phần hồ sơ: bản chính và/hoặc bản sao với số lượng.
 */
export interface ComponentSummary {
  /**
   * Định danh thành phần trong hồ sơ này.
   */
  componentId: OpaqueRef;
  componentCode: ComponentCode;
  /**
   * Tên giấy tờ theo danh mục (không phải nội dung giấy tờ).
   */
  title: SafeText;
  /**
   * Số bản chính.
   */
  originals: number;
  /**
   * Số bản sao.
   */
  copies: number;
  /**
   * Thành phần bắt buộc theo danh mục.
   */
  required?: boolean;
}

/**
 * Băm nội dung SHA-256 của tệp (lưu trữ theo nội dung).
 */
export type ContentHash = string;

/**
 * Tệp đã lưu theo băm nội dung (bản quét, phiếu, biên bản).
 */
export interface DocumentRef {
  documentId: OpaqueRef;
  contentHash: ContentHash;
  mediaType: MediaType;
  /**
   * Số trang.
   */
  pageCount?: number;
  /**
   * Kích thước (byte).
   */
  sizeBytes?: number;
}

/**
 * Một loại giấy tờ cơ quan yêu cầu thu hồi khi trả kết quả, hoặc đã thu hồi (TT 17/2017 Đ5.2.đ): mã, tên, số bản.
 */
export interface DocumentToTakeBack {
  /**
   * Mã loại giấy tờ thu hồi.
   */
  documentCode: ComponentCode;
  /**
   * Tên giấy tờ (không phải nội dung).
   */
  title?: SafeText;
  /**
   * Số bản.
   */
  count: number;
}

/**
 * Mã hồ sơ theo TT 01/2018/TT-VPCP Đ19: <mã cơ quan>-YYMMDD-XXXX, do hệ thống một cửa của cơ quan cấp.
 */
export type DossierCode = string;

/**
 * Định danh nội bộ của hồ sơ (UUID do intake cấp). Là khoá Kafka và `subject` của envelope.
 */
export type DossierId = string;

/**
 * Một khoản phí, lệ phí của cơ quan.
 */
export interface FeeLine {
  /**
   * Mã khoản phí trong danh mục.
   */
  feeCode: string;
  label?: SafeText;
  amount: Vnd;
}

/**
 * Chiều của chặng bưu chính: TO_AGENCY (chuyển hồ sơ đến cơ quan), TO_RECIPIENT (chuyển trả kết quả).
 */
export type LegDirection = 'TO_AGENCY' | 'TO_RECIPIENT';

/**
 * Ngày (YYYY-MM-DD), giờ Việt Nam.
 */
export type LocalDate = string;

/**
 * Kiểu nội dung của tệp số hoá (kiểm tra theo nội dung, không theo tên).
 */
export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

/**
 * Trạng thái hồ sơ quốc gia (1 mới đăng ký, 2 đã tiếp nhận, 3 không tiếp nhận, 4 đang xử lý, 5 yêu cầu bổ sung, 6 yêu cầu thực hiện nghĩa vụ tài chính, 7 công dân rút hồ sơ, 8 dừng xử lý, 9 đã giải quyết, 10 đã trả kết quả).
 */
export type NationalStatusCode = number;

/**
 * Tham chiếu mờ (UUID) tới dữ liệu nằm ngoài Kafka (claim check): người nộp, người nhận, địa chỉ, chữ ký… Không bao giờ là dữ liệu cá nhân.
 */
export type OpaqueRef = string;

/**
 * Bên liên quan: POSTAL (doanh nghiệp bưu chính), AGENCY (cơ quan), APPLICANT (người nộp/nhận), THIRD_PARTY, UNDETERMINED.
 */
export type PartyKind = 'POSTAL' | 'AGENCY' | 'APPLICANT' | 'THIRD_PARTY' | 'UNDETERMINED';

/**
 * Hình thức thanh toán.
 */
export type PaymentMethod = 'CASH' | 'CARD' | 'BANK_TRANSFER' | 'QR_CODE' | 'E_WALLET' | 'NONE';

/**
 * Mã bưu chính 5 số (TT 07/2017), cũng định danh điểm phục vụ bưu chính.
 */
export type PostalCode = string;

/**
 * Thời hạn chuyển phát J+n (TT 17/2017 Đ7), tính theo ngày làm việc sau ngày J. Loại chặng là dữ liệu danh mục, không phải mã nguồn.
 */
export interface PostalDeadline {
  /**
   * Loại chặng theo danh mục (ví dụ SAME_DISTRICT, INTER_DISTRICT, INTER_PROVINCE_SPECIAL_CITY, INTER_PROVINCE).
   */
  legClass: string;
  /**
   * Ngày J (ngày tiếp nhận in trên phiếu, hoặc ngày nhận kết quả tại cơ quan với chặng trả).
   */
  startDay: LocalDate;
  /**
   * Số ngày làm việc n được phép.
   */
  workingDays: number;
  /**
   * Hạn J+n.
   */
  dueDate: LocalDate;
}

/**
 * Mã thủ tục hành chính: mã quốc gia (1.010902) hoặc biến thể địa phương gắn mã cơ quan (1.010902.000.00.00.H38).
 */
export type ProcedureCode = string;

/**
 * Mã tỉnh (mã thống kê 2 số), hiệu lực theo ngày.
 */
export type ProvinceCode = string;

/**
 * Mã hồ sơ tạm do bưu cục cấp khi tiếp nhận, trước khi hệ thống một cửa của cơ quan cấp mã hồ sơ: BCCI-<mã bưu chính>-YYMMDD-<số thứ tự trong ngày>.
 */
export type ProvisionalDossierId = string;

/**
 * Thành phần cần bổ sung/sửa.
 */
export interface RequestedComponent {
  componentCode: ComponentCode;
  title?: SafeText;
  note?: SafeText;
}

/**
 * Số hiệu bưu gửi theo chuẩn UPU S10: 2 chữ cái, 8 số sê-ri, 1 số kiểm tra, mã nước.
 */
export type S10ItemId = string;

/**
 * Văn bản tự do (tiếng Việt). Không chứa dữ liệu cá nhân: mọi dãy từ 10 chữ số liền nhau trở lên (số CCCD, số điện thoại) bị từ chối.
 */
export type SafeText = string;

/**
 * Hình thức dịch vụ (QĐ 45/2016 Đ5): SEND_DOSSIER (1) chỉ gửi hồ sơ, RECEIVE_RESULT (2) chỉ nhận kết quả, SEND_AND_RECEIVE (3) cả hai.
 */
export type ServiceForm = 'SEND_DOSSIER' | 'RECEIVE_RESULT' | 'SEND_AND_RECEIVE';

/**
 * Định danh nghiệp vụ của người dùng (nhân viên, hệ thống), không phải họ tên.
 */
export type StaffRef = string;

/**
 * Thời điểm RFC 3339 có múi giờ.
 */
export type Timestamp = string;

/**
 * Số tiền bằng đồng Việt Nam (số nguyên, không có phần lẻ).
 */
export type Vnd = number;
