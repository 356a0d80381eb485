// Raw SQL: hot path — the dashboard's aggregates over the summary table (bench: progress).
import type { Db } from '../../db/open.js';
import { isQuiet, type FieldPlan } from './plan.js';

export const PROGRESS_LEVELS = ['kabupaten', 'kecamatan', 'desa', 'sls', 'ppl', 'pml', 'koseka'] as const;
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];

export interface StatusCounts {
  estimatedHouseholds: number;
  complete: number;
  onlineVerified: number;
  partial: number;
  refused: number;
  notFound: number;
  moved: number;
  /** Persons in covered (complete or online-verified) households. */
  penduduk: number;
  /** The last visit day (from `visited_at`). */
  lastDay: string | null;
  /** When the last accepted package that wrote one of its households was imported (ISO, UTC). */
  lastSyncAt: string | null;
}

/** One SLS with where it sits in the regency and in the field hierarchy (through its active assignment). */
export interface SlsProgress extends StatusCounts {
  slsId: string;
  nama: string;
  desaKode: string;
  desaNama: string;
  kecamatanKode: string;
  kecamatanNama: string;
  ppl: string | null;
  pml: string | null;
  koseka: string | null;
}

export interface CoverageRow extends StatusCounts {
  kode: string;
  nama: string;
  sls: number;
  households: number;
  /** (complete + online_verified) / perkiraan_kk × 100, uncapped; null when nothing is expected. */
  coveragePct: number | null;
  /** The same, capped at 100 for display. */
  coverageShownPct: number | null;
  expectedPct: number | null;
  /** coverage − expected in percentage points: positive is ahead of plan. */
  aheadPct: number | null;
  quietSls: number;
}

const SLS_PROGRESS_SQL = `
  SELECT s.sls_id AS slsId, s.nama, s.desa_kode AS desaKode, d.nama AS desaNama, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
         s.perkiraan_kk AS estimatedHouseholds,
         coalesce(p.complete, 0) AS complete, coalesce(p.onlineVerified, 0) AS onlineVerified, coalesce(p.partial, 0) AS partial,
         coalesce(p.refused, 0) AS refused, coalesce(p.notFound, 0) AS notFound, coalesce(p.moved, 0) AS moved,
         coalesce(p.penduduk, 0) AS penduduk, p.lastDay, ls.imported_at AS lastSyncAt,
         ppl.kode AS ppl, pml.kode AS pml, pml.atasan_kode AS koseka
    FROM sls s
    JOIN desa d ON d.kode = s.desa_kode
    JOIN kecamatan k ON k.kode = d.kecamatan_kode
    LEFT JOIN (
      SELECT sls_id,
             sum(CASE WHEN status = 'complete' THEN households ELSE 0 END) AS complete,
             sum(CASE WHEN status = 'online_verified' THEN households ELSE 0 END) AS onlineVerified,
             sum(CASE WHEN status = 'partial' THEN households ELSE 0 END) AS partial,
             sum(CASE WHEN status = 'refused' THEN households ELSE 0 END) AS refused,
             sum(CASE WHEN status = 'not_found' THEN households ELSE 0 END) AS notFound,
             sum(CASE WHEN status = 'moved' THEN households ELSE 0 END) AS moved,
             sum(CASE WHEN status IN ('complete', 'online_verified') THEN members ELSE 0 END) AS penduduk,
             max(day) AS lastDay
        FROM progress_sls_day GROUP BY sls_id
    ) p ON p.sls_id = s.sls_id
    LEFT JOIN sls_last_sync ls ON ls.sls_id = s.sls_id
    LEFT JOIN assignments a ON a.sls_id = s.sls_id AND a.end_date IS NULL
    LEFT JOIN officers ppl ON ppl.kode = a.officer_kode
    LEFT JOIN officers pml ON pml.kode = ppl.atasan_kode
   ORDER BY s.sls_id`;

/** Every SLS with its household counts by status (from the progress summary) and its officers. */
export function slsProgress(db: Db): SlsProgress[] {
  return db.$client.prepare(SLS_PROGRESS_SQL).all() as SlsProgress[];
}

