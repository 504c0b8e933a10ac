/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyId,
  CommandId,
  DocumentRef,
  DocumentToTakeBack,
  DossierCode,
  DossierId,
  LocalDate,
  OpaqueRef,
  RequestedComponent,
  SafeText,
  Vnd,
} from './common';

/**
 * Lệnh của cơ quan: ban hành kết quả giải quyết (văn bản hoặc tham chiếu, bản điện tử hoặc giấy, nghĩa vụ tài chính còn phải nộp).
 */
export interface IssueResultCommandData {
  dossierId: DossierId;
  commandId: CommandId;
  /**
   * Cơ quan gửi lệnh; phải là cơ quan có thẩm quyền của hồ sơ, nếu không lệnh bị từ chối và chuyển vào hàng thư chết (DLQ).
   */
  agencyId: AgencyId;
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
   * Giấy tờ người nhận phải nộp lại cho cơ quan khi nhận kết quả (ví dụ giấy phép lái xe cũ); nhân viên bưu chính thu hồi trước khi trao kết quả (TT 17/2017 Đ5.2.đ).
   *
   * @maxItems 50
   */
  documentsToTakeBack?: DocumentToTakeBack[];
  actor: Actor;
}

/**
 * Lệnh của cơ quan: từ chối hồ sơ với lý do (phiếu từ chối, Mẫu số 03). Giai đoạn (không tiếp nhận / dừng xử lý) do cổng xác định theo trạng thái hồ sơ.
 */
export interface RejectDossierCommandData {
  dossierId: DossierId;
  commandId: CommandId;
  /**
   * Cơ quan gửi lệnh; phải là cơ quan có thẩm quyền của hồ sơ, nếu không lệnh bị từ chối và chuyển vào hàng thư chết (DLQ).
   */
  agencyId: AgencyId;
  /**
   * Mã lý do.
   */
  reasonCode: 'NOT_ELIGIBLE' | 'INCOMPLETE' | 'WRONG_AGENCY' | 'SUPPLEMENT_NOT_PROVIDED' | 'LEGAL_GROUNDS' | 'OTHER';
  reason: SafeText;
  /**
   * Phiếu từ chối giải quyết.
   */
  refusalSlip?: DocumentRef;
  actor: Actor;
}

/**
 * Lệnh của cơ quan: yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu số 02, TT 01/2018/TT-VPCP). Bị từ chối sau 3 ngày làm việc kể từ thời điểm tiếp nhận hợp pháp (NĐ 61/2018 Đ19.4).
 */
export interface RequestSupplementCommandData {
  dossierId: DossierId;
  commandId: CommandId;
  /**
   * Cơ quan gửi lệnh; phải là cơ quan có thẩm quyền của hồ sơ, nếu không lệnh bị từ chối và chuyển vào hàng thư chết (DLQ).
   */
  agencyId: AgencyId;
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

/**
 * Lệnh của cơ quan: xin lỗi và hẹn lại ngày trả kết quả (Mẫu số 04), chậm nhất 01 ngày trước hạn, chỉ một lần (NĐ 61/2018 Đ19.9).
 */
export interface RescheduleProcessingCommandData {
  dossierId: DossierId;
  commandId: CommandId;
  /**
   * Cơ quan gửi lệnh; phải là cơ quan có thẩm quyền của hồ sơ, nếu không lệnh bị từ chối và chuyển vào hàng thư chết (DLQ).
   */
  agencyId: AgencyId;
  /**
   * Ngày hẹn trả mới, sau hạn hiện tại.
   */
  newDueDate: LocalDate;
  reason: SafeText;
  /**
   * Phiếu xin lỗi và hẹn lại ngày trả kết quả.
   */
  apologySlip?: DocumentRef;
  actor: Actor;
}

/**
 * Lệnh của cơ quan: ký biên bản giao nhận hồ sơ (một hồ sơ; cả lô = nhiều lệnh cùng batchId). Cổng phát sự kiện handover-acknowledged.
 */
export interface SignHandoverCommandData {
  dossierId: DossierId;
  commandId: CommandId;
  /**
   * Cơ quan gửi lệnh; phải là cơ quan có thẩm quyền của hồ sơ, nếu không lệnh bị từ chối và chuyển vào hàng thư chết (DLQ).
   */
  agencyId: AgencyId;
  /**
   * Lô giao nhận (nhiều hồ sơ ký cùng một biên bản).
   */
  batchId?: OpaqueRef;
  handoverRecordId?: OpaqueRef;
  /**
   * Mã hồ sơ do hệ thống một cửa của cơ quan cấp.
   */
  dossierCode?: DossierCode;
  actor: Actor;
}
