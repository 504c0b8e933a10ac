export type IdentityDocumentType = 'CCCD' | 'PASSPORT';

/**
 * The number on the card the recipient shows, checked for its form only: a CCCD has 12 digits, a
 * Vietnamese passport a letter and 7 digits. The number itself never leaves this screen: the service
 * keeps only the document type and the match (its request refuses any number field), so no ID
 * number lands in events, logs or the outbox.
 */
export function identityNumberProblem(type: IdentityDocumentType, number: string): string | undefined {
  const value = number.replace(/\s+/g, '').toUpperCase();
  if (!value) return 'Nhập số giấy tờ tuỳ thân đọc trên giấy tờ người nhận xuất trình.';
  if (type === 'CCCD' && !/^\d{12}$/.test(value)) return 'Số căn cước công dân gồm 12 chữ số.';
  if (type === 'PASSPORT' && !/^[A-Z]\d{7,8}$/.test(value)) return 'Số hộ chiếu gồm 1 chữ cái và 7–8 chữ số.';
  return undefined;
}
