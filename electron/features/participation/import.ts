import type { Db } from '../../db/open.js';
import type { Progress } from '../../api/define.js';
import { readTableFile } from '../../files/table-file.js';
import { cell, IssueList, validateTable, type Columns, type ValidRow } from '../../files/table-validate.js';
import type { ApiErrorIssue } from '../../api/errors.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';

/** How many changes and drops a result lists one by one (the counts are always complete). */
export const MAX_LISTED_CHANGES = 200;

export const SP_ONLINE_COLUMNS = {
  tanggal: { schema: cell.date() },
  kode_desa: { schema: cell.desaCode(), code: 'code' },
  kk_online: { schema: cell.integer(0) },
  penduduk_online: { schema: cell.integer(0) },
} satisfies Columns;

export const BASELINE_COLUMNS = {
  kode_desa: { schema: cell.desaCode(), code: 'code' },
  kk: { schema: cell.integer(0) },
  penduduk: { schema: cell.integer(0) },
} satisfies Columns;

export type SpOnlineRow = ValidRow<{ tanggal: string; kode_desa: string; kk_online: number; penduduk_online: number }>;
export type BaselineRow = ValidRow<{ kode_desa: string; kk: number; penduduk: number }>;

/** Rows read from a file, and how it was read (shown with the import result). */
export interface ReadRows<R> {
  rows: R[];
  notices: ApiErrorIssue[];
}

const read = (filePath: string, columns: Columns) => readTableFile(filePath, { columns: Object.keys(columns) });

/** Reads and checks an SP Online daily file (office-files.md §2); rejects it whole on any problem. */
export async function readSpOnlineFile(filePath: string): Promise<ReadRows<SpOnlineRow>> {
  const issues = new IssueList();
  const rows = validateTable(await read(filePath, SP_ONLINE_COLUMNS), SP_ONLINE_COLUMNS, issues);
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    const key = `${record.tanggal} ${record.kode_desa}`;
    const first = seen.get(key);
    if (first)
      issues.add(row, 'kode_desa', 'participation.duplicateDay', {
        value: record.kode_desa,
        tanggal: record.tanggal,
        first,
      });
    else seen.set(key, row);
  }
  issues.throwIfAny();
  return { rows, notices: issues.notices };
}

/** Reads and checks a population baseline file (office-files.md §3). */
export async function readBaselineFile(filePath: string): Promise<ReadRows<BaselineRow>> {
  const issues = new IssueList();
  const rows = validateTable(await read(filePath, BASELINE_COLUMNS), BASELINE_COLUMNS, issues);
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    const first = seen.get(record.kode_desa);
    if (first) issues.add(row, 'kode_desa', 'participation.duplicateVillage', { value: record.kode_desa, first });
    else seen.set(record.kode_desa, row);
  }
  issues.throwIfAny();
  return { rows, notices: issues.notices };
}

/** Every village code must be one of the office's regency's villages (the `desa` table holds only those). */
function checkVillages(db: Db, rows: { row: number; record: { kode_desa: string } }[]): void {
  const kabupaten = requireOfficeKabupaten(db);
  const known = new Set(db.$client.prepare('SELECT kode FROM desa').pluck().all() as string[]);
  const issues = new IssueList();
  for (const { row, record } of rows) {
    if (!known.has(record.kode_desa))
      issues.add(row, 'kode_desa', 'participation.villageOutside', { value: record.kode_desa, kabupaten });
  }
  issues.throwIfAny();
}

export interface Change<V> {
  row: number;
  kodeDesa: string;
  tanggal?: string;
  before: V;
  after: V;
}

export interface CumulativeDrop {
  kodeDesa: string;
  tanggal: string;
  kkOnline: number;
  pendudukOnline: number;
  previousTanggal: string;
  previousKk: number;
  previousPenduduk: number;
}

export interface SpOnlineImportResult {
  rows: number;
  added: number;
  replaced: number;
  unchanged: number;
  /** Replaced values, up to MAX_LISTED_CHANGES. */
  changes: Change<{ kkOnline: number; pendudukOnline: number }>[];
  /** Cumulative counts lower than the village's previous day, in the imported villages (kept, flagged). */
  drops: CumulativeDrop[];
  dropCount: number;
  dates: { first: string; last: string };
}

const DROPS_SQL = `
  SELECT kodeDesa, tanggal, kkOnline, pendudukOnline, previousTanggal, previousKk, previousPenduduk FROM (
    SELECT desa_kode AS kodeDesa, tanggal, kk_online AS kkOnline, penduduk_online AS pendudukOnline,
           lag(tanggal) OVER w AS previousTanggal, lag(kk_online) OVER w AS previousKk, lag(penduduk_online) OVER w AS previousPenduduk
      FROM sp_online_daily
     WHERE @villages IS NULL OR desa_kode IN (SELECT value FROM json_each(@villages))
    WINDOW w AS (PARTITION BY desa_kode ORDER BY tanggal))
   WHERE kkOnline < previousKk OR pendudukOnline < previousPenduduk
   ORDER BY kodeDesa, tanggal`;

