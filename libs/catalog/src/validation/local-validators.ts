// Format checks for identifiers. They are local on purpose while @bcci/kernel is being written; once
// the kernel exports its own validators (postal code, agency id, procedure code, VND amounts), these
// functions should delegate to it so there is one definition of each identifier in the project.

/** TT 07/2017 Đ5: five digits, the first two naming the province. */
export function isPostalCode(value: string): boolean {
  return /^\d{5}$/.test(value);
}

/** Statistical codes: province 2 digits, district 3, commune 5. */
export function isStatisticalCode(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value);
}

/**
 * QĐ 20/2020 Đ4: at most 35 characters from `[0-9A-Z.]`, groups separated by dots. Empty groups
 * (`..`, leading or trailing dot) are rejected since no level can be unnamed.
 */
export function isAgencyId(value: string): boolean {
  return value.length <= 35 && /^[0-9A-Z]+(\.[0-9A-Z]+)*$/.test(value);
}

/**
 * National procedure code `d.dddddd`, or a local variant: the national code followed by the
 * publishing agency's id (`1.010902.000.00.00.H38`).
 */
export function isProcedureCode(value: string): boolean {
  const match = /^(\d\.\d{6})(?:\.(.+))?$/.exec(value);
  if (!match) return false;
  return match[2] === undefined || isAgencyId(match[2]);
}

/** The national part of a procedure code, so local variants can be grouped with their national procedure. */
export function nationalProcedureCode(code: string): string {
  return code.slice(0, 8);
}

/** VND has no minor unit in use: amounts are non-negative safe integers. */
export function isVndAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
