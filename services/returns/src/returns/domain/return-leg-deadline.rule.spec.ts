import { loadSampleCatalog } from '@bcci/catalog';
import { returnLegDeadline, ReturnLegUnplaceableError } from './return-leg-deadline.rule';

const catalog = loadSampleCatalog();

describe('J+n for the return leg (TT 17/2017 Đ7.2), agency → recipient postal point', () => {
  it('between districts of one province is J+2, skipping the Hùng Kings holiday (07/04/2025)', () => {
    const deadline = returnLegDeadline(catalog, { agencyId: '000.00.13.H65', destinationPostalCode: '33100', issuedAt: new Date('2025-04-03T10:00:00+07:00') });
    expect(deadline).toEqual({ legClass: 'BETWEEN_DISTRICTS', startDay: '2025-04-03', workingDays: 2, dueDate: '2025-04-08' });
  });

  it('a result issued after 15:00 counts from the next working day', () => {
    const deadline = returnLegDeadline(catalog, { agencyId: '000.00.13.H65', destinationPostalCode: '33100', issuedAt: new Date('2025-04-03T15:30:00+07:00') });
    expect(deadline).toMatchObject({ startDay: '2025-04-04', dueDate: '2025-04-09' });
  });

  it('after the 2025 reorganisation the leg is between communes (still J+2)', () => {
    const deadline = returnLegDeadline(catalog, { agencyId: '000.00.13.H39', destinationPostalCode: '33500', issuedAt: new Date('2025-08-05T09:00:00+07:00') });
    expect(deadline).toEqual({ legClass: 'BETWEEN_COMMUNES', startDay: '2025-08-05', workingDays: 2, dueDate: '2025-08-07' });
  });

  it('an agency with no local unit is reached between provinces (J+4)', () => {
    const deadline = returnLegDeadline(catalog, { agencyId: '999.99.99.H39', destinationPostalCode: '33100', issuedAt: new Date('2025-08-05T09:00:00+07:00') });
    expect(deadline).toEqual({ legClass: 'BETWEEN_PROVINCES_OTHER', startDay: '2025-08-05', workingDays: 4, dueDate: '2025-08-11' });
  });

  it('an agency the catalog does not know on that day cannot be placed', () => {
    expect(() => returnLegDeadline(catalog, { agencyId: '000.00.13.H65', destinationPostalCode: '33100', issuedAt: new Date('2025-08-05T09:00:00+07:00') })).toThrow(
      ReturnLegUnplaceableError,
    );
  });
});
