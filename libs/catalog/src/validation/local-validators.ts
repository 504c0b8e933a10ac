// Identifier checks used by the catalog's validators. Each one delegates to @bcci/kernel, which holds the
// project's single definition of every identifier; only the statistical-code check is the catalog's own.
import { isAgencyId as kernelIsAgencyId, isProcedureCode as kernelIsProcedureCode, nationalProcedureCode as kernelNationalProcedureCode, validatePostalCode, type ProcedureCode } from '@bcci/kernel';

/** TT 07/2017 Đ5: five digits, the first two naming the province. */
export function isPostalCode(value: string): boolean {
  return validatePostalCode(value).ok;
}

/** Statistical codes: province 2 digits, district 3, commune 5. */
export function isStatisticalCode(value: string, length: number): boolean {
  return value.length === length && /^\d+$/.test(value);
}

/** QĐ 20/2020 Đ4 agency electronic id, as the kernel defines it. */
export function isAgencyId(value: string): boolean {
  return kernelIsAgencyId(value);
}

/** National procedure code `d.dddddd`, or a local variant followed by the publishing agency's id. */
export function isProcedureCode(value: string): boolean {
  return kernelIsProcedureCode(value);
}

/** The national part of a procedure code, so local variants can be grouped with their national procedure. */
export function nationalProcedureCode(code: string): string {
  return kernelNationalProcedureCode(code as ProcedureCode);
}

/** VND has no minor unit in use: amounts are non-negative safe integers. */
export function isVndAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
