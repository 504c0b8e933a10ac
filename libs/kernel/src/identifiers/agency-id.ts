import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * Agency electronic id (QĐ 20/2020/QĐ-TTg Đ4): up to 35 characters from `[0-9A-Z.]`, dot-separated
 * groups written most specific first, ending with the level-1 code `MX1X2` (M a letter A–Y, two digits),
 * e.g. `000.00.00.H38`. Ids were reissued after the 2025 merger, so never derive routing from an id
 * found inside an old dossier code.
 */
export type AgencyId = string & { readonly __brand: 'AgencyId' };

export const AGENCY_ID_MAX_LENGTH = 35;
const GROUPS_PATTERN = /^[0-9A-Z]+(\.[0-9A-Z]+)*$/;
const LEVEL_ONE_PATTERN = /^[A-Y]\d{2}$/;

export function validateAgencyId(input: string): ValidationResult<AgencyId> {
  const fail = (detail: string, detailVi: string) =>
    invalid<AgencyId>('agency-id.format', `Invalid agency electronic id "${input}": ${detail}`, `Mã định danh cơ quan "${input}" không hợp lệ: ${detailVi}`);
  if (input.length === 0 || input.length > AGENCY_ID_MAX_LENGTH) {
    return fail(`length must be 1–${AGENCY_ID_MAX_LENGTH}`, `độ dài tối đa ${AGENCY_ID_MAX_LENGTH} ký tự`);
  }
  if (!GROUPS_PATTERN.test(input)) {
    return fail('only 0-9, A-Z and dots between non-empty groups', 'chỉ gồm chữ số, chữ in hoa A-Z và dấu chấm giữa các nhóm');
  }
  const groups = input.split('.');
  if (!LEVEL_ONE_PATTERN.test(groups[groups.length - 1])) {
    return fail('the last group must be a level-1 code such as H38', 'nhóm cuối phải là mã cấp 1 (ví dụ H38)');
  }
  return valid(input as AgencyId);
}

export function isAgencyId(input: string): input is AgencyId {
  return validateAgencyId(input).ok;
}

export function parseAgencyId(input: string): AgencyId {
  return orThrow(validateAgencyId(input));
}

/** The level-1 code (ministry, sector or province), e.g. `H38` for `000.00.00.H38`. */
export function agencyLevelOneCode(id: AgencyId): string {
  return id.slice(id.lastIndexOf('.') + 1);
}
