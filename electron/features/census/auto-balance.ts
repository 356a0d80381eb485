import { BALANCE_TOLERANCE } from '../../../common/officer-loads.js';

export interface BalanceSls {
  slsId: string;
  desaKode: string;
  estimatedHouseholds: number;
  /** The PPL holding it now, if any. */
  current: string | null;
}

/**
 * Spreads the SLS of one kecamatan over its PPL. The SLS are taken in id order (village by village,
 * RT by RT) and cut into one run per PPL, so a PPL works in one village or in neighbouring ones;
 * the cuts are chosen to keep every run within ±15% of the mean load and, among such plans, to
 * split as few villages as possible. Runs then go to the PPL who already hold most of them, so a
 * re-balance moves as little as possible.
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
  sls.forEach((s, i) => {
    plan.set(s.slsId, owners[runOf(i)]);
  });
  return plan;
}

interface Cost {
  /** Largest amount by which a run leaves the ±tolerance band, in families (0 when all fit). */
  excess: number;
  /** Cuts that split a village. */
  splits: number;
  /** Sum of squared distances from the mean, for the most even of equally good plans. */
  spread: number;
}

function better(a: Cost, b: Cost): boolean {
  if (Math.abs(a.excess - b.excess) > 1e-9) return a.excess < b.excess;
  if (a.splits !== b.splits) return a.splits < b.splits;
  return a.spread < b.spread - 1e-9;
}

/**
 * cuts[j] = index of the first SLS of run j; cuts[runs] = sls.length. Dynamic programming over
 * (run, end index): first bring every run within the tolerance band, then split as few villages
 * as possible, then be as even as possible. Runs longer than three mean loads are never needed.
 */
function cutPoints(sls: readonly BalanceSls[], runs: number): number[] {
  const n = sls.length;
  if (n <= runs) return Array.from({ length: runs + 1 }, (_, j) => Math.min(j, n));
  const prefix = [0];
  for (const s of sls) prefix.push(prefix[prefix.length - 1] + s.estimatedHouseholds);
  const mean = prefix[n] / runs;
  const band = BALANCE_TOLERANCE * mean;
  const villageStart = (i: number) => i === 0 || i === n || sls[i].desaKode !== sls[i - 1].desaKode;
  const runCost = (from: number, to: number) => {
    const gap = Math.abs(prefix[to] - prefix[from] - mean);
    return { excess: Math.max(0, gap - band), spread: gap * gap };
  };
  // best[j][e]: the best way to cover SLS 0..e-1 with j runs; from[j][e]: where run j-1 started.
  const best: (Cost | null)[][] = [
    Array.from({ length: n + 1 }, (_, e) => (e === 0 ? { excess: 0, splits: 0, spread: 0 } : null)),
  ];
  const from: number[][] = [new Array(n + 1).fill(-1)];
  const longest = 3 * mean;
  for (let j = 1; j <= runs; j++) {
    const row: (Cost | null)[] = new Array(n + 1).fill(null);
    const back: number[] = new Array(n + 1).fill(-1);
    // Each run takes at least one SLS, and leaves at least one for every later run.
    for (let e = j; e <= n - (runs - j); e++) {
      const split = villageStart(e) ? 0 : 1;
      for (let p = e - 1; p >= j - 1; p--) {
        if (p < e - 1 && prefix[e] - prefix[p] > longest) break;
        const before = best[j - 1][p];
        if (!before) continue;
        const run = runCost(p, e);
        const cost = {
          excess: Math.max(before.excess, run.excess),
          splits: before.splits + split,
          spread: before.spread + run.spread,
        };
        if (!row[e] || better(cost, row[e]!)) {
          row[e] = cost;
          back[e] = p;
        }
      }
    }
    best.push(row);
    from.push(back);
  }
  if (!best[runs][n]) return Array.from({ length: runs + 1 }, (_, j) => Math.round((j * n) / runs)); // not reachable in practice
  const cuts = [n];
  for (let j = runs, e = n; j > 0; j--) {
    e = from[j][e];
    cuts.unshift(e);
  }
  return cuts;
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
function matchRunsToOfficers(
  sls: readonly BalanceSls[],
  cuts: readonly number[],
  officers: readonly string[],
  runOf: (i: number) => number,
): string[] {
  const runs = cuts.length - 1;
  const known = new Set(officers);
  const overlap = new Map<string, { run: number; officer: string; kk: number }>();
  sls.forEach((s, i) => {
    if (!s.current || !known.has(s.current)) return;
    const run = runOf(i);
    const key = `${run}|${s.current}`;
    const entry = overlap.get(key) ?? { run, officer: s.current, kk: 0 };
    entry.kk += s.estimatedHouseholds + 1; // +1 so that SLS with 0 families still count as held
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
