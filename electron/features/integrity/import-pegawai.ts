import { maskNip, nipProblem } from '../../../common/nip.js';
import type { ProblemKey, ProblemParams } from '../../../common/problems/index.js';
import { EMPLOYEE_STATUSES } from '../../../drizzle/schema/index.js';
import type { OpContext } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import type { TableFile } from '../../files/table-file.js';
import { cell, IssueList, validateTable, type Columns } from '../../files/table-validate.js';
import { ApiError, type ApiErrorIssue } from '../../api/errors.js';
import { now } from './common.js';

export const PEGAWAI_COLUMNS = {
  nip: { schema: cell.text(0, 64), show: maskNip, code: 'code' },
  nama: { schema: cell.text(1, 120) },
  jabatan: { schema: cell.text(0, 150) },
  unit_kerja: { schema: cell.text(1, 150) },
  status: { schema: cell.oneOf(EMPLOYEE_STATUSES) },
} satisfies Columns;

interface StoredEmployee {
  id: number;
  nip: string | null;
  nama: string;
  jabatan: string;
  status: string;
  opdKode: string;
  leftAt: string | null;
}

export interface LeftEmployee {
  nipMasked: string;
  nama: string;
  opdKode: string;
}

export interface PegawaiImportResult {
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  transferred: number;
  /** Employees the previous list had and this one does not: marked as left, never deleted. */
  left: LeftEmployee[];
  /** How the file was read (e.g. as Windows-1252). */
  notices: ApiErrorIssue[];
}

/** NON-ASN staff have no NIP: they are recognised by unit and name (the n-th of that name in the unit). */
function keyOf(e: { nip: string | null; nama: string; opdKode: string }, seen: Map<string, number>): string {
  if (e.nip) return `nip:${e.nip}`;
  const base = `non:${e.opdKode}|${e.nama.toLowerCase()}`;
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return `${base}#${n}`;
}

/**
 * Imports the BKD employee list (office-files.md §4) as of `date`: whole-or-nothing with every NIP
 * rule checked; updates names, positions and units (recording transfers) and reports who left.
 */
export function importPegawai(
  db: Db,
  table: TableFile,
  date: string,
  ctx: Pick<OpContext, 'progress'>,
): PegawaiImportResult {
  const opdRows = db.$client.prepare('SELECT kode, nama FROM opd').all() as { kode: string; nama: string }[];
  // Every row would name an unknown OPD: say the one thing to do instead.
  if (!opdRows.length)
    throw ApiError.problem('REJECTED', 'integrity.pegawai.noOpdRegister', { rows: table.rows.length });
  const issues = new IssueList();
  const rows = validateTable(table, PEGAWAI_COLUMNS, issues);
  const opdByText = new Map<string, string>();
  for (const o of opdRows) opdByText.set(o.nama, o.kode);
  for (const o of opdRows) opdByText.set(o.kode, o.kode);
  const nipRow = new Map<string, number>();
  const records: { row: number; nip: string | null; nama: string; jabatan: string; status: string; opdKode: string }[] =
    [];
  for (const { row, record } of rows) {
    const { nip, status } = record;
    let ok = true;
    const fail = (field: string, key: ProblemKey, params: ProblemParams) => {
      issues.add(row, field, key, { column: field, ...params });
      ok = false;
    };
    const value = maskNip(nip);
    if (status === 'NON-ASN') {
      if (nip) fail('nip', 'integrity.nip.nonAsn', { value });
    } else if (!nip) fail('nip', 'integrity.nip.required', { status });
    else {
      const problem = nipProblem(nip);
      if (problem) fail('nip', problem, { value });
      const first = nipRow.get(nip);
      if (first) fail('nip', 'integrity.nip.duplicate', { value, first });
      else nipRow.set(nip, row);
    }
    const opdKode = opdByText.get(record.unit_kerja);
    if (!opdKode) fail('unit_kerja', 'integrity.pegawai.unknownUnit', { value: record.unit_kerja });
    if (ok && opdKode)
      records.push({ row, nip: nip || null, nama: record.nama, jabatan: record.jabatan, status, opdKode });
  }
  issues.throwIfAny();

  const stored = db.$client
    .prepare('SELECT id, nip, nama, jabatan, status, opd_kode AS opdKode, left_at AS leftAt FROM employees ORDER BY id')
    .all() as StoredEmployee[];
  const storedSeen = new Map<string, number>();
  const byKey = new Map(stored.map((e) => [keyOf(e, storedSeen), e]));
  const insert = db.$client.prepare(
    'INSERT INTO employees (nip, nama, jabatan, status, opd_kode, opd_since, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.$client.prepare(
    'UPDATE employees SET nama = ?, jabatan = ?, status = ?, opd_kode = ?, opd_since = ?, left_at = NULL, version = version + 1, updated_at = ? WHERE id = ?',
  );
  const transfer = db.$client.prepare(
    'INSERT INTO employee_transfers (employee_id, from_opd, to_opd, date) VALUES (?, ?, ?, ?)',
  );
  const markLeft = db.$client.prepare(
    'UPDATE employees SET left_at = ?, version = version + 1, updated_at = ? WHERE id = ?',
  );
  const opdSince = db.$client.prepare('SELECT opd_since AS since FROM employees WHERE id = ?');

  const result: PegawaiImportResult = {
    rows: records.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    transferred: 0,
    left: [],
    notices: issues.notices,
  };
  const at = now();
  const fileSeen = new Map<string, number>();
  const matched = new Set<number>();
  records.forEach((r, i) => {
    const old = byKey.get(keyOf(r, fileSeen));
    if (!old) {
      insert.run(r.nip, r.nama, r.jabatan, r.status, r.opdKode, date, at);
      result.added++;
    } else {
      matched.add(old.id);
      const moved = old.opdKode !== r.opdKode;
      if (moved) {
        transfer.run(old.id, old.opdKode, r.opdKode, date);
        result.transferred++;
      }
      if (moved || old.leftAt || old.nama !== r.nama || old.jabatan !== r.jabatan || old.status !== r.status) {
        const since = moved || old.leftAt ? date : (opdSince.get(old.id) as { since: string }).since;
        update.run(r.nama, r.jabatan, r.status, r.opdKode, since, at, old.id);
        result.updated++;
      } else result.unchanged++;
    }
    if (i % 500 === 0) ctx.progress({ done: i, total: records.length, label: 'pegawai' });
  });
  for (const e of stored) {
    if (e.leftAt || matched.has(e.id)) continue;
    markLeft.run(date, at, e.id);
    result.left.push({ nipMasked: maskNip(e.nip), nama: e.nama, opdKode: e.opdKode });
  }
  ctx.progress({ done: records.length, total: records.length, label: 'pegawai' });
  return result;
}
