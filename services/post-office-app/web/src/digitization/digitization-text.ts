import type { CertificationKind, DigitizationStatus, MissingPart, ReuseSourceKind } from './digitization-views';

/** Vietnamese wording of the service's codes (domain.md glossary). */
export const STATUS_TEXT: Readonly<Record<DigitizationStatus, string>> = {
  OPEN: 'Đang số hoá',
  DIGITIZED: 'Đã số hoá đầy đủ',
  CLOSED_INCOMPLETE: 'Đã đóng — chưa đầy đủ',
  WITHDRAWN: 'Công dân đã rút hồ sơ',
};

export const MISSING_TEXT: Readonly<Record<MissingPart, string>> = {
  SCAN: 'chưa có bản quét',
  CERTIFICATION: 'chưa chứng thực',
};

export const CERTIFICATION_TEXT: Readonly<Record<CertificationKind, string>> = {
  ORIGINAL_SIGHTED: 'Đã đối chiếu với bản chính',
  COPY_MATCHES_PAPER: 'Bản điện tử khớp bản giấy đã nộp',
};

export const REUSE_SOURCE_TEXT: Readonly<Record<ReuseSourceKind, string>> = {
  PREVIOUS_DOSSIER: 'Hồ sơ trước đây của công dân',
  CITIZEN_DATA_STORE: 'Kho dữ liệu điện tử của tổ chức, cá nhân',
  NATIONAL_DATABASE: 'Cơ sở dữ liệu quốc gia',
};

/** 1536000 → "1,5 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
