import { parseCsv } from '@bcci/catalog';
import { isLocalDate, type LocalDate } from '@bcci/kernel';

/**
 * All-channel totals from an agency's one-stop system (domain.md §6): per agency and procedure, the
 * dossiers received (by channel when known) and resolved in one period. The whole file is checked
 * before anything is written, and every bad row is reported with its line (CSV) or row number (JSON).
 */
export interface DenominatorRow {
  readonly agencyId: string;
  readonly procedureCode: string;
  readonly received: number;
  readonly resolved: number;
  readonly receivedByChannel?: { readonly inPerson?: number; readonly online?: number; readonly bcci?: number };
}

export interface DenominatorImport {
  readonly periodStart: LocalDate;
  readonly periodEnd: LocalDate;
  readonly provinceCode?: string;
  readonly rows: readonly DenominatorRow[];
}

export interface RowProblem {
  /** CSV: the file line; JSON: null. */
  readonly line: number | null;
  /** 1-based data row (header not counted); null for a problem of the whole file. */
  readonly row: number | null;
  readonly field?: string;
  readonly message: string;
  readonly messageVi: string;
}

export type ParsedImport = { ok: true; value: DenominatorImport } | { ok: false; problems: RowProblem[] };

export const MAX_DENOMINATOR_ROWS = 5000;
const AGENCY_ID = /^[0-9A-Z.]{1,35}$/;
const PROCEDURE_CODE = /^\d{1,2}\.\d{6}(\.[0-9A-Z][0-9A-Z.]{0,34})?$/;
const PROVINCE_CODE = /^\d{2}$/;
const CHANNELS = { inPerson: 'receivedInPerson', online: 'receivedOnline', bcci: 'receivedBcci' } as const;

/** CSV header names (English field names, or the Vietnamese ones a one-stop system exports). */
const CSV_ALIASES: Readonly<Record<string, string>> = {
  agencyid: 'agencyId', 'ma_co_quan': 'agencyId', 'mã cơ quan': 'agencyId',
  procedurecode: 'procedureCode', 'ma_tthc': 'procedureCode', 'mã tthc': 'procedureCode',
  received: 'received', 'tiep_nhan': 'received', 'tiếp nhận': 'received',
  resolved: 'resolved', 'da_giai_quyet': 'resolved', 'đã giải quyết': 'resolved',
  receivedinperson: 'receivedInPerson', 'truc_tiep': 'receivedInPerson', 'trực tiếp': 'receivedInPerson',
  receivedonline: 'receivedOnline', 'truc_tuyen': 'receivedOnline', 'trực tuyến': 'receivedOnline',
  receivedbcci: 'receivedBcci', bcci: 'receivedBcci',
};

interface RawRow {
  readonly line: number | null;
  readonly row: number;
  readonly fields: Readonly<Record<string, unknown>>;
}

export function checkPeriod(periodStart: unknown, periodEnd: unknown, provinceCode: unknown): RowProblem[] {
  const problems: RowProblem[] = [];
  const whole = (field: string, message: string, messageVi: string) => problems.push({ line: null, row: null, field, message, messageVi });
  if (!isLocalDate(periodStart)) whole('periodStart', 'periodStart must be a date YYYY-MM-DD', 'Ngày đầu kỳ phải có dạng YYYY-MM-DD');
  if (!isLocalDate(periodEnd)) whole('periodEnd', 'periodEnd must be a date YYYY-MM-DD', 'Ngày cuối kỳ phải có dạng YYYY-MM-DD');
  if (isLocalDate(periodStart) && isLocalDate(periodEnd) && periodEnd < periodStart)
    whole('periodEnd', 'periodEnd is before periodStart', 'Ngày cuối kỳ trước ngày đầu kỳ');
  if (provinceCode !== undefined && provinceCode !== null && provinceCode !== '' && !(typeof provinceCode === 'string' && PROVINCE_CODE.test(provinceCode)))
    whole('provinceCode', 'provinceCode must be 2 digits', 'Mã tỉnh phải gồm 2 chữ số');
  return problems;
}

function parseCount(value: unknown, required: boolean): { ok: true; value: number | undefined } | { ok: false } {
  if (value === undefined || value === null || value === '') return required ? { ok: false } : { ok: true, value: undefined };
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().replace(/[.,\s](?=\d{3}\b)/g, '') : '';
  if (!/^\d{1,9}$/.test(text)) return { ok: false };
  return { ok: true, value: Number(text) };
}

