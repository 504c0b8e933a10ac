import { decideScan, isScanTimeAfterPrevious } from './scan-order.rule';

describe('scan order: dispatched before arrived before handed over', () => {
  it('records the steps in order', () => {
    expect(decideScan('OPEN', [], 'DISPATCHED')).toEqual({ outcome: 'record', nextStatus: 'DISPATCHED' });
    expect(decideScan('DISPATCHED', ['DISPATCHED'], 'ARRIVED')).toEqual({ outcome: 'record', nextStatus: 'ARRIVED' });
    expect(decideScan('ARRIVED', ['DISPATCHED', 'ARRIVED'], 'HANDED_OVER')).toEqual({ outcome: 'record', nextStatus: 'HANDED_OVER' });
  });

  it('a repeated scan is idempotent, even once the leg has moved on or closed', () => {
    expect(decideScan('DISPATCHED', ['DISPATCHED'], 'DISPATCHED')).toEqual({ outcome: 'repeat' });
    expect(decideScan('HANDED_OVER', ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'], 'DISPATCHED')).toEqual({ outcome: 'repeat' });
    expect(decideScan('FILED', ['DISPATCHED', 'ARRIVED', 'HANDED_OVER'], 'HANDED_OVER')).toEqual({ outcome: 'repeat' });
  });

  it('a scan that skips a step is out of order', () => {
    expect(decideScan('OPEN', [], 'ARRIVED')).toMatchObject({ outcome: 'out-of-order' });
    expect(decideScan('OPEN', [], 'HANDED_OVER')).toMatchObject({ outcome: 'out-of-order' });
    expect(decideScan('DISPATCHED', ['DISPATCHED'], 'HANDED_OVER')).toMatchObject({ outcome: 'out-of-order' });
  });

  it('a withdrawn or filed leg takes no new scan', () => {
    expect(decideScan('WITHDRAWN', [], 'DISPATCHED')).toMatchObject({ outcome: 'out-of-order', reason: expect.stringContaining('withdrawn') });
    expect(decideScan('FILED', ['DISPATCHED'], 'ARRIVED')).toMatchObject({ outcome: 'out-of-order', reason: expect.stringContaining('handover') });
  });

  it('a later step cannot be earlier than the previous one', () => {
    const dispatched = new Date('2025-03-12T15:40:00+07:00');
    expect(isScanTimeAfterPrevious(null, dispatched)).toBe(true);
    expect(isScanTimeAfterPrevious(dispatched, new Date('2025-03-13T08:05:00+07:00'))).toBe(true);
    expect(isScanTimeAfterPrevious(dispatched, new Date('2025-03-12T15:39:59+07:00'))).toBe(false);
  });
});
