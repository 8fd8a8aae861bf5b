/** The month of `today` (YYYY-MM-DD) as a range: its first and last days. */
export function monthOf(today: string): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** `YYYY-MM-DD` as people read it: 06.10.2025 in Russian, as is in English. */
export function showDate(iso: string, locale: string): string {
  const day = iso.slice(0, 10);
  if (locale !== 'ru') {
    return day;
  }
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 100)}%`;
