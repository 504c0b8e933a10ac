import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * The default ceiling for one amount (1,000,000,000 đ). No fee or postage for a single dossier comes
 * near it; an amount above it is almost certainly a typo (extra zeros) and is refused at the edge.
 */
export const DEFAULT_VND_CEILING = 1_000_000_000;

export interface VndAmountOptions {
  /** Largest accepted amount in đồng, inclusive. */
  readonly ceiling?: number;
}

/**
 * An amount of Vietnamese đồng. The đồng has no subunit in use, so amounts are whole numbers and
 * stored as integers: no floating-point cents, no rounding. Zero is allowed (many procedures are free).
 */
export class VndAmount {
  private constructor(readonly dong: number) {}

  static readonly ZERO = new VndAmount(0);

  static validate(value: number, options: VndAmountOptions = {}): ValidationResult<VndAmount> {
    const ceiling = options.ceiling ?? DEFAULT_VND_CEILING;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      return invalid('vnd.not-integer', `VND amount must be a whole number of đồng, got ${value}`, `Số tiền phải là số nguyên đồng: ${value}`);
    }
    if (value < 0) {
      return invalid('vnd.negative', `VND amount must not be negative, got ${value}`, `Số tiền không được âm: ${value}`);
    }
    if (value > ceiling) {
      return invalid(
        'vnd.too-large',
        `VND amount ${value} exceeds the ceiling of ${ceiling}`,
        `Số tiền ${formatDong(value)} vượt mức tối đa cho phép ${formatDong(ceiling)}: kiểm tra lại số tiền`,
      );
    }
    return valid(new VndAmount(value));
  }

  /** Throws a DomainValidationError for a non-integer, negative or above-ceiling amount. */
  static of(value: number, options?: VndAmountOptions): VndAmount {
    return orThrow(VndAmount.validate(value, options));
  }

  /**
   * Sums are not held to the per-amount ceiling (a day's remittance legitimately exceeds it), only to
   * exact integer arithmetic.
   */
  plus(other: VndAmount): VndAmount {
    const sum = this.dong + other.dong;
    if (!Number.isSafeInteger(sum)) throw new RangeError('VND sum exceeds exact integer range');
    return new VndAmount(sum);
  }

  static sum(amounts: Iterable<VndAmount>): VndAmount {
    let total = VndAmount.ZERO;
    for (const amount of amounts) total = total.plus(amount);
    return total;
  }

  equals(other: VndAmount): boolean {
    return this.dong === other.dong;
  }

  /** `1.250.000 ₫`: dot thousands separator, as printed on Vietnamese receipts. */
  format(): string {
    return formatDong(this.dong);
  }

  toString(): string {
    return this.format();
  }

  /** Serialises as the plain integer, the form used in events and the database. */
  toJSON(): number {
    return this.dong;
  }
}

function formatDong(value: number): string {
  return `${String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}
