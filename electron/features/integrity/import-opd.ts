import { z } from 'zod';
import { OPD_KINDS } from '../../../drizzle/schema/index.js';
import type { OpContext } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import type { TableFile } from '../../files/table-file.js';
import { cell, IssueList, validateTable } from '../../files/table-validate.js';
import { now } from './common.js';

const OPD_COLUMNS = {
  kode: { schema: z.string().regex(/^[A-Z0-9.-]{1,32}$/, 'expected 1–32 characters of A-Z 0-9 . -') },
  nama: { schema: cell.text(1, 150) },
  jenis: { schema: cell.oneOf(OPD_KINDS) },
};

export interface OpdImportResult {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Registered OPD the file no longer lists: kept (employees and pacts refer to them), reported. */
  notInFile: string[];
}

/** Imports the OPD register (office-files.md §5): whole-or-nothing, codes and names unique. */
export function importOpd(db: Db, table: TableFile, ctx: Pick<OpContext, 'progress'>): OpdImportResult {
  const issues = new IssueList();
  const rows = validateTable(table, OPD_COLUMNS, issues);
  const firstRowOf = { kode: new Map<string, number>(), nama: new Map<string, number>() };
  for (const { row, record } of rows) {
    for (const key of ['kode', 'nama'] as const) {
      const seen = firstRowOf[key].get(record[key]);
      if (seen) issues.add(row, key, `"${record[key]}" appears twice (also row ${seen}); it must be unique`);
      else firstRowOf[key].set(record[key], row);
    }
  }
  const stored = db.$client.prepare('SELECT kode, nama, jenis FROM opd').all() as { kode: string; nama: string; jenis: string }[];
  for (const existing of stored) {
    const row = firstRowOf.nama.get(existing.nama);
    if (row && !firstRowOf.kode.has(existing.kode)) {
      issues.add(row, 'nama', `"${existing.nama}" is already the name of registered OPD ${existing.kode}`);
    }
  }
  issues.throwIfAny('OPD register');

  const byKode = new Map(stored.map((o) => [o.kode, o]));
  const result: OpdImportResult = { rows: rows.length, added: 0, updated: 0, unchanged: 0, notInFile: [] };
  const at = now();
  // Renames may swap names between codes: park the changed names first so the unique index holds.
  const park = db.$client.prepare("UPDATE opd SET nama = '~' || kode WHERE kode = ?");
  const update = db.$client.prepare('UPDATE opd SET nama = ?, jenis = ?, version = version + 1, updated_at = ? WHERE kode = ?');
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
