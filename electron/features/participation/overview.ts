import type { Db } from '../../db/open.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';
import { cumulativeDrops } from './import.js';
import { effectiveTarget, loadTargets, type Targets } from './targets.js';
import { rankBy } from '../../../common/numbers.js';

export interface ParticipationRow {
  kode: string;
  nama: string;
  kkOnline: number;
  pendudukOnline: number;
  kkBaseline: number;
  pendudukBaseline: number;
  /** kk_online / baseline kk × 100; null without a baseline. */
  rateKkPct: number | null;
  ratePendudukPct: number | null;
  /** Own or inherited target (% of baseline families). */
  targetPct: number | null;
  /** True when the place has its own target rather than an inherited one. */
  ownTarget: boolean;
  /** rate / target × 100: how far along the target the place is; what the ranking sorts by. */
  attainmentPct: number | null;
  rank: number;
}

interface VillageFigures {
  kode: string;
  nama: string;
  kecamatanKode: string;
  kecamatanNama: string;
  kkOnline: number;
  pendudukOnline: number;
  kkBaseline: number;
  pendudukBaseline: number;
}

/** The last date with SP Online figures on or before `date` (or at all), or null when none were imported. */
export function participationAsOf(db: Db, date?: string | null): string | null {
  return db.$client
    .prepare('SELECT max(tanggal) FROM sp_online_daily WHERE @date IS NULL OR tanggal <= @date')
    .pluck()
    .get({ date: date ?? null }) as string | null;
}

/** Each village's latest cumulative figures on or before `asOf` (a village that did not report that day keeps its last figure). */
function villageFigures(db: Db, asOf: string | null): VillageFigures[] {
  return db.$client
    .prepare(
      `SELECT d.kode, d.nama, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
              coalesce(s.kk_online, 0) AS kkOnline, coalesce(s.penduduk_online, 0) AS pendudukOnline,
              coalesce(b.kk, 0) AS kkBaseline, coalesce(b.penduduk, 0) AS pendudukBaseline
         FROM desa d
         JOIN kecamatan k ON k.kode = d.kecamatan_kode
         LEFT JOIN sp_online_daily s ON s.desa_kode = d.kode
              AND s.tanggal = (SELECT max(tanggal) FROM sp_online_daily x WHERE x.desa_kode = d.kode AND x.tanggal <= @asOf)
         LEFT JOIN population_baseline b ON b.desa_kode = d.kode
        ORDER BY d.kode`,
    )
    .all({ asOf: asOf ?? '' }) as VillageFigures[];
}

type Sums = Pick<ParticipationRow, 'kkOnline' | 'pendudukOnline' | 'kkBaseline' | 'pendudukBaseline'>;

function rateRow(kode: string, nama: string, sums: Sums, targets: Targets): ParticipationRow {
  const rateKkPct = sums.kkBaseline > 0 ? (sums.kkOnline / sums.kkBaseline) * 100 : null;
  const targetPct = effectiveTarget(targets, kode);
  return {
    kode,
    nama,
    ...sums,
    rateKkPct,
    ratePendudukPct: sums.pendudukBaseline > 0 ? (sums.pendudukOnline / sums.pendudukBaseline) * 100 : null,
    targetPct,
    ownTarget: targets.has(kode),
    attainmentPct: rateKkPct == null ? null : targetPct ? (rateKkPct / targetPct) * 100 : null,
    rank: 0,
  };
}

/** Ranks by attainment of target (by rate where there is no target), best first. */
function ranked(rows: ParticipationRow[]): ParticipationRow[] {
  const score = (r: ParticipationRow) => r.attainmentPct ?? r.rateKkPct ?? -1;
  return rankBy([...rows], score, (a, b) => a.kode.localeCompare(b.kode));
}