export function coveragePct(
  counts: Pick<StatusCounts, 'estimatedHouseholds' | 'complete' | 'onlineVerified'>,
): number | null {
  return counts.estimatedHouseholds > 0
    ? ((counts.complete + counts.onlineVerified) / counts.estimatedHouseholds) * 100
    : null;
}

/** Which group an SLS belongs to at a level, and the group's parent (for drill-down), or null when unassigned. */
export function groupKey(level: ProgressLevel, sls: SlsProgress): string | null {
  switch (level) {
    case 'kabupaten':
      return 'kabupaten';
    case 'kecamatan':
      return sls.kecamatanKode;
    case 'desa':
      return sls.desaKode;
    case 'sls':
      return sls.slsId;
    case 'ppl':
      return sls.ppl;
    case 'pml':
      return sls.pml;
    case 'koseka':
      return sls.koseka;
  }
}

const PARENT_LEVEL: Partial<Record<ProgressLevel, ProgressLevel>> = {
  kecamatan: 'kabupaten',
  desa: 'kecamatan',
  sls: 'desa',
  pml: 'koseka',
  ppl: 'pml',
};

/** The SLS under `parent` when listing `level` (an SLS list may be under a village or a PPL). */
export function underParent(level: ProgressLevel, parent: string, sls: SlsProgress): boolean {
  if (level === 'sls') return sls.desaKode === parent || sls.ppl === parent;
  const parentLevel = PARENT_LEVEL[level];
  return parentLevel ? groupKey(parentLevel, sls) === parent : true;
}

export const UNASSIGNED = '-';

/**
 * Sums SLS into rows of a level. Every SLS lands in exactly one row (officer levels have an
 * "unassigned" row), so the rows always add up to the whole.
 */
export function rollUp(
  level: ProgressLevel,
  rows: SlsProgress[],
  plan: FieldPlan,
  names: Map<string, string>,
): CoverageRow[] {
  const groups = new Map<string, CoverageRow>();
  for (const sls of rows) {
    const kode = groupKey(level, sls) ?? UNASSIGNED;
    let row = groups.get(kode);
    if (!row) {
      row = {
        kode,
        nama:
          level === 'sls'
            ? sls.nama
            : level === 'desa'
              ? sls.desaNama
              : level === 'kecamatan'
                ? sls.kecamatanNama
                : (names.get(kode) ?? kode),
        sls: 0,
        households: 0,
        estimatedHouseholds: 0,
        complete: 0,
        onlineVerified: 0,
        partial: 0,
        refused: 0,
        notFound: 0,
        moved: 0,
        penduduk: 0,
        lastDay: null,
        lastSyncAt: null,
        coveragePct: null,
        coverageShownPct: null,
        expectedPct: plan.expectedPct,
        aheadPct: null,
        quietSls: 0,
      };
      groups.set(kode, row);
    }
    row.sls++;
    row.estimatedHouseholds += sls.estimatedHouseholds;
    row.complete += sls.complete;
    row.onlineVerified += sls.onlineVerified;
    row.partial += sls.partial;
    row.refused += sls.refused;
    row.notFound += sls.notFound;
    row.moved += sls.moved;
    row.penduduk += sls.penduduk;
    row.households += sls.complete + sls.onlineVerified + sls.partial + sls.refused + sls.notFound + sls.moved;
    if (sls.lastDay && (!row.lastDay || sls.lastDay > row.lastDay)) row.lastDay = sls.lastDay;
    if (sls.lastSyncAt && (!row.lastSyncAt || sls.lastSyncAt > row.lastSyncAt)) row.lastSyncAt = sls.lastSyncAt;
    if (isQuiet(plan, sls.lastSyncAt, coveragePct(sls) ?? 100)) row.quietSls++;
  }
  for (const row of groups.values()) {
    row.coveragePct = coveragePct(row);
    row.coverageShownPct = row.coveragePct == null ? null : Math.min(100, row.coveragePct);
    row.aheadPct =
      row.coveragePct == null || plan.expectedPct == null ? null : Math.min(100, row.coveragePct) - plan.expectedPct;
  }
  return [...groups.values()];
}
