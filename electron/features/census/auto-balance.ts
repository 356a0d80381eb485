import { BALANCE_TOLERANCE } from '../../../common/officer-loads.js';

export interface BalanceSls {
  slsId: string;
  desaKode: string;
  perkiraanKk: number;
  /** The PPL holding it now, if any. */
  current: string | null;
}

/**
 * Spreads the SLS of one kecamatan over its PPL. The SLS are taken in id order (village by village,
 * RT by RT) and cut into one run per PPL: a cut lands on a village boundary when that keeps both
 * neighbours within half the tolerance of the cumulative target, otherwise on the SLS nearest to it.
 * Aiming at the cumulative target (not the run's own) keeps errors from adding up, so every run
 * stays within ±15% of the mean unless single SLS are too big. Runs then go to the PPL who already
 * hold most of them, so a re-balance moves as little as possible.
 *
 * `officers` is in preference order (e.g. by team) for runs nobody holds yet. Returns slsId → PPL.
 */
export function balanceKecamatan(items: readonly BalanceSls[], officers: readonly string[]): Map<string, string> {
  const plan = new Map<string, string>();
  if (!officers.length || !items.length) return plan;
  const sls = [...items].sort((a, b) => (a.slsId < b.slsId ? -1 : 1));
  const cuts = cutPoints(sls, officers.length);
  const runOf = (index: number) => upperBound(cuts, index) - 1;
  const owners = matchRunsToOfficers(sls, cuts, officers, runOf);
  sls.forEach((s, i) => plan.set(s.slsId, owners[runOf(i)]));
  return plan;
}

/** cuts[j] = index of the first SLS of run j; cuts[runs] = sls.length. */
function cutPoints(sls: readonly BalanceSls[], runs: number): number[] {
  const n = sls.length;
  const prefix = [0];
  for (const s of sls) prefix.push(prefix[prefix.length - 1] + s.perkiraanKk);
  const total = prefix[n];
  const mean = total / runs;
  const slack = (BALANCE_TOLERANCE / 2) * mean;
  const villageStarts: number[] = [];
  for (let i = 1; i < n; i++) if (sls[i].desaKode !== sls[i - 1].desaKode) villageStarts.push(i);

  const cuts = [0];
  for (let j = 1; j < runs; j++) {
    const previous = cuts[j - 1];
    const first = Math.min(previous + 1, n);
    const last = Math.max(first, n - (runs - j)); // leave at least one SLS for each later run when possible
    const ideal = j * mean;
    let best = nearestIndex(prefix, ideal, first, Math.min(last, n));
    // A village boundary near the target is better than the exact SLS when both stay within slack.
    let bestBoundaryGap = Infinity;
    for (let b = lowerBoundBy(villageStarts, (v) => prefix[v] >= ideal - slack); b < villageStarts.length; b++) {
      const at = villageStarts[b];
      if (prefix[at] > ideal + slack) break;
      if (at < first || at > last) continue;
      const gap = Math.abs(prefix[at] - ideal);
      if (gap < bestBoundaryGap) {
        bestBoundaryGap = gap;
        best = at;
      }
    }
    cuts.push(best);
  }
  cuts.push(n);
  return cuts;
}

/** The index in [from, to] whose prefix sum is closest to `target`. */
function nearestIndex(prefix: readonly number[], target: number, from: number, to: number): number {
  if (from >= to) return from;
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (prefix[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  if (lo > from && Math.abs(prefix[lo - 1] - target) <= Math.abs(prefix[lo] - target)) return lo - 1;
  return lo;
}

/** First index i with test(list[i]) true, for a test that is false then true along the list. */
function lowerBoundBy<T>(list: readonly T[], test: (value: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of cuts ≤ index. */
function upperBound(cuts: readonly number[], index: number): number {
  return lowerBoundBy(cuts, (c) => c > index);
}

/** Gives each run to the PPL already holding most of its families; the rest in preference order. */
function matchRunsToOfficers(sls: readonly BalanceSls[], cuts: readonly number[], officers: readonly string[], runOf: (i: number) => number): string[] {
  const runs = cuts.length - 1;
  const known = new Set(officers);
  const overlap = new Map<string, { run: number; officer: string; kk: number }>();
  sls.forEach((s, i) => {
    if (!s.current || !known.has(s.current)) return;
    const run = runOf(i);
    const key = `${run}|${s.current}`;
    const entry = overlap.get(key) ?? { run, officer: s.current, kk: 0 };
    entry.kk += s.perkiraanKk + 1; // +1 so that SLS with 0 families still count as held
    overlap.set(key, entry);
  });
  const owners: (string | undefined)[] = new Array(runs).fill(undefined);
  const taken = new Set<string>();
  for (const { run, officer } of [...overlap.values()].sort((a, b) => b.kk - a.kk || a.run - b.run)) {
    if (owners[run] !== undefined || taken.has(officer)) continue;
    owners[run] = officer;
    taken.add(officer);
  }
  const free = officers.filter((o) => !taken.has(o));
  return owners.map((o) => o ?? (free.shift() as string));
}
