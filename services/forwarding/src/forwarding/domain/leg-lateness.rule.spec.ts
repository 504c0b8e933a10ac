import { parseLocalDate } from '@bcci/kernel';
import { isLegLate, postalDeadlineMet } from './leg-lateness.rule';

const dueDate = parseLocalDate('2025-03-14');

describe('late against J+n', () => {
  it('a travelling leg is late once today in Vietnam is past the due date', () => {
    expect(isLegLate({ status: 'DISPATCHED', dueDate, postalSignedAt: null, now: new Date('2025-03-14T16:59:00Z') })).toBe(false); // 23:59 on the 14th
    expect(isLegLate({ status: 'DISPATCHED', dueDate, postalSignedAt: null, now: new Date('2025-03-14T17:00:00Z') })).toBe(true); // 00:00 on the 15th
  });

  it('a handed-over leg is judged on the day the post signed, not today', () => {
    const signed = new Date('2025-03-14T15:00:00+07:00');
    expect(isLegLate({ status: 'FILED', dueDate, postalSignedAt: signed, now: new Date('2025-04-01T00:00:00Z') })).toBe(false);
    expect(postalDeadlineMet(dueDate, signed)).toBe(true);
    expect(postalDeadlineMet(dueDate, new Date('2025-03-17T08:00:00+07:00'))).toBe(false);
  });

  it('a withdrawn leg is never late', () => {
    expect(isLegLate({ status: 'WITHDRAWN', dueDate, postalSignedAt: null, now: new Date('2026-01-01T00:00:00Z') })).toBe(false);
  });
});
