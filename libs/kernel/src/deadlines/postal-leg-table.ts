import legsData from './postal-legs.json';
import { compareLocalDates, isLocalDate, type LocalDate } from '../time/local-date';

/**
 * The postal journey's geographic scope, which sets n in J + n (TT 17/2017 Đ7.2). The names are
 * neutral on purpose: what "local unit" means changed on 01/07/2025 and may change again, so the
 * meaning lives in the effective-dated data, not in these names.
 */
export type PostalLegKind = 'within-local-unit' | 'within-province' | 'between-major-cities' | 'between-provinces';

export const POSTAL_LEG_KINDS: readonly PostalLegKind[] = [
  'within-local-unit',
  'within-province',
  'between-major-cities',
  'between-provinces',
];

export interface PostalLegLimit {
  /** n for carrying a dossier or a result. */
  readonly n: number;
  /** n when an appointment slip or notice of the result date must also reach the applicant. */
  readonly nWithAppointmentNotice: number;
  readonly label: string;
}

export interface PostalLegPeriod {
  readonly validFrom: LocalDate;
  /** Inclusive; null while in force. */
  readonly validTo: LocalDate | null;
  readonly note: string;
  readonly legs: Readonly<Record<PostalLegKind, PostalLegLimit>>;
}

export class PostalLegTable {
  constructor(readonly periods: readonly PostalLegPeriod[]) {
    const sorted = [...periods].sort((a, b) => compareLocalDates(a.validFrom, b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previousEnd = sorted[i - 1].validTo;
      if (previousEnd === null || compareLocalDates(previousEnd, sorted[i].validFrom) >= 0) {
        throw new Error(`Postal leg periods overlap at ${sorted[i].validFrom}`);
      }
    }
    this.periods = sorted;
  }

  /** The period in force on `date` (J), or undefined before the first rule. */
  findPeriod(date: LocalDate): PostalLegPeriod | undefined {
    return this.periods.find(
      (p) => compareLocalDates(p.validFrom, date) <= 0 && (p.validTo === null || compareLocalDates(date, p.validTo) <= 0),
    );
  }

  getLimit(date: LocalDate, leg: PostalLegKind): PostalLegLimit {
    const period = this.findPeriod(date);
    if (!period) throw new Error(`No postal time-limit rule in force on ${date}`);
    return period.legs[leg];
  }
}

/** Checks the raw JSON (`postal-legs.json` shape) and builds a table; used for the bundled data too. */
export function loadPostalLegTable(raw: { periods: readonly unknown[] }): PostalLegTable {
  const periods = raw.periods.map((entry) => {
    const p = entry as Record<string, unknown>;
    if (!isLocalDate(p.validFrom) || (p.validTo !== null && !isLocalDate(p.validTo))) {
      throw new Error(`Postal leg period has invalid dates: ${JSON.stringify([p.validFrom, p.validTo])}`);
    }
    const legs = p.legs as Record<string, PostalLegLimit>;
    for (const kind of POSTAL_LEG_KINDS) {
      const limit = legs?.[kind];
      if (!limit || !Number.isInteger(limit.n) || limit.n < 0 || !Number.isInteger(limit.nWithAppointmentNotice)) {
        throw new Error(`Postal leg period from ${p.validFrom} lacks a valid "${kind}" limit`);
      }
    }
    return { validFrom: p.validFrom, validTo: p.validTo as LocalDate | null, note: String(p.note ?? ''), legs } as PostalLegPeriod;
  });
  return new PostalLegTable(periods);
}

export const BUNDLED_POSTAL_LEG_TABLE: PostalLegTable = loadPostalLegTable(legsData);
