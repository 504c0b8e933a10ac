import { isPhoneNumber, parsePhoneNumber, phoneNumberKind, toE164, validatePhoneNumber } from './phone-number';

describe('Vietnamese phone number', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['091 234 5678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['+84912345678', '0912345678'],
    ['+84 91 234 5678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0084912345678', '0912345678'],
    ['0381234567', '0381234567'],
    ['(024) 3824 1234', '02438241234'],
  ])('normalises %p to %p', (input, expected) => {
    expect(validatePhoneNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['091234567', '09123456789', '0112345678', '0612345678', '+8491234567', 'abc', '', '1912345678'])('rejects %p', (input) => {
    expect(isPhoneNumber(input)).toBe(false);
  });

  it('gives the kind and E.164 form', () => {
    const mobile = parsePhoneNumber('+84 912 345 678');
    expect(phoneNumberKind(mobile)).toBe('mobile');
    expect(toE164(mobile)).toBe('+84912345678');
    expect(phoneNumberKind(parsePhoneNumber('02438241234'))).toBe('landline');
  });

  it('explains in Vietnamese', () => {
    const result = validatePhoneNumber('12345');
    expect(!result.ok && result.issue.messageVi).toMatch(/Số điện thoại không hợp lệ/);
  });
});
