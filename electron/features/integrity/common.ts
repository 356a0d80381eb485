import { ApiError, problemIssue } from '../../api/errors.js';
import type { ProblemKey, ProblemParams } from '../../../common/problems/index.js';
import { localIsoDate } from '../../../common/dates.js';
import { rankBy } from '../../../common/numbers.js';

/**
 * Refuses a date after today. One day of slack: a window in WIB/WITA/WIT may already be on
 * tomorrow's date while the office machine (or a server on UTC) is not.
 */
export function refuseFutureDate(date: string, field: string): void {
  const limit = localIsoDate(new Date(Date.now() + 24 * 3600 * 1000));
  if (date > limit)
    throw ApiError.problem('REJECTED', 'integrity.date.future', { field, date }, [
      problemIssue(null, field, 'integrity.date.future', { field, date }),
    ]);
}
export const now = () => new Date().toISOString();

export function notFound(key: ProblemKey, params: ProblemParams): never {
  throw ApiError.problem('NOT_FOUND', key, params);
}

/** Sorts rows by a percentage, highest first (ties by name), and numbers their rank. */
export function rankByPercent<R extends { nama: string; rank: number }>(rows: R[], pct: (r: R) => number): R[] {
  return rankBy(rows, pct, (a, b) => a.nama.localeCompare(b.nama, 'id'));
}
