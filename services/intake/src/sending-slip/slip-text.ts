import { toVietnamDateTime, VndAmount, type LocalDate } from '@bcci/kernel';

import type { SendingSlipModel } from './sending-slip.model';

/** `1.250.000 ₫`, through VndAmount so a negative or fractional amount can never reach paper. */
export function formatDong(amount: number): string {
  return VndAmount.of(amount).format();
}

/** `2026-03-12` → `12/03/2026`, the order every Vietnamese form uses. */
export function formatSlipDate(date: LocalDate | string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a date YYYY-MM-DD: "${date}"`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/**
 * Vietnam wall-clock time of an instant, `14:05 12/03/2026`. The slip is read by the applicant, so it
 * shows local time whatever the server's zone is.
 */
export function formatSlipDateTime(instant: string): string {
  const { date, msOfDay } = toVietnamDateTime(parseInstant(instant));
  const minutes = Math.floor(msOfDay / 60_000);
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${clock} ${formatSlipDate(date)}`;
}

/** `ngày 12 tháng 03 năm 2026`, the place-and-date line above the signatures. */
export function formatSlipDateLine(instant: string): string {
  const [year, month, day] = toVietnamDateTime(parseInstant(instant)).date.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

export function parseInstant(instant: string): Date {
  const value = new Date(instant);
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not an ISO instant: "${instant}"`);
  return value;
}

export function componentKindLabel(kind: SendingSlipModel['components'][number]['kind']): string {
  return kind === 'original' ? 'Bản chính' : 'Bản sao';
}
