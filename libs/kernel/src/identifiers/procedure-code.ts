import { type AgencyId, validateAgencyId } from './agency-id';
import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * Procedure code (mã TTHC) from the national procedure database: national `1.010902`, or a local
 * variant that appends the publishing agency's id: `1.010902.000.00.00.H38`.
 */
export type ProcedureCode = string & { readonly __brand: 'ProcedureCode' };

export interface ProcedureCodeParts {
  /** The national part, e.g. `1.010902`. */
  readonly nationalCode: string;
  /** Present for a local variant. */
  readonly agencyId?: AgencyId;
}

const PATTERN = /^(\d\.\d{6})(?:\.(.+))?$/;

export function validateProcedureCode(input: string): ValidationResult<ProcedureCode> {
  const canonical = input.trim().toUpperCase();
  const match = PATTERN.exec(canonical);
  if (!match) {
    return invalid(
      'procedure-code.format',
      `Procedure code must be like 1.010902 or 1.010902.000.00.00.H38, got "${input}"`,
      `Mã thủ tục hành chính phải có dạng 1.010902 hoặc 1.010902.000.00.00.H38: "${input}"`,
    );
  }
  if (match[2] !== undefined) {
    const agency = validateAgencyId(match[2]);
    if (!agency.ok) return agency as ValidationResult<never>;
  }
  return valid(canonical as ProcedureCode);
}

export function isProcedureCode(input: string): boolean {
  return validateProcedureCode(input).ok;
}

export function parseProcedureCode(input: string): ProcedureCodeParts {
  const code = orThrow(validateProcedureCode(input));
  const match = PATTERN.exec(code)!;
  return match[2] === undefined ? { nationalCode: match[1] } : { nationalCode: match[1], agencyId: match[2] as AgencyId };
}

export function formatProcedureCode(parts: ProcedureCodeParts): ProcedureCode {
  const code = parts.agencyId ? `${parts.nationalCode}.${parts.agencyId}` : parts.nationalCode;
  return orThrow(validateProcedureCode(code));
}

/** The national code of any variant: what ratio R1 counts distinct procedures by. */
export function nationalProcedureCode(code: ProcedureCode): ProcedureCode {
  return code.slice(0, 8) as ProcedureCode;
}
