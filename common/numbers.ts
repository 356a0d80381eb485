/** Number helpers shared by the reports of several features. */

/** Rounds to two decimals (scores, percentages in exports). */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Share in percent with one decimal; 0 when there is nothing to count. */
export function percent(part: number, whole: number): number {
  return whole ? Math.round((1000 * part) / whole) / 10 : 0;
}

/** Sorts rows by score, highest first (ties by `tieBreak`), and numbers their rank from 1. Sorts in place. */
export function rankBy<R extends { rank: number }>(
  rows: R[],
  score: (r: R) => number,
  tieBreak: (a: R, b: R) => number,
): R[] {
  rows.sort((a, b) => score(b) - score(a) || tieBreak(a, b));
  rows.forEach((r, i) => {
    r.rank = i + 1;
  });
  return rows;
}
