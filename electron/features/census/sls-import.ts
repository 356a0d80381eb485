import type { OpContext } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import { cell, IssueList, validateTable, type Columns, type ValidRow } from '../../files/table-validate.js';
import type { ApiErrorIssue } from '../../api/errors.js';
import type { TableFile } from '../../files/table-file.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';
import { slsCell } from './rules.js';

export const SLS_COLUMNS = {
  sls_id: { schema: slsCell.slsId(), code: 'code' },
  kode_desa: { schema: cell.desaCode(), code: 'code' },
  nama_sls: { schema: slsCell.nama() },
  perkiraan_kk: { schema: slsCell.estimatedHouseholds() },
} satisfies Columns;

type SlsRecord = ValidRow<{ sls_id: string; kode_desa: string; nama_sls: string; perkiraan_kk: number }>;

export interface VanishedSls {
  slsId: string;
  nama: string;
  assignments: number;
  households: number;
}

export interface SlsImportResult {
  file: string;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  /** SLS no longer in the master and holding nothing: removed. */
  removed: number;
  /** SLS no longer in the master but with assignments or field records: kept and reported. */
  vanished: VanishedSls[];
  /** How the file was read and what was put right (e.g. read as Windows-1252). */
  notices: ApiErrorIssue[];
}

/** Checks every row against §1 and the office's villages; rejects the file with every problem named. */
function validateSlsMaster(db: Db, table: TableFile): { rows: SlsRecord[]; notices: ApiErrorIssue[] } {
  const issues = new IssueList();
  const rows = validateTable(table, SLS_COLUMNS, issues);
  const villages = new Set(
    (db.$client.prepare('SELECT kode FROM desa').all() as { kode: string }[]).map((d) => d.kode),
  );
  const kabupaten = requireOfficeKabupaten(db);
  const firstRow = new Map<string, number>();
  for (const { row, record } of rows) {
    if (!villages.has(record.kode_desa)) {
      const outside = !record.kode_desa.startsWith(`${kabupaten}.`);
      issues.add(row, 'kode_desa', outside ? 'census.sls.villageOutside' : 'census.sls.villageUnknown', {
        value: record.kode_desa,
        kabupaten,
      });
    }
    if (record.sls_id.slice(0, 10) !== record.kode_desa.replace(/\./g, '')) {
      issues.add(row, 'sls_id', 'census.sls.prefix', { value: record.sls_id, desa: record.kode_desa });
    }
    const seen = firstRow.get(record.sls_id);
    if (seen !== undefined) issues.add(row, 'sls_id', 'census.sls.duplicate', { value: record.sls_id, first: seen });
    else firstRow.set(record.sls_id, row);
  }
  issues.throwIfAny();
  return { rows, notices: issues.notices };
}

/**
 * Imports the SLS master whole-or-nothing (the caller's transaction): new SLS are added, changed
 * names/estimates updated, and SLS missing from the file removed only when nothing refers to them.
 */
export function importSlsMaster(
  db: Db,
  table: TableFile,
  fileName: string,
  ctx: Pick<OpContext, 'progress'>,
): SlsImportResult {
  const { rows, notices } = validateSlsMaster(db, table);
  const client = db.$client;
  const existing = new Map(
    (
      client.prepare('SELECT sls_id AS slsId, nama, perkiraan_kk AS kk FROM sls').all() as {
        slsId: string;
        nama: string;
        kk: number;
      }[]
    ).map((s) => [s.slsId, s]),
  );
  const insert = client.prepare(
    'INSERT INTO sls (sls_id, desa_kode, nama, perkiraan_kk, updated_at, version) VALUES (?, ?, ?, ?, ?, 1)',
  );
  const update = client.prepare(
    'UPDATE sls SET nama = ?, perkiraan_kk = ?, updated_at = ?, version = version + 1 WHERE sls_id = ?',
  );
  const now = new Date().toISOString();
  const result: SlsImportResult = {
    file: fileName,
    rows: rows.length,
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    vanished: [],
    notices,
  };
  rows.forEach(({ record }, i) => {
    const before = existing.get(record.sls_id);
    if (!before) {
      insert.run(record.sls_id, record.kode_desa, record.nama_sls, record.perkiraan_kk, now);
      result.added++;
    } else if (before.nama !== record.nama_sls || before.kk !== record.perkiraan_kk) {
      update.run(record.nama_sls, record.perkiraan_kk, now, record.sls_id);
      result.updated++;
    } else result.unchanged++;
    existing.delete(record.sls_id);
    if (i % 500 === 0) ctx.progress({ done: i, total: rows.length, label: 'SLS' });
  });
  const holdings = client.prepare(
    'SELECT (SELECT count(*) FROM assignments WHERE sls_id = @id) AS assignments, (SELECT count(*) FROM households WHERE sls_id = @id) AS households',
  );
  const remove = client.prepare('DELETE FROM sls WHERE sls_id = ?');
  for (const gone of existing.values()) {
    const held = holdings.get({ id: gone.slsId }) as { assignments: number; households: number };
    if (held.assignments || held.households) result.vanished.push({ slsId: gone.slsId, nama: gone.nama, ...held });
    else {
      remove.run(gone.slsId);
      result.removed++;
    }
  }
  ctx.progress({ done: rows.length, total: rows.length, label: 'SLS' });
  return result;
}
