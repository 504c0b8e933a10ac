import { isLocalDate, type LocalDate } from '../time/local-date';

/**
 * YYMMDD as used in dossier codes. Codes exist only since TT 01/2018 (in force 2019), so YY is read
 * as 20YY; a code cannot carry a 20th-century date.
 */
export function localDateFromYymmdd(yymmdd: string): LocalDate | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const candidate = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isLocalDate(candidate) ? candidate : undefined;
}

export function yymmddFromLocalDate(date: LocalDate): string {
  if (!date.startsWith('20')) throw new RangeError(`Only 21st-century dates fit YYMMDD codes, got ${date}`);
  return date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10);
}
