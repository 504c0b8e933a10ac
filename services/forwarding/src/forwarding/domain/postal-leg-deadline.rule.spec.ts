import { legClassOf, loadSampleCatalog } from '@bcci/catalog';
import { parseLocalDate } from '@bcci/kernel';
import { legDeadline } from './postal-leg-deadline.rule';

const legs = loadSampleCatalog().data['postal-legs'];
const leg = (id: string) => {
  const found = legs.find((l) => l.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('J+n by leg class across a weekend and Tết', () => {
  it.each([
    // leg, J, due
    ['tt17-within-district', '2025-03-14', '2025-03-17'], // J+1 Friday → Monday
    ['tt17-between-districts', '2025-03-13', '2025-03-17'], // J+2 Thursday → Monday
    ['tt17-between-provinces-class-1', '2025-03-14', '2025-03-19'], // J+3
    ['tt17-between-provinces-other', '2025-03-12', '2025-03-18'], // J+4 over a weekend
    ['tt17-within-district', '2025-01-24', '2025-02-03'], // J+1 across Tết 2025
    ['tt17-between-provinces-other', '2025-01-23', '2025-02-05'], // J+4: 24/01, then 03, 04, 05/02
    ['post-2025-within-commune', '2026-02-13', '2026-02-23'], // J+1 across Tết 2026 (14–22/02)
    ['post-2025-between-communes', '2025-08-29', '2025-09-04'], // J+2 across Quốc khánh (01–02/09)
  ])('%s from J=%s is due %s', (id, j, due) => {
    const chosen = leg(id);
    const deadline = legDeadline(parseLocalDate(j), chosen, 'within-local-unit', legClassOf(chosen));
    expect(deadline.dueDate).toBe(due);
    expect(deadline.workingDays).toBe(chosen.maxWorkingDays);
    expect(deadline.startDay).toBe(j);
  });

  it('names the leg class from the catalog data', () => {
    expect(legClassOf(leg('tt17-between-provinces-class-1'))).toBe('BETWEEN_PROVINCES_CLASS_1_CITY');
    expect(legClassOf(leg('post-2025-between-communes'))).toBe('BETWEEN_COMMUNES');
  });
});
