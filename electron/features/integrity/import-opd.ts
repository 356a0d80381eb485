import { OPD_KINDS } from '../../../drizzle/schema/index.js';
import type { OpContext } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import type { TableFile } from '../../files/table-file.js';
import { cell, fail, IssueList, rule, validateTable, type Columns } from '../../files/table-validate.js';
import type { ApiErrorIssue } from '../../api/errors.js';
import { now } from './common.js';

export const OPD_COLUMNS = {
  kode: { schema: rule((v) => (/^[A-Z0-9.-]{1,32}$/.test(v) ? v : fail('integrity.opd.code'))), code: 'code' },
  nama: { schema: cell.text(1, 150) },
  jenis: { schema: cell.oneOf(OPD_KINDS) },
} satisfies Columns;

export interface OpdImportResult {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Registered OPD the file no longer lists: kept (employees and pacts refer to them), reported. */
  notInFile: string[];
  /** How the file was read (e.g. as Windows-1252). */
  notices: ApiErrorIssue[];
}

/** Imports the OPD register (office-files.md §5): whole-or-nothing, codes and names unique. */
export function importOpd(db: Db, table: TableFile, ctx: Pick<OpContext, 'progress'>): OpdImportResult {
  const issues = new IssueList();
  const rows = validateTable(table, OPD_COLUMNS, issues);
  const firstRowOf = { kode: new Map<string, number>(), nama: new Map<string, number>() };
  for (const { row, record } of rows) {
    for (const key of ['kode', 'nama'] as const) {
      const seen = firstRowOf[key].get(record[key]);
      if (seen) issues.add(row, key, 'integrity.opd.duplicate', { value: record[key], first: seen, column: key });
      else firstRowOf[key].set(record[key], row);
    }
  }
  const stored = db.$client.prepare('SELECT kode, nama, jenis FROM opd').all() as {
    kode: string;
    nama: string;
    jenis: string;
  }[];
  for (const existing of stored) {
    const row = firstRowOf.nama.get(existing.nama);
    if (row && !firstRowOf.kode.has(existing.kode)) {
      issues.add(row, 'nama', 'integrity.opd.nameTaken', { value: existing.nama, kode: existing.kode });
    }
  }
  issues.throwIfAny();

  const byKode = new Map(stored.map((o) => [o.kode, o]));
  const result: OpdImportResult = {
    rows: rows.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    notInFile: [],
    notices: issues.notices,
  };
  const at = now();
  // Renames may swap names between codes: park the changed names first so the unique index holds.
  const park = db.$client.prepare("UPDATE opd SET nama = '~' || kode WHERE kode = ?");
  const update = db.$client.prepare(
    'UPDATE opd SET nama = ?, jenis = ?, version = version + 1, updated_at = ? WHERE kode = ?',
  );
  const insert = db.$client.prepare('INSERT INTO opd (kode, nama, jenis, updated_at) VALUES (?, ?, ?, ?)');
  const changed = rows.filter(({ record }) => {
    const old = byKode.get(record.kode);
    return old && (old.nama !== record.nama || old.jenis !== record.jenis);
  });
  for (const { record } of changed) park.run(record.kode);
  rows.forEach(({ record }, i) => {
    const old = byKode.get(record.kode);
    if (!old) {
      insert.run(record.kode, record.nama, record.jenis, at);
      result.added++;
    } else if (old.nama !== record.nama || old.jenis !== record.jenis) {
      update.run(record.nama, record.jenis, at, record.kode);
      result.updated++;
    } else result.unchanged++;
    if (i % 500 === 0) ctx.progress({ done: i, total: rows.length, label: 'OPD' });
  });
  result.notInFile = stored.filter((o) => !firstRowOf.kode.has(o.kode)).map((o) => o.kode);
  ctx.progress({ done: rows.length, total: rows.length, label: 'OPD' });
  return result;
}
