import { formatDong, formatSlipDate, formatSlipDateLine, formatSlipDateTime, componentKindLabel } from './slip-text';

describe('slip text', () => {
  it('formats đồng like the kernel, with dots and the ₫ sign', () => {
    expect(formatDong(1_250_000)).toBe('1.250.000 ₫');
    expect(formatDong(0)).toBe('0 ₫');
    expect(formatDong(999)).toBe('999 ₫');
  });

  it('refuses amounts that cannot be printed on a receipt', () => {
    expect(() => formatDong(-1)).toThrow();
    expect(() => formatDong(12.5)).toThrow();
  });

  it('prints dates day first', () => {
    expect(formatSlipDate('2026-03-09')).toBe('09/03/2026');
    expect(() => formatSlipDate('09/03/2026')).toThrow(RangeError);
  });

  it('prints times in Vietnam time whatever the host zone', () => {
    expect(formatSlipDateTime('2026-03-12T07:05:00.000Z')).toBe('14:05 12/03/2026');
    // 18:30 UTC is already the next morning in Vietnam.
    expect(formatSlipDateTime('2026-03-12T18:30:00Z')).toBe('01:30 13/03/2026');
    expect(formatSlipDateLine('2026-03-12T18:30:00Z')).toBe('ngày 13 tháng 03 năm 2026');
    expect(() => formatSlipDateTime('not a time')).toThrow(RangeError);
  });

  it('names originals and copies as the form does', () => {
    expect(componentKindLabel('original')).toBe('Bản chính');
    expect(componentKindLabel('copy')).toBe('Bản sao');
  });
});
