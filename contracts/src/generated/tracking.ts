/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type { Actor, AgencyId, LocalDate, OpaqueRef, ProcedureCode, ProvinceCode, Timestamp } from './common';

/**
 * Tổng số hồ sơ tiếp nhận/giải quyết trên mọi kênh (mẫu số các tỷ lệ BCCI), nhập từ hệ thống một cửa của cơ quan theo thủ tục, cơ quan, kỳ. `subject` = importId.
 */
export interface DenominatorTotalsImportedData {
  importId: OpaqueRef;
  periodStart: LocalDate;
  /**
   * Ngày cuối kỳ (bao gồm).
   */
  periodEnd: LocalDate;
  /**
   * Nguồn nhập.
   */
  source: 'CSV_UPLOAD' | 'JSON_UPLOAD' | 'API';
  provinceCode?: ProvinceCode;
  /**
   * @minItems 1
   * @maxItems 5000
   */
  rows: [DenominatorRow, ...DenominatorRow[]];
  /**
   * Số dòng.
   */
  rowCount: number;
  importedAt: Timestamp;
  actor: Actor;
}
/**
 * Một dòng tổng số.
 */
export interface DenominatorRow {
  agencyId: AgencyId;
  procedureCode: ProcedureCode;
  /**
   * Số hồ sơ tiếp nhận trong kỳ (mọi kênh).
   */
  received: number;
  /**
   * Số hồ sơ đã giải quyết trong kỳ (mọi kênh).
   */
  resolved: number;
  /**
   * Chi tiết theo kênh (nếu có).
   */
  receivedByChannel?: {
    /**
     * Kênh 1.
     */
    inPerson?: number;
    /**
     * Kênh 2.
     */
    online?: number;
    /**
     * Kênh 3.
     */
    bcci?: number;
  };
}
