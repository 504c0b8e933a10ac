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
   * Tổng số tiền của cả lần nộp (mọi hồ sơ trong cùng biên bản giao nhận); `amount` là phần của hồ sơ này.
   */
  remittanceTotal?: Vnd;
  /**
   * Số hồ sơ có phí, lệ phí trong lần nộp này.
   */
  remittanceDossierCount?: number;
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
   * Thời điểm biên bản có đủ chữ ký hai bên (chữ ký sau cùng) = thời điểm tiếp nhận hợp pháp (QĐ 45 Đ7.4). Nguồn chính thức của thời điểm nộp hồ sơ hợp lệ.
   */
  signedAt: Timestamp;
  /**
   * Thời điểm nhân viên bưu chính ký biên bản (dùng để xét hạn J+n).
   */
  postalSignedAt?: Timestamp;
  /**
   * Thời điểm người tiếp nhận của cơ quan ký (trên biên bản giấy hoặc qua cổng cơ quan).
   */
  agencySignedAt?: Timestamp;
  /**
   * Nguồn chữ ký của cơ quan: PAPER_RECORD (ký trên biên bản giấy, bưu tá ghi nhận) hoặc AGENCY_GATEWAY (cơ quan ký qua cổng).
   */
  agencySignatureSource?: 'PAPER_RECORD' | 'AGENCY_GATEWAY';
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
