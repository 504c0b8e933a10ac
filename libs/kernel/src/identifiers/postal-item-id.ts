import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * UPU S10 postal item identifier, e.g. `RR473124829GB`: service indicator (2 letters), serial
 * (8 digits), check digit, country (ISO 3166-1 alpha-2 of the issuing postal operator, `VN` here).
 * This is what is printed as Code 128 on the sending slip.
 */
export type PostalItemId = string & { readonly __brand: 'PostalItemId' };

export interface PostalItemIdParts {
  readonly serviceIndicator: string;
  readonly serial: string;
  readonly checkDigit: number;
  readonly countryCode: string;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;
const S10_PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

/** S10 check digit over the 8-digit serial: c = 11 − (Σ wᵢdᵢ mod 11); 10 → 0, 11 → 5. */
export function postalItemCheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`S10 serial must be exactly 8 digits, got "${serial}"`);
  const sum = S10_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(serial[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** Accepts lowercase and the spaces people type in (`rr 473 124 829 gb`); returns the canonical form. */
export function validatePostalItemId(input: string): ValidationResult<PostalItemId> {
  const canonical = input.replace(/\s+/g, '').toUpperCase();
  const match = S10_PATTERN.exec(canonical);
  if (!match) {
    return invalid(
      'postal-item-id.format',
      `Postal item id must be 2 letters, 9 digits and 2 letters (e.g. RR473124829VN), got "${input}"`,
      `Số hiệu bưu gửi phải gồm 2 chữ cái, 9 chữ số và 2 chữ cái (ví dụ RR473124829VN): "${input}"`,
    );
  }
  const expected = postalItemCheckDigit(match[2]);
  if (expected !== Number(match[3])) {
    return invalid(
      'postal-item-id.check-digit',
      `Postal item id ${canonical} has check digit ${match[3]}, expected ${expected}`,
      `Số hiệu bưu gửi ${canonical} sai chữ số kiểm tra: kiểm tra lại mã vạch hoặc nhập lại`,
    );
  }
  return valid(canonical as PostalItemId);
}

export function isPostalItemId(input: string): boolean {
  return validatePostalItemId(input).ok;
}

export function parsePostalItemId(input: string): PostalItemIdParts {
  const id = orThrow(validatePostalItemId(input));
  return {
    serviceIndicator: id.slice(0, 2),
    serial: id.slice(2, 10),
    checkDigit: Number(id[10]),
    countryCode: id.slice(11, 13),
  };
}

/** Formats the human-readable form with the customary grouping: `RR 473 124 829 VN`. */
export function formatPostalItemId(id: PostalItemId): string {
  return `${id.slice(0, 2)} ${id.slice(2, 5)} ${id.slice(5, 8)} ${id.slice(8, 11)} ${id.slice(11)}`;
}

/**
 * Builds an id from a service indicator, a serial (number or 8-digit string, zero-padded) and the
 * country, computing the check digit. Serials come from the postal operator's allocated ranges.
 */
export function generatePostalItemId(serviceIndicator: string, serial: number | string, countryCode = 'VN'): PostalItemId {
  const prefix = serviceIndicator.toUpperCase();
  const country = countryCode.toUpperCase();
  if (!/^[A-Z]{2}$/.test(prefix)) throw new RangeError(`S10 service indicator must be 2 letters, got "${serviceIndicator}"`);
  if (!/^[A-Z]{2}$/.test(country)) throw new RangeError(`S10 country code must be 2 letters, got "${countryCode}"`);
  const digits = typeof serial === 'number' ? serialFromNumber(serial) : serial;
  return `${prefix}${digits}${postalItemCheckDigit(digits)}${country}` as PostalItemId;
}

function serialFromNumber(serial: number): string {
  if (!Number.isInteger(serial) || serial < 0 || serial > 99_999_999) {
    throw new RangeError(`S10 serial must be an integer between 0 and 99999999, got ${serial}`);
  }
  return String(serial).padStart(8, '0');
}
