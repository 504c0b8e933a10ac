/* eslint-disable */
// GENERATED FILE: do not edit. Source: contracts/schemas (JSON Schema 2020-12).
// Regenerate with `node tools/run-ts.mjs contracts/scripts/generate-types.ts`.

import type {
  Actor,
  AgencyId,
  ComponentCode,
  ComponentDigitizationFlags,
  ContentHash,
  DocumentRef,
  DossierId,
  OpaqueRef,
  PostalCode,
  SafeText,
  Timestamp,
} from './common';

/**
 * Người số hoá xác nhận bản sao điện tử khớp với bản giấy.
 */
export interface ComponentCertifiedData {
  dossierId: DossierId;
  componentId: OpaqueRef;
  componentCode: ComponentCode;
  contentHash: ContentHash;
  /**
   * ORIGINAL_SIGHTED (đối chiếu bản chính) hoặc COPY_MATCHES_PAPER.
   */
  certification: 'ORIGINAL_SIGHTED' | 'COPY_MATCHES_PAPER';
  certifiedAt: Timestamp;
  actor: Actor;
  /**
   * Ghi chú của người chứng thực (ví dụ: đã đối chiếu bản chính).
   */
  note?: SafeText;
}

/**
 * Một thành phần hồ sơ đã được quét (hoặc tái sử dụng bản số hoá có sẵn).
 */
export interface ComponentDigitizedData {
  dossierId: DossierId;
  componentId: OpaqueRef;
  componentCode: ComponentCode;
  document: DocumentRef;
  /**
   * Nguồn tái sử dụng nếu không quét lại.
   */
  reusedFrom?: {
    /**
     * Nguồn: hồ sơ trước, kho dữ liệu điện tử của tổ chức/cá nhân, kho quốc gia.
     */
    sourceKind: 'PREVIOUS_DOSSIER' | 'CITIZEN_DATA_STORE' | 'NATIONAL_DATABASE';
    /**
     * Tham chiếu nguồn: mã hồ sơ trước (dossierId) hoặc tham chiếu mờ tới bản ghi trong kho dữ liệu.
     */
    sourceRef: OpaqueRef;
    /**
     * Thành phần của hồ sơ trước được tái sử dụng (nguồn PREVIOUS_DOSSIER).
     */
    sourceComponentCode?: ComponentCode;
  };
  digitizedAt: Timestamp;
  /**
   * Nơi số hoá.
   */
  site: {
    /**
     * POSTAL_POINT hoặc ONE_STOP_DESK.
     */
    kind: 'POSTAL_POINT' | 'ONE_STOP_DESK';
    postalCode?: PostalCode;
    /**
     * Trung tâm/bộ phận một cửa nơi nhân viên bưu chính làm việc.
     */
    agencyId?: AgencyId;
  };
  actor: Actor;
}

/**
 * Người số hoá đóng việc số hoá khi còn thành phần bắt buộc chưa số hoá hoặc chưa chứng thực, kèm lý do.
 */
export interface DossierDigitizationIncompleteData {
  dossierId: DossierId;
  /**
   * @minItems 1
   * @maxItems 200
   */
  components: [ComponentDigitizationFlags, ...ComponentDigitizationFlags[]];
  /**
   * Thành phần bắt buộc chưa số hoá, hoặc đã số hoá nhưng chưa chứng thực khi phải chứng thực.
   *
   * @minItems 1
   * @maxItems 200
   */
  missingComponentCodes: [ComponentCode, ...ComponentCode[]];
  checkedAt: Timestamp;
  /**
   * Lý do đóng khi chưa đầy đủ.
   */
  note?: SafeText;
  actor: Actor;
}

/**
 * Mọi thành phần bắt buộc đã được số hoá: hồ sơ điện tử đầy đủ.
 */
export interface DossierDigitizedData {
  dossierId: DossierId;
  /**
   * @minItems 1
   * @maxItems 200
   */
  components: [ComponentDigitizationFlags, ...ComponentDigitizationFlags[]];
  /**
   * Tổng số thành phần.
   */
  componentCount: number;
  /**
   * Số thành phần đã số hoá.
   */
  digitizedCount: number;
  completedAt: Timestamp;
  /**
   * Nơi số hoá.
   */
  site?: {
    /**
     * POSTAL_POINT hoặc ONE_STOP_DESK.
     */
    kind: 'POSTAL_POINT' | 'ONE_STOP_DESK';
    postalCode?: PostalCode;
    /**
     * Trung tâm/bộ phận một cửa nơi nhân viên bưu chính làm việc.
     */
    agencyId?: AgencyId;
  };
  actor: Actor;
}

/**
 * Kết quả giải quyết bản giấy đã được số hoá.
 */
export interface ResultDigitizedData {
  dossierId: DossierId;
  resultId: OpaqueRef;
  document: DocumentRef;
  /**
   * Đã xác nhận bản số hoá khớp bản giấy.
   */
  certified: boolean;
  digitizedAt: Timestamp;
  /**
   * Nơi số hoá.
   */
  site?: {
    /**
     * POSTAL_POINT hoặc ONE_STOP_DESK.
     */
    kind: 'POSTAL_POINT' | 'ONE_STOP_DESK';
    postalCode?: PostalCode;
    /**
     * Trung tâm/bộ phận một cửa nơi nhân viên bưu chính làm việc.
     */
    agencyId?: AgencyId;
  };
  actor: Actor;
}
