import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/** A Vietnamese phone number in national form: `0` + 9 digits (mobile) or `02` + 9 digits (landline). */
export type PhoneNumber = string & { readonly __brand: 'PhoneNumber' };

export type PhoneNumberKind = 'mobile' | 'landline';

/** Mobile networks use 03x, 05x, 07x, 08x, 09x since the 2018 renumbering; landlines 02x with 11 digits. */
const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * Accepts what people write: spaces, dots, dashes, parentheses, and the country code as `+84`, `84`
 * or `0084`; returns the national form (`0912345678`).
 */
export function validatePhoneNumber(input: string): ValidationResult<PhoneNumber> {
  let digits = input.trim().replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0084')) digits = '0' + digits.slice(4);
  else if (/^84\d{9,10}$/.test(digits)) digits = '0' + digits.slice(2);
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return valid(digits as PhoneNumber);
  return invalid(
    'phone-number.format',
    `Not a Vietnamese phone number (10-digit mobile starting 03/05/07/08/09, 11-digit landline starting 02, or +84…): "${input}"`,
    `Số điện thoại không hợp lệ: di động gồm 10 số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84): "${input}"`,
  );
}

export function isPhoneNumber(input: string): boolean {
  return validatePhoneNumber(input).ok;
}

export function parsePhoneNumber(input: string): PhoneNumber {
  return orThrow(validatePhoneNumber(input));
}

export function phoneNumberKind(phone: PhoneNumber): PhoneNumberKind {
  return phone.startsWith('02') ? 'landline' : 'mobile';
}

/** E.164 form for SMS gateways: `+84912345678`. */
export function toE164(phone: PhoneNumber): string {
  return '+84' + phone.slice(1);
}
