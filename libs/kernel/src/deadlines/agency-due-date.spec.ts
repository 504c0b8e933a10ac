import { agencyDueDate } from './agency-due-date';

const vn = (localDateTime: string): Date => new Date(`${localDateTime}+07:00`);

describe('agency due date from the legal filing time', () => {
  it('counts from the filing day during office hours, across New Year 2026', () => {
    const due = agencyDueDate(vn('2025-12-31T16:00:00'), 5);
    expect([due.startDay, due.dueDate]).toEqual(['2025-12-31', '2026-01-09']);
    expect(due.dueAt.toISOString()).toBe('2026-01-09T10:00:00.000Z'); // 17:00 in Vietnam
  });

  it('counts from the next working day after closing time (here a make-up Saturday)', () => {
    const due = agencyDueDate(vn('2026-01-09T17:30:00'), 1);
    expect([due.startDay, due.dueDate]).toEqual(['2026-01-10', '2026-01-12']);
  });

  it('counts the filing day when the filing is exactly at closing time', () => {
    expect(agencyDueDate(vn('2026-03-06T17:00:00'), 1).startDay).toBe('2026-03-06');
  });

  it('counts from Monday for a filing on Saturday', () => {
    const due = agencyDueDate(vn('2026-03-07T10:00:00'), 3);
    expect([due.startDay, due.dueDate]).toEqual(['2026-03-09', '2026-03-12']);
  });

  it('skips Tết 2026', () => {
    expect(agencyDueDate(vn('2026-02-12T09:00:00'), 5).dueDate).toBe('2026-02-26');
  });

  it('refuses negative or fractional limits', () => {
    expect(() => agencyDueDate(vn('2026-03-06T09:00:00'), -1)).toThrow(RangeError);
    expect(() => agencyDueDate(vn('2026-03-06T09:00:00'), 2.5)).toThrow(RangeError);
  });
});
