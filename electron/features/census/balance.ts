// Raw SQL: hot path — auto-balance reads a kecamatan's frame and loads at once (bench: assign).
import { BALANCE_TOLERANCE, outOfBounds, summariseLoads, type OfficerLoad } from '../../../common/officer-loads.js';
import type { Db } from '../../db/open.js';
import { ApiError, problemIssue, sampleOf } from '../../api/errors.js';
import { readSetting } from '../settings/service.js';
import { assignSls } from './assignments.js';
import { balanceKecamatan } from './auto-balance.js';
import { listOfficers } from './officers.js';
import { listSls } from './sls.js';

export interface ProposalItem {
  slsId: string;
  desaKode: string;
  desaNama: string;
  nama: string;
  estimatedHouseholds: number;
  currentKode: string | null;
  officerCode: string;
}

export interface ProposalOfficer extends OfficerLoad {
  nama: string;
  atasanKode: string | null;
  /** Villages this PPL would work in. */
  desa: string[];
}

export interface BalanceProposal {
  kecamatan: { kode: string; nama: string };
  targetLoadKk: number;
  /** PPL the kecamatan would need at the target load. */
  neededPpl: number;
  totalKk: number;
  meanKk: number;
  tolerance: number;
  maxDeviation: number;
  withinTolerance: boolean;
  /** Why the proposal is not within tolerance, or why the target cannot be met; empty when all is well. */
  notes: string[];
  officers: ProposalOfficer[];
  items: ProposalItem[];
  /** SLS whose PPL would change. */
  changes: number;
}

function activePplOf(db: Db, kecamatanKode: string) {
  // Team order: PPL of one PML get neighbouring runs (neighbouring villages).
  return listOfficers(db, { peran: 'PPL', aktif: true, kecamatan: kecamatanKode }).sort(
    (a, b) => (a.atasanKode ?? '').localeCompare(b.atasanKode ?? '') || a.kode.localeCompare(b.kode),
  );
}

function requireKecamatan(db: Db, kode: string): { kode: string; nama: string } {
  const row = db.$client.prepare('SELECT kode, nama FROM kecamatan WHERE kode = ?').get(kode) as
    | { kode: string; nama: string }
    | undefined;
  if (!row) throw ApiError.problem('NOT_FOUND', 'census.balance.kecamatanOutside', { kecamatan: kode });
  return row;
}

/** Proposes assignments of every SLS of a kecamatan to its active PPL; changes nothing. */
export function proposeBalance(db: Db, kecamatanKode: string): BalanceProposal {
  const kecamatan = requireKecamatan(db, kecamatanKode);
  const ppl = activePplOf(db, kecamatanKode);
  if (!ppl.length)
    throw ApiError.problem('REJECTED', 'census.balance.noPpl', { name: kecamatan.nama, kecamatan: kecamatanKode });
  const sls = listSls(db, { kecamatan: kecamatanKode });
  if (!sls.length)
    throw ApiError.problem('REJECTED', 'census.balance.noSls', { name: kecamatan.nama, kecamatan: kecamatanKode });
  const plan = balanceKecamatan(
    sls.map((s) => ({
      slsId: s.slsId,
      desaKode: s.desaKode,
      estimatedHouseholds: s.estimatedHouseholds,
      current: s.pplKode,
    })),
    ppl.map((p) => p.kode),
  );
  const items: ProposalItem[] = sls.map((s) => ({
    slsId: s.slsId,
    desaKode: s.desaKode,
    desaNama: s.desaNama,
    nama: s.nama,
    estimatedHouseholds: s.estimatedHouseholds,
    currentKode: s.pplKode,
    officerCode: plan.get(s.slsId)!,
  }));
  const summary = summariseLoads(
    items,
    ppl.map((p) => p.kode),
  );
  const targetLoadKk = readSetting(db, 'census.targetLoadKk');
  const neededPpl = Math.max(1, Math.round(summary.totalKk / targetLoadKk));
  const notes: string[] = [];
  if (!summary.withinTolerance) {
    const biggest = Math.max(...sls.map((s) => s.estimatedHouseholds));
    const reason =
      sls.length < ppl.length
        ? `there are fewer SLS (${sls.length}) than PPL (${ppl.length})`
        : biggest > summary.meanKk * (1 + BALANCE_TOLERANCE)
          ? `one SLS alone has ${biggest} families, more than ${Math.round((1 + BALANCE_TOLERANCE) * 100)}% of the mean load`
          : 'the SLS sizes do not divide evenly';
    notes.push(
      `Cannot bring every PPL within ±${BALANCE_TOLERANCE * 100}% of the mean: ${reason}; worst deviation ${(summary.maxDeviation * 100).toFixed(1)}%`,
    );
  }
  if (Math.abs(summary.meanKk - targetLoadKk) > targetLoadKk * BALANCE_TOLERANCE) {
    notes.push(
      `The mean load is ${Math.round(summary.meanKk)} families against a target of ${targetLoadKk}: this kecamatan needs about ${neededPpl} PPL and has ${ppl.length}`,
    );
  }
  const villages = new Map<string, Set<string>>();
  for (const item of items) {
    const set = villages.get(item.officerCode) ?? new Set<string>();
    set.add(item.desaNama);
    villages.set(item.officerCode, set);
  }
  const officers = summary.loads.map((load, i) => ({
    ...load,
    nama: ppl[i].nama,
    atasanKode: ppl[i].atasanKode,
    desa: [...(villages.get(load.kode) ?? [])],
  }));
  return {
    kecamatan,
    targetLoadKk,
    neededPpl,
    totalKk: summary.totalKk,
    meanKk: summary.meanKk,
    tolerance: BALANCE_TOLERANCE,
    maxDeviation: summary.maxDeviation,
    withinTolerance: summary.withinTolerance,
    notes,
    officers,
    items,
    changes: items.filter((i) => i.officerCode !== i.currentKode).length,
  };
}

