/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyDeadline,
  AgencyId,
  ComponentCode,
  DocumentRef,
  DocumentToTakeBack,
  DossierCode,
  DossierId,
  LocalDate,
  OpaqueRef,
  PostalCode,
  ProcedureCode,
  ProvisionalDossierId,
  RequestedComponent,
  S10ItemId,
  SafeText,
  ServiceForm,
  Timestamp,
  Vnd,
} from './common';

/**
 * Hồ sơ được công bố cho cơ quan có thẩm quyền (luồng riêng của cơ quan hoặc HTTP feed). Dữ liệu cá nhân lấy qua claim check.
 */
export interface DossierPublishedToAgencyData {
  dossierId: DossierId;
  agencyId: AgencyId;
  provisionalDossierId: ProvisionalDossierId;
  dossierCode?: DossierCode;
  procedureCode: ProcedureCode;
  serviceForm: ServiceForm;
  s10ItemId?: S10ItemId;
  intakePostalCode: PostalCode;
  intakeDay: LocalDate;
  /**
   * Hạn J+n đến cơ quan.
   */
  expectedArrival?: LocalDate;
  /**
   * @maxItems 200
   */
  components: PublishedComponent[];
  /**
   * Phí, lệ phí đã thu hộ, sẽ nộp khi giao hồ sơ.
   */
  agencyFeesCollected: Vnd;
  applicantRef: OpaqueRef;
  /**
   * Đường dẫn HTTP (claim check) để cơ quan lấy dữ liệu người nộp; mọi lần đọc được ghi nhật ký.
   */
  applicantDataUrl?: string;
  publishedAt: Timestamp;
}
/**
 * Thành phần hồ sơ kèm bản số hoá.
 */
export interface PublishedComponent {
  componentId: OpaqueRef;
  componentCode: ComponentCode;
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
   * Có bản số hoá.
   */
  digitized: boolean;
  /**
   * Bản số hoá đã xác nhận.
   */
  certified: boolean;
  document?: DocumentRef;
}

/**
 * Cơ quan từ chối hồ sơ (phiếu từ chối) với lý do; hồ sơ được trả lại người nộp.
 */
export interface DossierRejectedData {
  dossierId: DossierId;
  agencyId: AgencyId;
  rejectedAt: Timestamp;
  /**
   * AT_RECEPTION (không tiếp nhận, trạng thái 3) hoặc DURING_PROCESSING (dừng xử lý, trạng thái 8).
   */
  stage: 'AT_RECEPTION' | 'DURING_PROCESSING';
  /**
   * Mã lý do.
   */
  reasonCode: 'NOT_ELIGIBLE' | 'INCOMPLETE' | 'WRONG_AGENCY' | 'SUPPLEMENT_NOT_PROVIDED' | 'LEGAL_GROUNDS' | 'OTHER';
  reason: SafeText;
  /**
   * Phiếu từ chối giải quyết.
   */
  refusalSlip?: DocumentRef;
  /**
   * Hồ sơ giấy được trả lại qua bưu chính.
   */
  returnToApplicant: boolean;
  actor: Actor;
}

/**
 * Cơ quan đã ký biên bản giao nhận qua cổng (một hồ sơ hoặc cả lô) và có thể cấp mã hồ sơ; hạn giải quyết bắt đầu.
 */
export interface HandoverAcknowledgedData {
  dossierId: DossierId;
  agencyId: AgencyId;
  handoverRecordId?: OpaqueRef;
  batchId?: OpaqueRef;
  /**
   * Thời điểm cơ quan ký.
   */
  acknowledgedAt: Timestamp;
  /**
   * Mã hồ sơ do hệ thống một cửa của cơ quan cấp.
   */
  dossierCode?: DossierCode;
  agencyDeadline: AgencyDeadline;
  actor: Actor;
}

/**
 * Hồ sơ trễ hạn: cơ quan gửi phiếu xin lỗi và hẹn lại ngày trả (chỉ một lần, ít nhất một ngày trước hạn).
 */
export interface ProcessingRescheduledData {
  dossierId: DossierId;
  agencyId: AgencyId;
  rescheduledAt: Timestamp;
  previousDueDate: LocalDate;
  newDueDate: LocalDate;
  reason: SafeText;
  /**
   * Phiếu xin lỗi và hẹn lại ngày trả kết quả.
   */
  apologySlip?: DocumentRef;
  actor: Actor;
}

/**
 * Cơ quan ban hành kết quả giải quyết (văn bản hoặc tham chiếu; số hoá hoặc bản giấy; nghĩa vụ tài chính còn phải nộp).
 */
export interface ResultIssuedData {
  dossierId: DossierId;
  agencyId: AgencyId;
  resultId: OpaqueRef;
  issuedAt: Timestamp;
  /**
   * DOCUMENT (có văn bản kết quả) hoặc REFERENCE (chỉ số/mã tham chiếu).
   */
  resultKind: 'DOCUMENT' | 'REFERENCE';
  /**
   * DIGITAL (bản điện tử) hoặc PAPER (bản giấy, cần số hoá và chuyển trả).
   */
  medium: 'DIGITAL' | 'PAPER';
  document?: DocumentRef;
  /**
   * Số, ký hiệu văn bản kết quả.
   */
  resultReference?: string;
  /**
   * Phí, lệ phí, nghĩa vụ tài chính người nhận còn phải nộp khi nhận kết quả.
   */
  feesOwed: Vnd;
  /**
   * Kết quả được trả qua bưu chính (hình thức 2, 3).
   */
  returnByPost: boolean;
  /**
   * Giấy tờ cơ quan yêu cầu thu hồi khi trao kết quả (TT 17/2017 Đ5.2.đ); không có nghĩa là không phải thu hồi gì.
   *
   * @maxItems 50
   */
  documentsToTakeBack?: DocumentToTakeBack[];
  actor: Actor;
}

/**
 * Hồ sơ đã được bổ sung đầy đủ: thời điểm tiếp nhận mới, đồng hồ của cơ quan tính lại từ đầu.
 */
export interface SupplementCompletedData {
  dossierId: DossierId;
  agencyId: AgencyId;
  supplementRequestId: OpaqueRef;
  /**
   * Thời điểm bổ sung đầy đủ = thời điểm tiếp nhận hợp pháp mới.
   */
  completedAt: Timestamp;
  /**
   * Cách người nộp bổ sung.
   */
  submissionChannel: 'POSTAL' | 'ONLINE' | 'IN_PERSON';
  agencyDeadline: AgencyDeadline;
  actor: Actor;
}

/**
 * Cơ quan yêu cầu bổ sung hồ sơ (trong 3 ngày làm việc kể từ khi tiếp nhận); đồng hồ của cơ quan dừng.
 */
export interface SupplementRequestedData {
  dossierId: DossierId;
  agencyId: AgencyId;
  supplementRequestId: OpaqueRef;
  requestedAt: Timestamp;
  /**
   * @minItems 1
   * @maxItems 100
   */
  requestedComponents: [RequestedComponent, ...RequestedComponent[]];
  reason: SafeText;
  /**
   * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
   */
  notice?: DocumentRef;
  actor: Actor;
}
