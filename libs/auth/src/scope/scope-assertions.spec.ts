import { ForbiddenError } from '@bcci/kernel';
import type { Actor } from '../actor';
import { assertAgencyScope, assertPostalPointScope, assertProvinceScope, canAccessAgency, canAccessPostalPoint } from './scope-assertions';

const clerk: Actor = { subject: 'c', role: 'clerk', postalCode: '33100' };
const agency: Actor = { subject: 'a', role: 'agency', agencyId: '000.00.00.H59' };
const operations: Actor = { subject: 'o', role: 'operations', provinceCode: '15' };
const auditor: Actor = { subject: 'au', role: 'auditor' };

describe('scope assertions', () => {
  it('lets postal-point roles reach only their postal point', () => {
    expect(() => assertPostalPointScope(clerk, '33100')).not.toThrow();
    expect(canAccessPostalPoint({ ...clerk, role: 'courier' }, '33100')).toBe(true);
    expect(canAccessAgency(clerk, '000.00.00.H59')).toBe(false);
    let thrown: unknown;
    try {
      assertPostalPointScope(clerk, '33200');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(thrown).toMatchObject({ kind: 'forbidden', code: 'scope.postal-point' });
    expect((thrown as ForbiddenError).messageVi).toMatch(/phạm vi/);
  });

  it('lets an agency reach only itself', () => {
    expect(() => assertAgencyScope(agency, '000.00.00.H59')).not.toThrow();
    expect(() => assertAgencyScope(agency, '000.00.01.H59')).toThrow(ForbiddenError);
    expect(() => assertPostalPointScope(agency, '33100')).toThrow(ForbiddenError);
  });

  it('lets operations through only when the province is known and matches', () => {
    expect(() => assertPostalPointScope(operations, '33100')).toThrow(ForbiddenError);
    expect(() => assertPostalPointScope(operations, '33100', { provinceCode: '15' })).not.toThrow();
    expect(() => assertPostalPointScope(operations, '33100', { provinceCode: '10' })).toThrow(ForbiddenError);
    expect(() => assertAgencyScope(operations, '000.00.00.H59', { provinceCode: '15' })).not.toThrow();
    expect(() => assertProvinceScope(operations, '15')).not.toThrow();
    expect(() => assertProvinceScope(operations, '10')).toThrow(ForbiddenError);
    expect(() => assertProvinceScope(clerk, '15')).toThrow(ForbiddenError);
  });

  it('lets the auditor read everywhere', () => {
    expect(() => assertPostalPointScope(auditor, '33100')).not.toThrow();
    expect(() => assertAgencyScope(auditor, '000.00.00.H59')).not.toThrow();
    expect(() => assertProvinceScope(auditor, '15')).not.toThrow();
  });
});