export const BALANCE_REASON = 'auto-balance';

export interface ApplyBalanceResult {
  kecamatan: string;
  assigned: number;
  moved: number;
  unchanged: number;
  /** PPL left outside the load bounds, applied because the coordinator confirmed it. */
  outOfBounds: string[];
}

/** The PPL of the kecamatan a proposal leaves outside ±tolerance of the mean load, worst first. */
function loadsOutOfBounds(
  db: Db,
  kecamatanKode: string,
  frame: readonly { slsId: string; estimatedHouseholds: number }[],
  items: readonly { slsId: string; officerCode: string }[],
) {
  const kk = new Map(frame.map((s) => [s.slsId, s.estimatedHouseholds]));
  const summary = summariseLoads(
    items.map((i) => ({ officerCode: i.officerCode, estimatedHouseholds: kk.get(i.slsId) ?? 0 })),
    activePplOf(db, kecamatanKode).map((p) => p.kode),
  );
  return { outside: outOfBounds(summary), meanKk: summary.meanKk };
}

/** The refusal naming each PPL outside the bounds and by how much. */
function outOfBoundsProblem({ outside, meanKk }: ReturnType<typeof loadsOutOfBounds>): ApiError {
  const percent = (deviation: number) => Math.round(Math.abs(deviation) * 1000) / 10;
  return ApiError.problem(
    'REJECTED',
    'census.balance.outOfBounds',
    { count: outside.length, tolerance: BALANCE_TOLERANCE * 100, mean: Math.round(meanKk) },
    outside.map((l) =>
      problemIssue(null, null, l.deviation > 0 ? 'census.balance.pplAbove' : 'census.balance.pplBelow', {
        kode: l.kode,
        kk: l.kk,
        deviation: percent(l.deviation),
      }),
    ),
  );
}

/**
 * Applies an accepted (possibly edited) proposal: every listed SLS must lie in the kecamatan, and a
 * PPL left outside the load bounds needs `confirmOutOfBounds`.
 */
export function applyBalance(
  db: Db,
  kecamatanKode: string,
  items: readonly { slsId: string; officerCode: string }[],
  confirmOutOfBounds = false,
): ApplyBalanceResult {
  requireKecamatan(db, kecamatanKode);
  const frame = listSls(db, { kecamatan: kecamatanKode });
  const inKecamatan = new Set(frame.map((s) => s.slsId));
  const outside = items.filter((i) => !inKecamatan.has(i.slsId)).map((i) => i.slsId);
  if (outside.length)
    throw ApiError.problem('REJECTED', 'census.balance.outside', {
      kecamatan: kecamatanKode,
      count: outside.length,
      ids: sampleOf(outside, 5),
    });
  const seen = new Set<string>();
  const twice = items.filter((i) => seen.size === seen.add(i.slsId).size).map((i) => i.slsId);
  if (twice.length) throw ApiError.problem('REJECTED', 'census.balance.twice', { ids: sampleOf(twice, 5) });
  const bounds = loadsOutOfBounds(db, kecamatanKode, frame, items);
  if (bounds.outside.length && !confirmOutOfBounds) throw outOfBoundsProblem(bounds);
  const byOfficer = new Map<string, string[]>();
  for (const item of items) {
    const list = byOfficer.get(item.officerCode) ?? [];
    list.push(item.slsId);
    byOfficer.set(item.officerCode, list);
  }
  const result: ApplyBalanceResult = {
    kecamatan: kecamatanKode,
    assigned: 0,
    moved: 0,
    unchanged: 0,
    outOfBounds: bounds.outside.map((l) => l.kode),
  };
  for (const [officerCode, slsIds] of byOfficer) {
    const done = assignSls(db, slsIds, officerCode, BALANCE_REASON);
    result.assigned += done.assigned;
    result.moved += done.moved;
    result.unchanged += done.unchanged;
  }
  return result;
}
