/**
 * The UPU S10 postal item id printed as Code 128 on the sending slip (`EB000000014VN`): 2 letters,
 * an 8-digit serial, a check digit, 2 letters for the country. Checked here, before anything is sent,
 * so a misread barcode is caught while the item is still in the courier's hand. Same rule as the
 * kernel's postal-item-id.ts (weights 8,6,4,2,3,5,9,7; c = 11 − (Σ mod 11); 10 → 0, 11 → 5).
 */
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];
const PATTERN = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;

export type S10Check = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly messageVi: string };

function checkDigitOf(serial: string): number {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(serial[index]), 0);
  const digit = 11 - (sum % 11);
  return digit === 10 ? 0 : digit === 11 ? 5 : digit;
}

/** Accepts what a scanner or a person types (lower case, spaces) and answers the canonical id or why not. */
export function checkS10(input: string): S10Check {
  const id = input.replace(/\s+/g, '').toUpperCase();
  const match = PATTERN.exec(id);
  if (!match) {
    return { ok: false, messageVi: `"${input.trim()}" không phải số hiệu bưu gửi S10: cần 2 chữ cái, 9 chữ số và 2 chữ cái (ví dụ EB000000014VN).` };
  }
  if (checkDigitOf(match[2]!) !== Number(match[3])) {
    return { ok: false, messageVi: `Số hiệu ${id} sai chữ số kiểm tra: mã vạch đọc nhầm hoặc gõ sai, hãy quét hoặc nhập lại.` };
  }
  return { ok: true, id };
}
