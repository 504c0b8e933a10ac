import { agencyLevelOneCode, isAgencyId, parseAgencyId, validateAgencyId } from './agency-id';
import { formatDossierCode, isDossierCode, parseDossierCode, validateDossierCode } from './dossier-code';
import {
  formatProvisionalDossierId,
  isProvisionalDossierId,
  parseProvisionalDossierId,
} from './provisional-dossier-id';
import { isProcedureCode, formatProcedureCode, nationalProcedureCode, parseProcedureCode } from './procedure-code';
import { parsePostalCode } from './postal-code';
import { parseLocalDate } from '../time/local-date';

describe('agency electronic id (QĐ 20/2020)', () => {
  it.each(['000.00.00.H38', 'H38', 'G12', '000.00.15.H15', 'A00.B12.C34.D56.E78.F90.G12.H34.I56'])('accepts %s', (id) => {
    expect(isAgencyId(id)).toBe(true);
  });

  it.each([
    ['lowercase', '000.00.00.h38'],
    ['empty group', '000..00.H38'],
    ['bad level-1 code (Z)', '000.00.00.Z38'],
    ['bad level-1 code (3 digits)', '000.00.00.380'],
    ['illegal character', '000-00.H38'],
    ['longer than 35', '000.00.00.000.00.00.000.00.00.00.H38'],
  ])('rejects %s', (_why, id) => {
    expect(isAgencyId(id)).toBe(false);
  });

  it('explains in both languages', () => {
    const result = validateAgencyId('000.00.00.Z38');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.message).toMatch(/level-1/);
      expect(result.issue.messageVi).toMatch(/mã cấp 1/);
    }
  });

  it('extracts the level-1 code', () => {
    expect(agencyLevelOneCode(parseAgencyId('000.00.00.H38'))).toBe('H38');
  });
});

describe('dossier code (TT 01/2018 Đ19)', () => {
  it('parses agency, date and daily sequence', () => {
    expect(parseDossierCode('000.00.00.H38-260115-0042')).toEqual({
      agencyId: '000.00.00.H38',
      receivedOn: '2026-01-15',
      sequence: 42,
    });
  });

  it('round-trips through format', () => {
    const code = formatDossierCode({ agencyId: parseAgencyId('000.00.15.H15'), receivedOn: parseLocalDate('2025-07-01'), sequence: 7 });
    expect(code).toBe('000.00.15.H15-250701-0007');
    expect(isDossierCode(code)).toBe(true);
  });

  it.each([
    ['impossible date', '000.00.00.H38-260230-0001'],
    ['3-digit sequence', '000.00.00.H38-260115-001'],
    ['bad agency', '000.00.00.38-260115-0001'],
    ['no agency', '-260115-0001'],
    ['provisional id', 'BCCI-33100-260115-0001'],
  ])('rejects %s', (_why, code) => {
    expect(isDossierCode(code)).toBe(false);
  });

  it('reports the date problem specifically', () => {
    const result = validateDossierCode('000.00.00.H38-261301-0001');
    expect(!result.ok && result.issue.code).toBe('dossier-code.date');
  });

  it('refuses sequences outside 1–9999 when formatting', () => {
    const parts = { agencyId: parseAgencyId('H38'), receivedOn: parseLocalDate('2026-01-15') };
    expect(() => formatDossierCode({ ...parts, sequence: 0 })).toThrow(RangeError);
    expect(() => formatDossierCode({ ...parts, sequence: 10_000 })).toThrow(RangeError);
  });
});

describe('provisional dossier id', () => {
  it('formats and parses BCCI-<postal code>-YYMMDD-NNNN', () => {
    const id = formatProvisionalDossierId({ postalCode: parsePostalCode('33100'), receivedOn: parseLocalDate('2026-01-15'), sequence: 42 });
    expect(id).toBe('BCCI-33100-260115-0042');
    expect(parseProvisionalDossierId(id)).toEqual({ postalCode: '33100', receivedOn: '2026-01-15', sequence: 42 });
  });

  it('is never mistaken for a dossier code, and vice versa', () => {
    expect(isDossierCode('BCCI-33100-260115-0042')).toBe(false);
    expect(isProvisionalDossierId('000.00.00.H38-260115-0042')).toBe(false);
  });

  it.each(['BCCI-3310-260115-0042', 'BCCI-33100-260231-0042', 'BCCI-33100-260115-0000', 'BCC-33100-260115-0001'])('rejects %s', (id) => {
    expect(isProvisionalDossierId(id)).toBe(false);
  });
});

describe('procedure code', () => {
  it('parses a national code', () => {
    expect(parseProcedureCode('1.010902')).toEqual({ nationalCode: '1.010902' });
  });

  it('parses a local variant and reduces it to its national code', () => {
    expect(parseProcedureCode('1.010902.000.00.00.H38')).toEqual({ nationalCode: '1.010902', agencyId: '000.00.00.H38' });
    expect(nationalProcedureCode(formatProcedureCode({ nationalCode: '1.010902', agencyId: parseAgencyId('000.00.00.H38') }))).toBe('1.010902');
  });

  it.each(['1.01090', '1010902', '1.010902.', '1.010902.000.00.00.h38x', 'x.010902'])('rejects %s', (code) => {
    expect(isProcedureCode(code)).toBe(false);
  });
});
