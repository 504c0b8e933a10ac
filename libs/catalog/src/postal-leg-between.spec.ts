import { loadSampleCatalog } from './index';
import { postalLegBetween } from './postal-leg-between';

describe('postalLegBetween (TT 17/2017 Đ7.2 leg of a journey, on a given day)', () => {
  const catalog = loadSampleCatalog();

  it('is between districts of the province in 2024 and between communes after the 2025 reorganisation', () => {
    const leg2024 = postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.13.H65');
    expect(leg2024.scope).toBe('between-districts');
    expect(leg2024.maxWorkingDays).toBe(2);
    const leg2026 = postalLegBetween(catalog.at('2026-05-06'), '33100', '000.00.13.H39');
    expect(leg2026.scope).toBe('between-communes');
  });

  it('is between provinces for a central agency, with the destination class deciding n', () => {
    expect(postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.00.G01').maxWorkingDays).toBe(4);
    expect(postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.00.G01', 'special-or-class-1-city').maxWorkingDays).toBe(3);
  });

  it('refuses an agency that did not exist that day', () => {
    expect(() => postalLegBetween(catalog.at('2024-05-06'), '33100', '000.00.13.H39')).toThrow();
  });
});