/** Days on which a village's cumulative count fell below the day before (all villages when none are named). */
export function cumulativeDrops(db: Db, villages?: string[]): CumulativeDrop[] {
  return db.$client
    .prepare(DROPS_SQL)
    .all({ villages: villages ? JSON.stringify(villages) : null }) as CumulativeDrop[];
}

/** Stores SP Online rows: new (date, village) pairs are added, a later value replaces the earlier one. */
export function importSpOnline(db: Db, rows: SpOnlineRow[], progress: (p: Progress) => void): SpOnlineImportResult {
  checkVillages(db, rows);
  const now = new Date().toISOString();
  const find = db.$client.prepare(
    'SELECT kk_online AS kk, penduduk_online AS penduduk FROM sp_online_daily WHERE desa_kode = ? AND tanggal = ?',
  );
  const upsert = db.$client.prepare(
    `INSERT INTO sp_online_daily (tanggal, desa_kode, kk_online, penduduk_online, imported_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (desa_kode, tanggal) DO UPDATE SET kk_online = excluded.kk_online, penduduk_online = excluded.penduduk_online, imported_at = excluded.imported_at`,
  );
  const result: SpOnlineImportResult = {
    rows: rows.length,
    added: 0,
    replaced: 0,
    unchanged: 0,
    changes: [],
    drops: [],
    dropCount: 0,
    dates: { first: '', last: '' },
  };
  rows.forEach(({ row, record }, i) => {
    const existing = find.get(record.kode_desa, record.tanggal) as { kk: number; penduduk: number } | undefined;
    if (existing && existing.kk === record.kk_online && existing.penduduk === record.penduduk_online)
      result.unchanged++;
    else {
      upsert.run(record.tanggal, record.kode_desa, record.kk_online, record.penduduk_online, now);
      if (!existing) result.added++;
      else {
        result.replaced++;
        if (result.changes.length < MAX_LISTED_CHANGES) {
          result.changes.push({
            row,
            kodeDesa: record.kode_desa,
            tanggal: record.tanggal,
            before: { kkOnline: existing.kk, pendudukOnline: existing.penduduk },
            after: { kkOnline: record.kk_online, pendudukOnline: record.penduduk_online },
          });
        }
      }
    }
    if (!result.dates.first || record.tanggal < result.dates.first) result.dates.first = record.tanggal;
    if (record.tanggal > result.dates.last) result.dates.last = record.tanggal;
    if ((i + 1) % 500 === 0 || i === rows.length - 1) progress({ done: i + 1, total: rows.length, label: 'sp-online' });
  });
  const drops = cumulativeDrops(db, [...new Set(rows.map((r) => r.record.kode_desa))]);
  result.dropCount = drops.length;
  result.drops = drops.slice(0, MAX_LISTED_CHANGES);
  return result;
}

export interface BaselineImportResult {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  changes: Change<{ kk: number; penduduk: number }>[];
}

/** Stores the population baseline per village; a newer figure replaces the older one and is reported. */
export function importBaseline(db: Db, rows: BaselineRow[], progress: (p: Progress) => void): BaselineImportResult {
  checkVillages(db, rows);
  const now = new Date().toISOString();
  const find = db.$client.prepare('SELECT kk, penduduk FROM population_baseline WHERE desa_kode = ?');
  const upsert = db.$client.prepare(
    `INSERT INTO population_baseline (desa_kode, kk, penduduk, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (desa_kode) DO UPDATE SET kk = excluded.kk, penduduk = excluded.penduduk, updated_at = excluded.updated_at`,
  );
  const result: BaselineImportResult = { rows: rows.length, added: 0, updated: 0, unchanged: 0, changes: [] };
  rows.forEach(({ row, record }, i) => {
    const existing = find.get(record.kode_desa) as { kk: number; penduduk: number } | undefined;
    if (existing && existing.kk === record.kk && existing.penduduk === record.penduduk) result.unchanged++;
    else {
      upsert.run(record.kode_desa, record.kk, record.penduduk, now);
      if (!existing) result.added++;
      else {
        result.updated++;
        if (result.changes.length < MAX_LISTED_CHANGES)
          result.changes.push({
            row,
            kodeDesa: record.kode_desa,
            before: existing,
            after: { kk: record.kk, penduduk: record.penduduk },
          });
      }
    }
    if ((i + 1) % 500 === 0 || i === rows.length - 1) progress({ done: i + 1, total: rows.length, label: 'baseline' });
  });
  return result;
}
