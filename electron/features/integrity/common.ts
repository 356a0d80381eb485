import { ApiError } from '../../api/errors.js';

function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Today on the office machine's clock. */
export const today = () => localDate(new Date());

/**
 * Refuses a date after today. One day of slack: a window in WIB/WITA/WIT may already be on
 * tomorrow's date while the office machine (or a server on UTC) is not.
 */
export function refuseFutureDate(date: string, field: string): void {
  const limit = localDate(new Date(Date.now() + 24 * 3600 * 1000));
  if (date > limit) throw new ApiError('REJECTED', `${field} ${date} is in the future`, [{ field, message: 'date is in the future' }]);
}
export const now = () => new Date().toISOString();

export function notFound(what: string): never {
  throw new ApiError('NOT_FOUND', `${what} not found`);
}

/** Share in percent with one decimal; 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole ? Math.round((1000 * part) / whole) / 10 : 0;
}

/** Sorts rows by a percentage, highest first (ties by name), and numbers their rank. */
export function rankByPercent<R extends { nama: string; rank: number }>(rows: R[], pct: (r: R) => number): R[] {
  rows.sort((a, b) => pct(b) - pct(a) || a.nama.localeCompare(b.nama, 'id'));
  rows.forEach((r, i) => (r.rank = i + 1));
  return rows;
}
