import type { ColumnType } from './csv-columns';

export type CellResult = { readonly value: unknown } | { readonly error: string };

const fold = (text: string) => text.trim().toLowerCase().normalize('NFC');

/** `dd/mm/yyyy` is how Vietnamese spreadsheets show dates; the catalog stores ISO days. */
export function convertDate(text: string): CellResult {
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (vn) return { value: `${vn[3]}-${vn[2].padStart(2, '0')}-${vn[1].padStart(2, '0')}` };
  // Anything else goes to the record validator, which says what a valid date looks like.
  return { value: text };
}

/**
 * Integer VND. Thousands may be grouped with dots, commas or spaces ("200.000", "200,000") and a
 * trailing "đ", "đồng" or "VND" is allowed; a decimal part is refused, since VND has no minor unit and
 * "200.5" is more likely a typo than a price.
 */
export function convertMoney(text: string): CellResult {
  const bare = text.replace(/\s*(đ|đồng|vnd|vnđ)$/i, '').trim();
  if (/^\d+$/.test(bare)) return { value: Number(bare) };
  const grouped = /^\d{1,3}([., ])\d{3}(\1\d{3})*$/.exec(bare);
  if (grouped) return { value: Number(bare.replace(/[., ]/g, '')) };
  return { error: `số tiền phải là số nguyên VND (ví dụ 200000 hoặc 200.000), không có phần lẻ; nhận được "${text}"` };
}

export function convertInteger(text: string): CellResult {
  if (/^\d+$/.test(text)) return { value: Number(text) };
  return { error: `phải là số nguyên không âm; nhận được "${text}"` };
}

const TRUE_WORDS = ['true', '1', 'x', 'có', 'yes'];
const FALSE_WORDS = ['false', '0', 'không', 'no'];

export function convertBoolean(text: string): CellResult {
  const word = fold(text);
  if (TRUE_WORDS.includes(word)) return { value: true };
  if (FALSE_WORDS.includes(word)) return { value: false };
  return { error: `phải là có/không (true/false); nhận được "${text}"` };
}

/** `1;2;3` — the QĐ 45 Đ5 service forms offered. */
export function convertServiceForms(text: string): CellResult {
  const parts = text.split(/[;,\s]+/).filter(Boolean);
  if (!parts.every((part) => /^\d+$/.test(part))) return { error: `phải là danh sách số 1, 2, 3 cách nhau bởi dấu chấm phẩy; nhận được "${text}"` };
  return { value: parts.map(Number) };
}

/** `000.00.13.H65@2020-01-01..2025-06-30; 000.00.13.H39@2025-07-01..` — an empty end means open. */
export function convertCompetentAgencies(text: string): CellResult {
  const items = text.split(';').map((item) => item.trim()).filter(Boolean);
  const value: unknown[] = [];
  for (const [index, item] of items.entries()) {
    const match = /^([^@\s]+)\s*@\s*([^.\s][^\s]*?)\s*\.\.\s*(\S*)$/.exec(item);
    if (!match) return { error: `mục ${index + 1} "${item}" phải có dạng MÃ_CƠ_QUAN@TỪ_NGÀY..ĐẾN_NGÀY (đến ngày có thể để trống)` };
    const from = convertDate(match[2]) as { value: string };
    const to = match[3] === '' ? null : (convertDate(match[3]) as { value: string }).value;
    value.push({ agencyId: match[1], validFrom: from.value, validTo: to });
  }
  return { value };
}

const REQUIRED_WORDS: Record<string, boolean> = {
  'bắt buộc': true,
  required: true,
  'không bắt buộc': false,
  'tùy chọn': false,
  'tuỳ chọn': false,
  optional: false,
};
const FORM_WORDS: Record<string, readonly string[]> = {
  chính: ['original'],
  'bản chính': ['original'],
  original: ['original'],
  sao: ['copy'],
  'bản sao': ['copy'],
  copy: ['copy'],
  'chính/sao': ['original', 'copy'],
  'chính hoặc sao': ['original', 'copy'],
  'original/copy': ['original', 'copy'],
};

/**
 * The checklist in one cell: components separated by `;`, each
 * `tên giấy tờ | bắt buộc/tùy chọn | chính/sao/chính hoặc sao | số lượng` (count optional, default 1).
 */
export function convertComponents(text: string): CellResult {
  const items = text.split(';').map((item) => item.trim()).filter(Boolean);
  const value: unknown[] = [];
  for (const [index, item] of items.entries()) {
    const parts = item.split('|').map((part) => part.trim());
    if (parts.length < 3 || parts.length > 4) {
      return { error: `thành phần ${index + 1} "${item}" phải có dạng "tên | bắt buộc/tùy chọn | chính/sao/chính hoặc sao | số lượng"` };
    }
    const [name, requiredWord, formWord, countText = '1'] = parts;
    const required = REQUIRED_WORDS[fold(requiredWord)];
    if (required === undefined) return { error: `thành phần ${index + 1}: "${requiredWord}" phải là "bắt buộc" hoặc "tùy chọn"` };
    const accepts = FORM_WORDS[fold(formWord)];
    if (!accepts) return { error: `thành phần ${index + 1}: "${formWord}" phải là "chính", "sao" hoặc "chính hoặc sao"` };
    if (!/^\d+$/.test(countText)) return { error: `thành phần ${index + 1}: số lượng "${countText}" phải là số nguyên` };
    value.push({ name, required, accepts, count: Number(countText) });
  }
  return { value };
}

export function convertCell(type: ColumnType, text: string): CellResult {
  switch (type) {
    case 'string':
      return { value: text };
    case 'integer':
      return convertInteger(text);
    case 'money':
      return convertMoney(text);
    case 'date':
      return convertDate(text);
    case 'boolean':
      return convertBoolean(text);
    case 'service-forms':
      return convertServiceForms(text);
    case 'components':
      return convertComponents(text);
    case 'competent-agencies':
      return convertCompetentAgencies(text);
  }
}