function sum(rows: Sums[]): Sums {
  return rows.reduce<Sums>(
    (s, r) => ({
      kkOnline: s.kkOnline + r.kkOnline,
      pendudukOnline: s.pendudukOnline + r.pendudukOnline,
      kkBaseline: s.kkBaseline + r.kkBaseline,
      pendudukBaseline: s.pendudukBaseline + r.pendudukBaseline,
    }),
    { kkOnline: 0, pendudukOnline: 0, kkBaseline: 0, pendudukBaseline: 0 },
  );
}

export interface ParticipationLevel {
  asOf: string | null;
  rows: ParticipationRow[];
}

/** Participation per kecamatan, ranked. */
export function participationByKecamatan(
  db: Db,
  date?: string | null,
): ParticipationLevel & { regency: ParticipationRow } {
  const asOf = participationAsOf(db, date);
  const targets = loadTargets(db);
  const villages = villageFigures(db, asOf);
  const groups = new Map<string, { nama: string; rows: VillageFigures[] }>();
  for (const v of villages) {
    const group = groups.get(v.kecamatanKode) ?? { nama: v.kecamatanNama, rows: [] };
    group.rows.push(v);
    groups.set(v.kecamatanKode, group);
  }
  const rows = ranked([...groups].map(([kode, g]) => rateRow(kode, g.nama, sum(g.rows), targets)));
  const kabupaten = requireOfficeKabupaten(db);
  const nama =
    (db.$client.prepare('SELECT nama FROM kabupaten WHERE kode = ?').pluck().get(kabupaten) as string) ?? kabupaten;
  return { asOf, rows, regency: rateRow(kabupaten, nama, sum(villages), targets) };
}

/** Participation per village (of one kecamatan, or all), ranked. */
export function participationByDesa(db: Db, kecamatan?: string | null, date?: string | null): ParticipationLevel {
  const asOf = participationAsOf(db, date);
  const targets = loadTargets(db);
  const villages = villageFigures(db, asOf).filter((v) => !kecamatan || v.kecamatanKode === kecamatan);
  return { asOf, rows: ranked(villages.map((v) => rateRow(v.kode, v.nama, v, targets))) };
}

export interface CurvePoint {
  tanggal: string;
  kkOnline: number;
  pendudukOnline: number;
  rateKkPct: number | null;
}

/** The regency's (or one village's) daily cumulative curve; villages missing a day carry their last figure. */
export function participationCurve(
  db: Db,
  desa?: string | null,
): { points: CurvePoint[]; targetPct: number | null; kkBaseline: number } {
  const rows = db.$client
    .prepare(
      `SELECT tanggal, desa_kode AS desa, kk_online AS kk, penduduk_online AS penduduk FROM sp_online_daily
        WHERE @desa IS NULL OR desa_kode = @desa ORDER BY tanggal`,
    )
    .all({ desa: desa ?? null }) as { tanggal: string; desa: string; kk: number; penduduk: number }[];
  const kkBaseline = db.$client
    .prepare('SELECT coalesce(sum(kk), 0) FROM population_baseline WHERE @desa IS NULL OR desa_kode = @desa')
    .pluck()
    .get({ desa: desa ?? null }) as number;
  const latest = new Map<string, { kk: number; penduduk: number }>();
  const points: CurvePoint[] = [];
  let kk = 0;
  let penduduk = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const before = latest.get(r.desa);
    kk += r.kk - (before?.kk ?? 0);
    penduduk += r.penduduk - (before?.penduduk ?? 0);
    latest.set(r.desa, r);
    if (rows[i + 1]?.tanggal !== r.tanggal)
      points.push({
        tanggal: r.tanggal,
        kkOnline: kk,
        pendudukOnline: penduduk,
        rateKkPct: kkBaseline > 0 ? (kk / kkBaseline) * 100 : null,
      });
  }
  const targets = loadTargets(db);
  return { points, targetPct: effectiveTarget(targets, desa ?? requireOfficeKabupaten(db)), kkBaseline };
}

/** How many cumulative drops are on record (kept, flagged for a person to check). */
export function dropCount(db: Db): number {
  return cumulativeDrops(db).length;
}
