import { type PostalCode, validatePostalCode } from './postal-code';
import { localDateFromYymmdd, yymmddFromLocalDate } from './yymmdd';
import { type LocalDate } from '../time/local-date';
import { invalid, orThrow, valid, type ValidationResult } from '../validation/domain-validation.error';

/**
 * Provisional dossier id: `BCCI-<postal code>-YYMMDD-NNNN`, e.g. `BCCI-33100-260115-0042`.
 *
 * Why it exists: the official dossier code is issued by the agency's one-stop system, which a postal
 * point cannot reach at the counter; yet the sending slip, the seal and the citizen's look-up need an
 * id from the first minute. Why this shape:
 * - it can never be mistaken for a dossier code: those start with an agency id whose last group is a
 *   level-1 code `[A-Y]\d\d` (QĐ 20/2020), and `BCCI` followed by a bare 5-digit group cannot be one;
 *   a clerk also sees at a glance that it is "ours", not the agency's;
 * - it mirrors the dossier code's `-YYMMDD-NNNN` tail, so people read it the same way;
 * - the postal code names the receiving postal point (TT 07/2017), so postal points allocate sequences
 *   independently without coordination: unique as long as each point's daily sequence is.
 * It stays attached to the dossier after the official code arrives (both are kept, never rewritten).
 */
export type ProvisionalDossierId = string & { readonly __brand: 'ProvisionalDossierId' };

export interface ProvisionalDossierIdParts {
  readonly postalCode: PostalCode;
  readonly receivedOn: LocalDate;
  readonly sequence: number;
}

export const PROVISIONAL_DOSSIER_ID_PREFIX = 'BCCI';
const PATTERN = /^BCCI-(\d{5})-(\d{6})-(\d{4})$/;

export function validateProvisionalDossierId(input: string): ValidationResult<ProvisionalDossierId> {
  const canonical = input.trim().toUpperCase();
  const match = PATTERN.exec(canonical);
  if (!match || !localDateFromYymmdd(match[2]) || match[3] === '0000') {
    return invalid(
      'provisional-dossier-id.format',
      `Provisional dossier id must look like BCCI-<5-digit postal code>-YYMMDD-NNNN with a real date, got "${input}"`,
      `Mã tạm của hồ sơ phải có dạng BCCI-<mã bưu chính 5 số>-YYMMDD-NNNN: "${input}"`,
    );
  }
  return valid(canonical as ProvisionalDossierId);
}

export function isProvisionalDossierId(input: string): boolean {
  return validateProvisionalDossierId(input).ok;
}

export function parseProvisionalDossierId(input: string): ProvisionalDossierIdParts {
  const id = orThrow(validateProvisionalDossierId(input));
  const match = PATTERN.exec(id)!;
  return { postalCode: match[1] as PostalCode, receivedOn: localDateFromYymmdd(match[2])!, sequence: Number(match[3]) };
}

export function formatProvisionalDossierId(parts: ProvisionalDossierIdParts): ProvisionalDossierId {
  const postalCode = orThrow(validatePostalCode(parts.postalCode));
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > 9999) {
    throw new RangeError(`Provisional dossier daily sequence must be 1–9999, got ${parts.sequence}`);
  }
  const tail = `${yymmddFromLocalDate(parts.receivedOn)}-${String(parts.sequence).padStart(4, '0')}`;
  return `${PROVISIONAL_DOSSIER_ID_PREFIX}-${postalCode}-${tail}` as ProvisionalDossierId;
}
