import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { sls } from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import { updateVersioned } from '../../db/versioned.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import { cellProblem } from '../../files/table-validate.js';
import { slsCell } from './rules.js';

export interface SlsRow {
  slsId: string;
  desaKode: string;
  desaNama: string;
  kecamatanKode: string;
  kecamatanNama: string;
  nama: string;
  estimatedHouseholds: number;
  version: number;
  /** The active PPL, if any. */
  pplKode: string | null;
  pplNama: string | null;
}

/** The census frame with each SLS's place and active PPL, optionally for one kecamatan or village. */
export function listSls(db: Db, filter: { kecamatan?: string; desa?: string; slsId?: string } = {}): SlsRow[] {
  return db.$client
    .prepare(
      `SELECT s.sls_id AS slsId, s.desa_kode AS desaKode, d.nama AS desaNama, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
              s.nama, s.perkiraan_kk AS estimatedHouseholds, s.version, a.officer_kode AS pplKode, o.nama AS pplNama
         FROM sls s JOIN desa d ON d.kode = s.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
         LEFT JOIN assignments a ON a.sls_id = s.sls_id AND a.end_date IS NULL
         LEFT JOIN officers o ON o.kode = a.officer_kode
        WHERE (@kecamatan IS NULL OR d.kecamatan_kode = @kecamatan) AND (@desa IS NULL OR s.desa_kode = @desa) AND (@sls IS NULL OR s.sls_id = @sls)
        ORDER BY s.sls_id`,
    )
    .all({ kecamatan: filter.kecamatan ?? null, desa: filter.desa ?? null, sls: filter.slsId ?? null }) as SlsRow[];
}

/** Parses one edited cell with the importer's rule, refusing with the same message. */
export function checkCell<T>(schema: z.ZodType<T, string>, field: string, raw: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { key, params } = cellProblem(parsed.error);
    const full = { column: field, value: raw, ...params };
    throw ApiError.problem('REJECTED', key, full, [problemIssue(null, field, key, full)]);
  }
  return parsed.data;
}

export interface SlsEdit {
  slsId: string;
  version: number;
  nama?: string;
  estimatedHouseholds?: number | string;
}

/** A grid edit of an SLS, checked like the importer; refused when the row changed since it was read. */
export function updateSls(db: Db, edit: SlsEdit): SlsRow {
  const row = db.$client
    .prepare('SELECT nama, perkiraan_kk AS kk, version FROM sls WHERE sls_id = ?')
    .get(edit.slsId) as { nama: string; kk: number; version: number } | undefined;
  if (!row) throw ApiError.problem('NOT_FOUND', 'census.sls.unknown', { slsId: edit.slsId });
  const nama = edit.nama === undefined ? row.nama : checkCell(slsCell.nama(), 'nama_sls', edit.nama.trim());
  const kk =
    edit.estimatedHouseholds === undefined
      ? row.kk
      : checkCell(slsCell.estimatedHouseholds(), 'perkiraan_kk', String(edit.estimatedHouseholds).trim());
  updateVersioned(
    db,
    sls,
    eq(sls.slsId, edit.slsId),
    edit.version,
    { nama, estimatedHouseholds: kk, updatedAt: new Date().toISOString() },
    `SLS ${edit.slsId}`,
  );
  return listSls(db, { slsId: edit.slsId })[0];
}
