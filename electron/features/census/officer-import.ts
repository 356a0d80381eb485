import type { OpContext } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import { cell, IssueList, validateTable, type Columns } from '../../files/table-validate.js';
import type { ApiErrorIssue } from '../../api/errors.js';
import type { TableFile } from '../../files/table-file.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';
import { today } from '../../../common/dates.js';
import { officerCell, supervisorProblem, type OfficerRole } from './rules.js';

export const OFFICER_COLUMNS = {
  kode: { schema: officerCell.kode(), code: 'code' },
  nama: { schema: officerCell.nama() },
  peran: { schema: officerCell.peran() },
  kode_kecamatan: { schema: cell.kecamatanCode(), code: 'code' },
  atasan: { schema: officerCell.atasan(), optional: true, code: 'code' },
  telepon: { schema: officerCell.telepon(), optional: true, code: 'phone' },
} satisfies Columns;

interface OfficerFields {
  kode: string;
  nama: string;
  peran: OfficerRole;
  kecamatanKode: string;
  atasanKode: string | null;
  telepon: string | null;
}

export interface OfficerImportResult {
  file: string;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  byRole: Record<OfficerRole, number>;
  /** How the file was read and what was put right (e.g. phones that had lost their leading 0). */
  notices: ApiErrorIssue[];
}

type Registered = OfficerFields & { activeSls: number };

function registeredOfficers(db: Db): Map<string, Registered> {
  const rows = db.$client
    .prepare(
      `SELECT o.kode, o.nama, o.peran, o.kecamatan_kode AS kecamatanKode, o.atasan_kode AS atasanKode, o.telepon,
              (SELECT count(*) FROM assignments a WHERE a.officer_kode = o.kode AND a.end_date IS NULL) AS activeSls
         FROM officers o`,
    )
    .all() as Registered[];
  return new Map(rows.map((o) => [o.kode, o]));
}

/** Checks every row against §6, the office's kecamatan and the supervision rules; rejects with every problem named. */
function validateOfficerList(
  db: Db,
  table: TableFile,
  registered: Map<string, Registered>,
): { rows: { row: number; officer: OfficerFields }[]; notices: ApiErrorIssue[] } {
  const issues = new IssueList();
  const rows = validateTable(table, OFFICER_COLUMNS, issues);
  const kabupaten = requireOfficeKabupaten(db);
  const kecamatan = new Set(
    (db.$client.prepare('SELECT kode FROM kecamatan').all() as { kode: string }[]).map((k) => k.kode),
  );
  const inFile = new Map<string, { row: number; officer: OfficerFields }>();
  for (const { row, record } of rows) {
    const officer: OfficerFields = {
      kode: record.kode,
      nama: record.nama,
      peran: record.peran,
      kecamatanKode: record.kode_kecamatan,
      atasanKode: record.atasan || null,
      telepon: record.telepon ?? null,
    };
    const seen = inFile.get(officer.kode);
    if (seen) issues.add(row, 'kode', 'census.officer.duplicate', { value: officer.kode, first: seen.row });
    else inFile.set(officer.kode, { row, officer });
    if (!kecamatan.has(officer.kecamatanKode))
      issues.add(row, 'kode_kecamatan', 'census.officer.kecamatanOutside', { value: officer.kecamatanKode, kabupaten });
    const held = registered.get(officer.kode)?.activeSls ?? 0;
    if (officer.peran !== 'PPL' && held)
      issues.add(row, 'peran', 'census.officer.holdsSls', {
        kode: officer.kode,
        count: held,
        role: officer.peran,
        value: officer.peran,
      });
  }
  // After the import, the file's rows win over the registry.
  const find = (kode: string) => inFile.get(kode)?.officer ?? registered.get(kode);
  for (const { row, officer } of inFile.values()) {
    const problem = supervisorProblem(officer.peran, officer.atasanKode, find);
    if (problem) issues.add(row, 'atasan', problem.key, { value: officer.atasanKode ?? '', ...problem.params });
  }
  for (const other of registered.values()) {
    if (inFile.has(other.kode) || !other.atasanKode || !inFile.has(other.atasanKode)) continue;
    const problem = supervisorProblem(other.peran, other.atasanKode, find);
    if (!problem) continue;
    const key = problem.key === 'census.supervisor.wrongRole' ? 'census.supervisor.registeredWrongRole' : problem.key;
    issues.add(inFile.get(other.atasanKode)!.row, 'peran', key, {
      kode: other.kode,
      value: inFile.get(other.atasanKode)!.officer.peran,
      ...problem.params,
    });
  }
  issues.throwIfAny();
  return { rows: [...inFile.values()], notices: issues.notices };
}

const same = (a: OfficerFields, b: OfficerFields) =>
  a.nama === b.nama &&
  a.peran === b.peran &&
  a.kecamatanKode === b.kecamatanKode &&
  a.atasanKode === b.atasanKode &&
  a.telepon === b.telepon;

/** Imports the office's officer list whole-or-nothing; officers missing from the file are left as they are. */
export function importOfficerList(
  db: Db,
  table: TableFile,
  fileName: string,
  ctx: Pick<OpContext, 'progress'>,
): OfficerImportResult {
  const registered = registeredOfficers(db);
  const { rows, notices } = validateOfficerList(db, table, registered);
  const client = db.$client;
  const insert = client.prepare(
    `INSERT INTO officers (kode, nama, peran, kecamatan_kode, atasan_kode, telepon, aktif, mulai, updated_at, version)
     VALUES (@kode, @nama, @peran, @kecamatanKode, @atasanKode, @telepon, 1, @mulai, @now, 1)`,
  );
  const update = client.prepare(
    `UPDATE officers SET nama = @nama, peran = @peran, kecamatan_kode = @kecamatanKode, atasan_kode = @atasanKode, telepon = @telepon,
            updated_at = @now, version = version + 1 WHERE kode = @kode`,
  );
  const now = new Date().toISOString();
  const result: OfficerImportResult = {
    file: fileName,
    rows: rows.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    byRole: { PPL: 0, PML: 0, KOSEKA: 0 },
    notices,
  };
  rows.forEach(({ officer }, i) => {
    const before = registered.get(officer.kode);
    if (!before) {
      insert.run({ ...officer, mulai: today(), now });
      result.added++;
    } else if (!same(before, officer)) {
      update.run({ ...officer, now });
      result.updated++;
    } else result.unchanged++;
    result.byRole[officer.peran]++;
    if (i % 200 === 0) ctx.progress({ done: i, total: rows.length, label: 'petugas' });
  });
  ctx.progress({ done: rows.length, total: rows.length, label: 'petugas' });
  return result;
}