function checkRows(raw: readonly RawRow[]): { rows: DenominatorRow[]; problems: RowProblem[] } {
  const rows: DenominatorRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, row, fields } of raw) {
    const at = (field: string, message: string, messageVi: string) => problems.push({ line, row, field, message, messageVi });
    const before = problems.length;
    const agencyId = typeof fields.agencyId === 'string' ? fields.agencyId.trim() : '';
    const procedureCode = typeof fields.procedureCode === 'string' ? fields.procedureCode.trim() : '';
    if (!AGENCY_ID.test(agencyId)) at('agencyId', `bad agency id "${agencyId}"`, `Mã cơ quan "${agencyId}" không hợp lệ`);
    if (!PROCEDURE_CODE.test(procedureCode)) at('procedureCode', `bad procedure code "${procedureCode}"`, `Mã thủ tục "${procedureCode}" không hợp lệ`);
    const received = parseCount(fields.received, true);
    const resolved = parseCount(fields.resolved, true);
    if (!received.ok) at('received', 'received must be a whole number ≥ 0', 'Số tiếp nhận phải là số nguyên không âm');
    if (!resolved.ok) at('resolved', 'resolved must be a whole number ≥ 0', 'Số đã giải quyết phải là số nguyên không âm');
    const byChannel: Record<string, number> = {};
    for (const [channel, field] of Object.entries(CHANNELS)) {
      const parsed = parseCount(fields[field], false);
      if (!parsed.ok) at(field, `${field} must be a whole number ≥ 0`, `Số tiếp nhận theo kênh (${field}) phải là số nguyên không âm`);
      else if (parsed.value !== undefined) byChannel[channel] = parsed.value;
    }
    const channelTotal = Object.values(byChannel).reduce((a, b) => a + b, 0);
    if (received.ok && received.value !== undefined && channelTotal > received.value)
      at('received', `channels add up to ${channelTotal}, more than received (${received.value})`, `Tổng theo kênh (${channelTotal}) lớn hơn số tiếp nhận (${received.value})`);
    const key = `${agencyId}|${procedureCode}`;
    const first = seen.get(key);
    if (first !== undefined) at('procedureCode', `duplicate of row ${first} (same agency and procedure)`, `Trùng dòng ${first} (cùng cơ quan và thủ tục)`);
    else seen.set(key, row);
    if (problems.length === before && received.ok && resolved.ok) {
      rows.push({
        agencyId,
        procedureCode,
        received: received.value as number,
        resolved: resolved.value as number,
        ...(Object.keys(byChannel).length > 0 ? { receivedByChannel: byChannel } : {}),
      });
    }
  }
  return { rows, problems };
}

function finish(period: { periodStart: unknown; periodEnd: unknown; provinceCode: unknown }, raw: RawRow[], extra: RowProblem[]): ParsedImport {
  const problems = [...checkPeriod(period.periodStart, period.periodEnd, period.provinceCode), ...extra];
  if (raw.length === 0 && extra.length === 0) problems.push({ line: null, row: null, message: 'no rows', messageVi: 'Tệp không có dòng số liệu nào' });
  if (raw.length > MAX_DENOMINATOR_ROWS)
    problems.push({ line: null, row: null, message: `at most ${MAX_DENOMINATOR_ROWS} rows per import`, messageVi: `Mỗi lần nhập tối đa ${MAX_DENOMINATOR_ROWS} dòng` });
  const checked = checkRows(raw);
  problems.push(...checked.problems);
  if (problems.length > 0) return { ok: false, problems };
  const provinceCode = typeof period.provinceCode === 'string' && period.provinceCode !== '' ? period.provinceCode : undefined;
  return { ok: true, value: { periodStart: period.periodStart as LocalDate, periodEnd: period.periodEnd as LocalDate, ...(provinceCode ? { provinceCode } : {}), rows: checked.rows } };
}

/** A CSV file with a header row; the period and province come with the upload (query parameters). */
export function parseDenominatorCsv(text: string, period: { periodStart: unknown; periodEnd: unknown; provinceCode?: unknown }): ParsedImport {
  const parsed = parseCsv(text, text.split(/\r?\n/, 1)[0]?.includes(';') ? ';' : ',');
  const problems: RowProblem[] = parsed.problems.map((p) => ({ line: p.line, row: null, message: p.message, messageVi: `Dòng ${p.line}: ${p.message}` }));
  const [header, ...data] = parsed.rows;
  const raw: RawRow[] = [];
  if (header) {
    const columns = header.values.map((name) => CSV_ALIASES[name.trim().toLowerCase().normalize('NFC')] ?? name.trim());
    for (const required of ['agencyId', 'procedureCode', 'received', 'resolved'])
      if (!columns.includes(required))
        problems.push({ line: header.line, row: null, field: required, message: `missing column ${required}`, messageVi: `Thiếu cột ${required}` });
    data.forEach((csvRow, index) => {
      const fields: Record<string, unknown> = {};
      columns.forEach((column, i) => (fields[column] = csvRow.values[i] ?? ''));
      if (csvRow.values.length !== columns.length)
        problems.push({ line: csvRow.line, row: index + 1, message: `expected ${columns.length} fields, found ${csvRow.values.length}`, messageVi: `Dòng có ${csvRow.values.length} cột, cần ${columns.length}` });
      raw.push({ line: csvRow.line, row: index + 1, fields });
    });
  }
  if (problems.some((p) => p.row === null && p.line !== null)) return { ok: false, problems: [...checkPeriod(period.periodStart, period.periodEnd, period.provinceCode), ...problems] };
  return finish({ periodStart: period.periodStart, periodEnd: period.periodEnd, provinceCode: period.provinceCode }, raw, problems);
}

/** The JSON API / JSON file: `{ periodStart, periodEnd, provinceCode?, rows: [{ agencyId, procedureCode, received, resolved, receivedByChannel? }] }`. */
export function parseDenominatorJson(body: unknown): ParsedImport {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { ok: false, problems: [{ line: null, row: null, message: 'body must be a JSON object', messageVi: 'Dữ liệu phải là một đối tượng JSON' }] };
  const input = body as Record<string, unknown>;
  const rows = Array.isArray(input.rows) ? input.rows : [];
  const extra: RowProblem[] = Array.isArray(input.rows) ? [] : [{ line: null, row: null, field: 'rows', message: 'rows must be an array', messageVi: 'Thiếu danh sách dòng (rows)' }];
  const raw: RawRow[] = rows.map((item, index) => {
    const fields = item !== null && typeof item === 'object' ? { ...(item as Record<string, unknown>) } : {};
    const channels = fields.receivedByChannel;
    if (channels !== null && typeof channels === 'object') {
      const c = channels as Record<string, unknown>;
      Object.assign(fields, { receivedInPerson: c.inPerson, receivedOnline: c.online, receivedBcci: c.bcci });
    }
    return { line: null, row: index + 1, fields };
  });
  return finish({ periodStart: input.periodStart, periodEnd: input.periodEnd, provinceCode: input.provinceCode }, raw, extra);
}
