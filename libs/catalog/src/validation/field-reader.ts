import { isIsoDate, type EffectivePeriod, type IsoDate } from '../model/effective-date';
import type { RecordIssue } from './validation-issue';

type Check = (value: string) => string | null;

/**
 * Reads the fields of one untrusted record, collecting every problem instead of stopping at the first,
 * so an importer can tell the province everything wrong with a row in one pass.
 */
export class FieldReader {
  readonly issues: RecordIssue[] = [];
  private readonly seen = new Set<string>();
  private readonly record: Record<string, unknown>;

  constructor(
    raw: unknown,
    private readonly prefix = '',
  ) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      this.issues.push({ field: prefix.replace(/\.$/, '') || null, message: 'phải là một đối tượng JSON' });
      this.record = {};
    } else {
      this.record = raw as Record<string, unknown>;
    }
  }

  get isObject(): boolean {
    return !(this.issues.length > 0 && Object.keys(this.record).length === 0);
  }

  report(field: string, message: string): void {
    this.issues.push({ field: this.prefix + field, message });
  }

  raw(field: string): unknown {
    this.seen.add(field);
    return this.record[field];
  }

  string(field: string, check?: Check): string {
    const value = this.raw(field);
    if (typeof value !== 'string' || value.trim() === '') {
      this.report(field, 'bắt buộc, phải là chuỗi không rỗng');
      return '';
    }
    const trimmed = value.trim();
    const problem = check?.(trimmed);
    if (problem) this.report(field, problem);
    return trimmed;
  }

  optionalString(field: string, check?: Check): string | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      this.report(field, 'phải là chuỗi hoặc để trống');
      return null;
    }
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const problem = check?.(trimmed);
    if (problem) this.report(field, problem);
    return trimmed;
  }

  oneOf<T extends string | number>(field: string, allowed: readonly T[]): T {
    const value = this.raw(field);
    if (!allowed.includes(value as T)) {
      this.report(field, `phải là một trong ${allowed.map((a) => JSON.stringify(a)).join(', ')}; nhận được ${show(value)}`);
      return allowed[0];
    }
    return value as T;
  }

  optionalOneOf<T extends string>(field: string, allowed: readonly T[]): T | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    return this.oneOf(field, allowed);
  }

  integer(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(field);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `từ ${min} đến ${max}`;
      this.report(field, `phải là số nguyên ${range}; nhận được ${show(value)}`);
      return min;
    }
    return value;
  }

  optionalInteger(field: string, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    return this.integer(field, min, max);
  }

  boolean(field: string, fallback?: boolean): boolean {
    const value = this.raw(field);
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'boolean') {
      this.report(field, `phải là true hoặc false; nhận được ${show(value)}`);
      return fallback ?? false;
    }
    return value;
  }

  date(field: string): IsoDate {
    const value = this.raw(field);
    if (!isIsoDate(value)) {
      this.report(field, `phải là ngày có thật dạng YYYY-MM-DD; nhận được ${show(value)}`);
      return '0000-01-01';
    }
    return value;
  }

  optionalDate(field: string): IsoDate | null {
    const value = this.raw(field);
    if (value === undefined || value === null || value === '') return null;
    return this.date(field);
  }

  /** validFrom / validTo, checking the period is not inverted. */
  period(): EffectivePeriod {
    const before = this.issues.length;
    const validFrom = this.date('validFrom');
    const validTo = this.optionalDate('validTo');
    if (this.issues.length === before && validTo !== null && validTo < validFrom) {
      this.report('validTo', `ngày hết hiệu lực ${validTo} trước ngày bắt đầu hiệu lực ${validFrom}`);
    }
    return { validFrom, validTo };
  }

  array(field: string): unknown[] {
    const value = this.raw(field);
    if (!Array.isArray(value)) {
      this.report(field, `phải là một danh sách; nhận được ${show(value)}`);
      return [];
    }
    return value;
  }

  /** A nested record read with its own reader, issues prefixed by the path. */
  nested(field: string): FieldReader {
    this.seen.add(field);
    const child = new FieldReader(this.record[field], `${this.prefix}${field}.`);
    return child;
  }

  absorb(child: FieldReader): void {
    child.rejectUnknownFields();
    this.issues.push(...child.issues);
  }

  /** Unknown fields are usually typos of known ones; silently dropping them would lose data. */
  rejectUnknownFields(): void {
    for (const key of Object.keys(this.record)) {
      if (!this.seen.has(key)) this.report(key, 'trường không xác định');
    }
  }
}

export function show(value: unknown): string {
  if (value === undefined) return '(trống)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
