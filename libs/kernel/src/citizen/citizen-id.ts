import { CITIZEN_ID_PROVINCE_CODES } from './citizen-id-province-codes';
import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * Citizen id number (số định danh cá nhân, printed on the CCCD): 12 digits =
 * province of birth (3) + sex/century (1) + year of birth, last 2 digits (2) + random serial (6).
 * Personal data: log it only through {@link maskCitizenId}; never put it in a Kafka payload.
 */
export type CitizenId = string & { readonly __brand: 'CitizenId' };

export type Sex = 'male' | 'female';

export interface CitizenIdParts {
  readonly provinceCode: string;
  readonly provinceName: string;
  readonly sex: Sex;
  readonly birthYear: number;
  readonly serial: string;
}

/** Đ7 TT 07/2016/TT-BCA: even digit male, odd female; 0/1 → 1900s, 2/3 → 2000s, 4/5 → 2100s, 6/7 → 2200s, 8/9 → 2300s. */
function decodeSexCentury(digit: number): { sex: Sex; century: number } {
  return { sex: digit % 2 === 0 ? 'male' : 'female', century: 1900 + Math.floor(digit / 2) * 100 };
}

export interface CitizenIdValidationOptions {
  /** Birth years after this are rejected; defaults to the current year (pass one in tests). */
  readonly asOfYear?: number;
}

export function validateCitizenId(input: string, options: CitizenIdValidationOptions = {}): ValidationResult<CitizenId> {
  const canonical = input.replace(/[\s.-]/g, '');
  const masked = maskCitizenId(canonical);
  if (!/^\d{12}$/.test(canonical)) {
    return invalid(
      'citizen-id.format',
      `Citizen id must be exactly 12 digits (got ${canonical.length} characters: ${masked})`,
      'Số CCCD/định danh cá nhân phải gồm đúng 12 chữ số. Vui lòng kiểm tra lại thẻ.',
    );
  }
  const provinceCode = canonical.slice(0, 3);
  if (!(provinceCode in CITIZEN_ID_PROVINCE_CODES)) {
    return invalid(
      'citizen-id.province',
      `Citizen id ${masked} starts with ${provinceCode}, which is not a CCCD province code (001–096)`,
      `Số CCCD không đúng: 3 số đầu (${provinceCode}) không phải mã tỉnh nơi đăng ký khai sinh.`,
    );
  }
  const { century } = decodeSexCentury(Number(canonical[3]));
  const birthYear = century + Number(canonical.slice(4, 6));
  const asOfYear = options.asOfYear ?? new Date().getUTCFullYear();
  if (birthYear > asOfYear) {
    return invalid(
      'citizen-id.birth-year',
      `Citizen id ${masked} encodes birth year ${birthYear}, which is in the future`,
      'Số CCCD không đúng: chữ số giới tính và năm sinh (số thứ 4 đến thứ 6) không hợp lệ.',
    );
  }
  return valid(canonical as CitizenId);
}

export function isCitizenId(input: string, options?: CitizenIdValidationOptions): boolean {
  return validateCitizenId(input, options).ok;
}

export function parseCitizenId(input: string, options?: CitizenIdValidationOptions): CitizenIdParts {
  const id = orThrow(validateCitizenId(input, options));
  const provinceCode = id.slice(0, 3);
  const { sex, century } = decodeSexCentury(Number(id[3]));
  return {
    provinceCode,
    provinceName: CITIZEN_ID_PROVINCE_CODES[provinceCode],
    sex,
    birthYear: century + Number(id.slice(4, 6)),
    serial: id.slice(6),
  };
}

/**
 * For logs and support screens: every character but the last 4 becomes `*` (`********6789`), so the
 * length stays visible for debugging while the number cannot be rebuilt. Short inputs are fully masked.
 */
export function maskCitizenId(input: string): string {
  if (input.length <= 4) return '*'.repeat(input.length);
  return '*'.repeat(input.length - 4) + input.slice(-4);
}
