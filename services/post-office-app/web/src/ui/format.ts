/** 25000 → "25.000 ₫" */
export function formatVnd(amount: number | undefined): string {
  return amount === undefined ? '—' : `${amount.toLocaleString('vi-VN')} ₫`;
}

/** An ISO instant as Vietnam sees it: "06/12/2026 14:05". */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "2026-12-07" → "07/12/2026" */
export function formatDay(day: string | undefined): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}
