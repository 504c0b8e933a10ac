import { isCitizenId, maskCitizenId, parseCitizenId, validateCitizenId } from './citizen-id';
import { CITIZEN_ID_PROVINCE_CODES } from './citizen-id-province-codes';
import { DomainValidationError } from '../validation/domain-validation.error';

const asOf = { asOfYear: 2026 };

describe('citizen id (CCCD)', () => {
  it('decodes province, sex, century and year of birth', () => {
    expect(parseCitizenId('001095123456', asOf)).toEqual({
      provinceCode: '001',
      provinceName: 'Hà Nội',
      sex: 'male',
      birthYear: 1995,
      serial: '123456',
    });
    expect(parseCitizenId('015301000123', asOf)).toMatchObject({ provinceName: 'Yên Bái', sex: 'female', birthYear: 2001 });
    expect(parseCitizenId('079162000001', asOf)).toMatchObject({ sex: 'female', birthYear: 1962 });
  });

  it('accepts the separators people type', () => {
    expect(validateCitizenId('001 095 123 456', asOf)).toEqual({ ok: true, value: '001095123456' });
  });

  it('has 63 province codes between 001 and 096', () => {
    const codes = Object.keys(CITIZEN_ID_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c) && Number(c) >= 1 && Number(c) <= 96)).toBe(true);
  });

  it.each([
    ['11 digits', '00109512345', 'citizen-id.format'],
    ['13 digits', '0010951234567', 'citizen-id.format'],
    ['letters', '00109512345A', 'citizen-id.format'],
    ['unknown province 003', '003095123456', 'citizen-id.province'],
    ['unknown province 097', '097095123456', 'citizen-id.province'],
    ['province 000', '000095123456', 'citizen-id.province'],
    ['born 2027', '001227123456', 'citizen-id.birth-year'],
    ['born 2130 (century digit 4)', '001430123456', 'citizen-id.birth-year'],
  ])('rejects %s', (_why, input, code) => {
    const result = validateCitizenId(input, asOf);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue.code).toBe(code);
      expect(result.issue.messageVi).toMatch(/CCCD/);
      // The clear number never appears in either message.
      expect(result.issue.message).not.toContain(input);
      expect(result.issue.messageVi).not.toContain(input);
    }
  });

  it('accepts someone born this year', () => {
    expect(isCitizenId('001226123456', asOf)).toBe(true);
  });

  it('throws from parse with both messages', () => {
    try {
      parseCitizenId('003095123456', asOf);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainValidationError);
      expect((error as DomainValidationError).messageVi).toContain('mã tỉnh');
    }
  });

  it('masks all but the last 4 digits', () => {
    expect(maskCitizenId('001095123456')).toBe('********3456');
    expect(maskCitizenId('123')).toBe('***');
  });
});
