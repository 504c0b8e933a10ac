import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/** National postal code (mã bưu chính, TT 07/2017/TT-BTTTT): 5 digits; also names a postal point. */
export type PostalCode = string & { readonly __brand: 'PostalCode' };

export function validatePostalCode(input: string): ValidationResult<PostalCode> {
  const canonical = input.trim();
  if (!/^\d{5}$/.test(canonical)) {
    return invalid(
      'postal-code.format',
      `Postal code must be exactly 5 digits, got "${input}"`,
      `Mã bưu chính phải gồm đúng 5 chữ số: "${input}"`,
    );
  }
  return valid(canonical as PostalCode);
}

export function parsePostalCode(input: string): PostalCode {
  return orThrow(validatePostalCode(input));
}
