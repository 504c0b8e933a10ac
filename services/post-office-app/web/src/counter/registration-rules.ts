/**
 * The counter's own checks of a registration, written after intake's rules (register-dossier.request.dto.ts,
 * domain/personal-data.ts, registration.ts, fees.ts, checklist.ts) so the clerk sees a mistake while typing
 * instead of after a round trip. Intake still decides: its 400 field messages are shown next to the same
 * fields, keyed by the same paths ('applicant.phone', 'components[0].count'…).
 */

/** "Nguyễn Văn Đức" → "nguyen van duc": how the procedure search ignores accents and case. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const tidy = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim();

export function checkFullName(value: string, who: string): string | undefined {
  const name = tidy(value);
  if (!name) return `Nhập họ và tên ${who}.`;
  // Letters, spaces, apostrophes and hyphens only: a digit means the clerk typed into the wrong field.
  if (name.length < 2 || name.length > 100 || !/^[\p{L}\p{M}' .-]+$/u.test(name)) return 'Họ và tên phải gồm 2 đến 100 chữ cái, không có chữ số.';
  return undefined;
}

/** The national form of a phone number (0xxxxxxxxx), or undefined when it is not one. */
export function normalisePhone(value: string): string | undefined {
  let digits = value.trim().replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  return /^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits) ? digits : undefined;
}

export function checkPhone(value: string, who: string): string | undefined {
  if (!value.trim()) return `Nhập số điện thoại ${who}.`;
  if (!normalisePhone(value)) return 'Số điện thoại không hợp lệ: di động gồm 10 số bắt đầu bằng 03, 05, 07, 08, 09 (hoặc +84).';
  return undefined;
}

export function checkAddress(value: string, who: string): string | undefined {
  const address = tidy(value);
  if (!address) return `Nhập địa chỉ ${who}.`;
  if (address.length < 5 || address.length > 300) return 'Địa chỉ phải có từ 5 đến 300 ký tự (số nhà, thôn/tổ, xã/phường, tỉnh).';
  return undefined;
}

export function checkIdentityNumber(kind: 'cccd' | 'passport', value: string, thisYear = new Date().getFullYear()): string | undefined {
  if (!value.trim()) return kind === 'cccd' ? 'Nhập số CCCD/định danh cá nhân (12 chữ số).' : 'Nhập số hộ chiếu.';
  if (kind === 'passport') {
    const number = value.replace(/\s+/g, '').toUpperCase();
    return /^(?=.*\d)[A-Z0-9]{6,12}$/.test(number) ? undefined : 'Số hộ chiếu không hợp lệ: gồm 6 đến 12 chữ cái và chữ số (hộ chiếu Việt Nam: 1 chữ cái và 7 chữ số).';
  }
  const digits = value.replace(/[\s.-]/g, '');
  if (!/^\d{12}$/.test(digits)) return 'Số CCCD/định danh cá nhân phải gồm đúng 12 chữ số. Vui lòng kiểm tra lại thẻ.';
  const province = Number(digits.slice(0, 3));
  if (province < 1 || province > 96) return `Số CCCD không đúng: 3 số đầu (${digits.slice(0, 3)}) không phải mã tỉnh nơi đăng ký khai sinh.`;
  // 4th digit: sex and century (0/1 → 1900s, 2/3 → 2000s…); with the next two it is the year of birth.
  const birthYear = 1900 + Math.floor(Number(digits[3]) / 2) * 100 + Number(digits.slice(4, 6));
  if (birthYear > thisYear) return 'Số CCCD không đúng: chữ số giới tính và năm sinh (số thứ 4 đến thứ 6) không hợp lệ.';
  return undefined;
}

export function normaliseSealNumber(value: string): string {
  return value.trim().toUpperCase();
}

export function checkSealNumber(value: string): string | undefined {
  return /^[A-Z0-9][A-Z0-9-]{0,29}$/.test(normaliseSealNumber(value)) ? undefined : 'Nhập số niêm phong của túi hồ sơ (1–30 chữ cái, chữ số hoặc dấu gạch ngang).';
}

export function checkAgencyDossierCode(value: string): string | undefined {
  const code = value.trim();
  if (!code) return 'Hình thức nhận kết quả cần mã hồ sơ do cơ quan cấp.';
  if (code.length > 60 || !/^\S+-\d{6}-\d{4}$/.test(code)) return 'Mã hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX, ví dụ 000.00.13.H39-261206-0042.';
  return undefined;
}

export function checkPostalCode(value: string): string | undefined {
  if (!value.trim()) return undefined; // empty: the result comes back to this postal point
  return /^\d{5}$/.test(value.trim()) ? undefined : 'Mã bưu chính gồm 5 chữ số.';
}

/** Postage for one leg is tens of thousands of đồng; intake refuses more than 5 million as a typing slip. */
export const POSTAGE_CEILING_VND = 5_000_000;

export function checkPostage(value: string, what: string): string | undefined {
  if (!value.trim()) return `Nhập ${what} (ghi 0 nếu không thu).`;
  const amount = Number(value);
  if (!Number.isInteger(amount) || amount < 0) return `${what} phải là số đồng nguyên, không âm.`;
  if (amount > POSTAGE_CEILING_VND) return `${what} không được quá ${POSTAGE_CEILING_VND.toLocaleString('vi-VN')} ₫.`;
  return undefined;
}

/** One bundle rarely exceeds a few copies; intake refuses more than 100. */
export function checkComponentCount(value: string): string | undefined {
  const count = Number(value);
  return Number.isInteger(count) && count >= 1 && count <= 100 ? undefined : 'Số lượng phải là số nguyên từ 1 đến 100.';
}
