import { type AgencyId, validateAgencyId } from './agency-id';
import { localDateFromYymmdd, yymmddFromLocalDate } from './yymmdd';
import { type LocalDate } from '../time/local-date';
import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * Dossier code (mã số hồ sơ, TT 01/2018/TT-VPCP Đ19): `<agency id>-YYMMDD-XXXX`, the receiving
 * agency's electronic id, the intake date and a 4-digit daily sequence. Issued only by the agency's
 * one-stop system; a BCCI intake carries a {@link ProvisionalDossierId} until then.
 */
export type DossierCode = string & { readonly __brand: 'DossierCode' };

export interface DossierCodeParts {
  readonly agencyId: AgencyId;
  readonly receivedOn: LocalDate;
  readonly sequence: number;
}

const DOSSIER_CODE_PATTERN = /^(.+)-(\d{6})-(\d{4})$/;

export function validateDossierCode(input: string): ValidationResult<DossierCode> {
  const canonical = input.trim().toUpperCase();
  const match = DOSSIER_CODE_PATTERN.exec(canonical);
  if (!match) {
    return invalid(
      'dossier-code.format',
      `Dossier code must look like <agency id>-YYMMDD-XXXX (e.g. 000.00.00.H38-260115-0001), got "${input}"`,
      `Mã hồ sơ phải có dạng <mã cơ quan>-YYMMDD-XXXX (ví dụ 000.00.00.H38-260115-0001): "${input}"`,
    );
  }
  const agency = validateAgencyId(match[1]);
  if (!agency.ok) return agency as ValidationResult<never>;
  if (!localDateFromYymmdd(match[2])) {
    return invalid(
      'dossier-code.date',
      `Dossier code ${canonical} carries an impossible date ${match[2]} (YYMMDD)`,
      `Mã hồ sơ ${canonical} có ngày tiếp nhận không hợp lệ (${match[2]})`,
    );
  }
  return valid(canonical as DossierCode);
}

export function isDossierCode(input: string): boolean {
  return validateDossierCode(input).ok;
}

export function parseDossierCode(input: string): DossierCodeParts {
  const code = orThrow(validateDossierCode(input));
  const match = DOSSIER_CODE_PATTERN.exec(code)!;
  return { agencyId: match[1] as AgencyId, receivedOn: localDateFromYymmdd(match[2])!, sequence: Number(match[3]) };
}

export function formatDossierCode(parts: DossierCodeParts): DossierCode {
  const agencyId = orThrow(validateAgencyId(parts.agencyId));
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999) {
    throw new RangeError(`Dossier daily sequence must be 1–9999, got ${parts.sequence}`);
  }
  return `${agencyId}-${yymmddFromLocalDate(parts.receivedOn)}-${String(parts.sequence).padStart(4, '0')}` as DossierCode;
}
