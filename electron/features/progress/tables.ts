// Raw SQL: hot path — the dashboard's aggregates over the summary table (bench: progress).
import type { Db } from '../../db/open.js';
import { fieldPlan, isQuiet, daysBetween, quietSince, type FieldPlan } from './plan.js';
import {
  coveragePct,
  rollUp,
  slsProgress,
  underParent,
  UNASSIGNED,
  type CoverageRow,
  type ProgressLevel,
  type SlsProgress,
} from './coverage.js';

function officerNames(db: Db): Map<string, string> {
  const rows = db.$client.prepare('SELECT kode, nama FROM officers').all() as { kode: string; nama: string }[];
  const names = new Map(rows.map((r) => [r.kode, r.nama]));
  names.set(UNASSIGNED, 'Belum ditugaskan');
  return names;
}

export interface ProgressTable {
  plan: FieldPlan;
  level: ProgressLevel;
  parent: string | null;
  rows: CoverageRow[];
}

/** Coverage rows of one level, optionally only those under a parent (a kecamatan's villages, a PML's PPL…). */
export function progressTable(db: Db, level: ProgressLevel, parent: string | null, asOf: string): ProgressTable {
  const plan = fieldPlan(db, asOf);
  const all = slsProgress(db);
  const rows = parent ? all.filter((s) => underParent(level, parent, s)) : all;
  return { plan, level, parent, rows: rollUp(level, rows, plan, officerNames(db)) };
}

export interface TrendSeries {
  kode: string;
  nama: string;
  /** Households covered (complete or online-verified) visited on each day of `days`. */
  daily: number[];
}

export interface Trend {
  days: string[];
  kecamatan: TrendSeries[];
  /** Regency households covered up to and including each day. */
  cumulative: number[];
}

/** Daily households covered per kecamatan, from the day part of `visited_at`. */
export function coverageTrend(db: Db): Trend {
  const rows = db.$client
    .prepare(
      `SELECT d.kecamatan_kode AS kode, k.nama, p.day, sum(p.households) AS n
         FROM progress_sls_day p
         JOIN sls s ON s.sls_id = p.sls_id
         JOIN desa d ON d.kode = s.desa_kode
         JOIN kecamatan k ON k.kode = d.kecamatan_kode
        WHERE p.status IN ('complete', 'online_verified')
        GROUP BY d.kecamatan_kode, p.day`,
    )
    .all() as { kode: string; nama: string; day: string; n: number }[];
  const days = [...new Set(rows.map((r) => r.day))].sort();
  const index = new Map(days.map((d, i) => [d, i]));
  const series = new Map<string, TrendSeries>();
  const perDay = days.map(() => 0);
  for (const r of rows) {
    let s = series.get(r.kode);
    if (!s) series.set(r.kode, (s = { kode: r.kode, nama: r.nama, daily: days.map(() => 0) }));
    const i = index.get(r.day) as number;
    s.daily[i] += r.n;
    perDay[i] += r.n;
  }
  let running = 0;
  const cumulative = perDay.map((n) => (running += n));
  return { days, kecamatan: [...series.values()].sort((a, b) => a.kode.localeCompare(b.kode)), cumulative };
}

export interface QuietSls {
  slsId: string;
  nama: string;
  desaNama: string;
  kecamatanNama: string;
  ppl: string | null;
  lastDay: string | null;
  lastSyncAt: string | null;
  daysQuiet: number;
  coveragePct: number | null;
}

/** SLS not fully covered that no package touched for the quiet period, longest-quiet first. */
export function quietSls(plan: FieldPlan, rows: SlsProgress[]): QuietSls[] {
  return rows
    .filter((s) => isQuiet(plan, s.lastSyncAt, coveragePct(s) ?? 100))
    .map((s) => ({
      slsId: s.slsId,
      nama: s.nama,
      desaNama: s.desaNama,
      kecamatanNama: s.kecamatanNama,
      ppl: s.ppl,
      lastDay: s.lastDay,
      lastSyncAt: s.lastSyncAt,
      daysQuiet: daysBetween(quietSince(plan, s.lastSyncAt) as string, plan.asOf),
      coveragePct: coveragePct(s),
    }))
    .sort((a, b) => b.daysQuiet - a.daysQuiet || a.slsId.localeCompare(b.slsId));
}
