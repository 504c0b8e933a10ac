/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyId,
  CatalogVersion,
  DocumentRef,
  DossierId,
  FeeLine,
  LocalDate,
  OpaqueRef,
  PostalCode,
  PostalDeadline,
  ProcedureCode,
  S10ItemId,
  SafeText,
  Timestamp,
  Vnd,
} from './common';

/**
 * Sự kiện quét của bưu tá trên chặng chuyển hồ sơ: DISPATCHED (đi), ARRIVED (đến), HANDED_OVER (giao cho cơ quan).
 */
export interface CourierScannedData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  /**
   * Loại quét.
   */
  scanKind: 'DISPATCHED' | 'ARRIVED' | 'HANDED_OVER';
  /**
   * Điểm quét.
   */
  postalCode: PostalCode;
  /**
   * Cơ quan nhận (HANDED_OVER).
   */
  agencyId?: AgencyId;
  scannedAt: Timestamp;
  /**
   * Số túi/chuyến thư (nếu có).
   */
  bagRef?: string;
  actor: Actor;
}

/**
 * Phí, lệ phí thu hộ đã nộp cho cơ quan cùng lúc giao hồ sơ (QĐ 45 Đ15: đầy đủ, đúng hạn).
 */
export interface FeesRemittedData {
  dossierId: DossierId;
  remittanceId: OpaqueRef;
  agencyId: AgencyId;
  handoverRecordId?: OpaqueRef;
  amount: Vnd;
  /**
   * @maxItems 50
   */
  lines: FeeLine[];
  /**
   * Hình thức nộp.
   */
  method: 'CASH' | 'BANK_TRANSFER';
  remittedAt: Timestamp;
  actor: Actor;
}

/**
 * Biên bản giao nhận đã được hai bên ký (QĐ 45 Đ7). Thời điểm ký là thời điểm tiếp nhận hồ sơ hợp lệ (bắt đầu đồng hồ của cơ quan).
 */
export interface HandoverRecordSignedData {
  dossierId: DossierId;
  legId: OpaqueRef;
  handoverRecordId: OpaqueRef;
  /**
   * Số biên bản.
   */
  recordNumber: string;
  agencyId: AgencyId;
  /**
   * Thời điểm ký = thời điểm tiếp nhận hợp pháp.
   */
  signedAt: Timestamp;
  /**
   * Số bưu gửi/thành phần kiểm đếm khớp phiếu.
   */
  itemsCounted: number;
  /**
   * Số lượng thành phần khớp phiếu gửi hồ sơ.
   */
  componentsMatch: boolean;
  discrepancy?: SafeText;
  /**
   * Lô nhiều hồ sơ ký chung một biên bản.
   */
  batchId?: OpaqueRef;
  postalSigner: Actor;
  agencySigner: Actor;
  /**
   * Giao trong hạn J+n.
   */
  postalDeadlineMet: boolean;
  /**
   * Bản biên bản đã ký.
   */
  document?: DocumentRef;
}

/**
 * Mở chặng chuyển hồ sơ từ bưu cục đến cơ quan có thẩm quyền (chọn theo thủ tục tại ngày tiếp nhận), với hạn J+n.
 */
export interface PostalLegOpenedData {
  dossierId: DossierId;
  legId: OpaqueRef;
  s10ItemId: S10ItemId;
  procedureCode: ProcedureCode;
  /**
   * Cơ quan có thẩm quyền tại ngày tiếp nhận.
   */
  agencyId: AgencyId;
  /**
   * Ngày dùng để tra thẩm quyền (ngày tiếp nhận).
   */
  competenceDate: LocalDate;
  originPostalCode: PostalCode;
  /**
   * Bưu cục phục vụ cơ quan (nếu có).
   */
  destinationPostalCode?: PostalCode;
  deadline: PostalDeadline;
  openedAt: Timestamp;
  catalogVersion?: CatalogVersion;
}
