import { loadSampleCatalog } from '@bcci/catalog';
import { vietnamInstant, type LocalDate } from '@bcci/kernel';
import { legClassOf, selectPostalLeg } from './postal-leg';
import { forwardLegDeadline, intakeDayOf } from './postal-deadline';

const catalog = loadSampleCatalog();
const at = (date: string, hour: number, minute = 0) => vietnamInstant(date as LocalDate, hour * 60 + minute);

function legFrom(postalCode: string, procedureCode: string, date: string) {
  const snapshot = catalog.at(date);
  return selectPostalLeg(snapshot, snapshot.getPostalPoint(postalCode), snapshot.getCompetentAgency(procedureCode));
}

describe('postal leg and J+n of the forward leg', () => {
  it('uses the catalog leg between communes of the province after the 2025 reorganisation', () => {
    const leg = legFrom('33100', '2.000488', '2026-01-15');
    expect(leg.scope).toBe('between-communes');
    expect(legClassOf(leg)).toBe('BETWEEN_COMMUNES');
    // Thursday 09:00 → J is that day; J+2 working days is Monday.
    expect(forwardLegDeadline(at('2026-01-15', 9), leg)).toEqual({ legClass: 'BETWEEN_COMMUNES', startDay: '2026-01-15', workingDays: 2, dueDate: '2026-01-19' });
  });

  it('moves J to the next working day after 15:00 (and over the weekend)', () => {
    const leg = legFrom('33100', '2.000488', '2026-01-15');
    expect(intakeDayOf(at('2026-01-15', 15, 0))).toBe('2026-01-15');
    expect(intakeDayOf(at('2026-01-15', 15, 1))).toBe('2026-01-16');
    expect(forwardLegDeadline(at('2026-01-16', 16), leg)).toMatchObject({ startDay: '2026-01-19', dueDate: '2026-01-21' });
  });

  it('uses the district legs before 01/07/2025', () => {
    const leg = legFrom('33700', '2.000488', '2025-03-12');
    expect(leg.scope).toBe('between-districts');
    expect(forwardLegDeadline(at('2025-03-12', 10), leg)).toMatchObject({ startDay: '2025-03-12', workingDays: 2, dueDate: '2025-03-14' });
  });

  it('takes the inter-province leg for an agency without a territory', () => {
    const snapshot = catalog.at('2026-01-15');
    const ministry = snapshot.getAgency('000.00.00.G01');
    const leg = selectPostalLeg(snapshot, snapshot.getPostalPoint('33100'), ministry);
    expect(legClassOf(leg)).toBe('BETWEEN_PROVINCES_OTHER');
    expect(leg.maxWorkingDays).toBe(4);
  });
});
