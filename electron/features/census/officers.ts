import { eq } from 'drizzle-orm';
import { officers } from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import { updateVersioned } from '../../db/versioned.js';
import { ApiError, problemIssue } from '../../api/errors.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';
import { cell } from '../../files/table-validate.js';
import { assignmentWriter } from './assignments.js';
import { checkCell } from './sls.js';
import { today } from '../../../common/dates.js';
import { officerCell, supervisorProblem } from './rules.js';
import { officerRowsQuery, type OfficerFilter, type OfficerRow } from './officers-page.js';

export type { OfficerRow };

/** Every officer matching `filter` (all of them without one) with their current load and direct team size. */
export function listOfficers(db: Db, filter: OfficerFilter = {}): OfficerRow[] {
  return officerRowsQuery(db, filter).all();
}

function requireOfficer(db: Db, kode: string): OfficerRow {
  const officer = listOfficers(db, { kode })[0];
  if (!officer) throw ApiError.problem('NOT_FOUND', 'census.officer.unknown', { kode });
  return officer;
}

export interface OfficerEdit {
  kode: string;
  version: number;
  nama?: string;
  telepon?: string;
  kecamatanKode?: string;
  atasanKode?: string;
  aktif?: boolean;
  mulai?: string;
}

/** A grid edit of an officer, checked like the importer; refused when the row changed since it was read. */
export function updateOfficer(db: Db, edit: OfficerEdit): OfficerRow {
  const before = requireOfficer(db, edit.kode);
  const next = {
    nama: edit.nama === undefined ? before.nama : checkCell(officerCell.nama(), 'nama', edit.nama.trim()),
    telepon:
      edit.telepon === undefined ? before.telepon : checkCell(officerCell.telepon(), 'telepon', edit.telepon.trim()),
    kecamatanKode:
      edit.kecamatanKode === undefined
        ? before.kecamatanKode
        : checkCell(cell.kecamatanCode(), 'kode_kecamatan', edit.kecamatanKode.trim()),
    atasanKode:
      edit.atasanKode === undefined
        ? before.atasanKode
        : checkCell(officerCell.atasan(), 'atasan', edit.atasanKode.trim()) || null,
    aktif: edit.aktif ?? before.aktif,
    mulai: edit.mulai === undefined ? before.mulai : checkCell(cell.date(), 'mulai', edit.mulai.trim()),
  };
  if (!db.$client.prepare('SELECT 1 FROM kecamatan WHERE kode = ?').get(next.kecamatanKode)) {
    const params = { value: next.kecamatanKode, kabupaten: requireOfficeKabupaten(db) };
    throw ApiError.problem('REJECTED', 'census.officer.kecamatanOutside', params, [
      problemIssue(null, 'kode_kecamatan', 'census.officer.kecamatanOutside', params),
    ]);
  }
  const problem = supervisorProblem(before.peran, next.atasanKode, (kode) =>
    kode === before.kode ? undefined : listOfficers(db, { kode })[0],
  );
  if (problem)
    throw ApiError.problem('REJECTED', problem.key, problem.params, [
      problemIssue(null, 'atasan', problem.key, problem.params),
    ]);
  if (before.aktif && !next.aktif && (before.sls || before.teamSize)) {
    throw ApiError.problem('REJECTED', 'census.officer.stillHolds', {
      kode: before.kode,
      sls: before.sls,
      team: before.teamSize,
    });
  }
  updateVersioned(
    db,
    officers,
    eq(officers.kode, edit.kode),
    edit.version,
    { ...next, updatedAt: new Date().toISOString() },
    `Officer ${edit.kode}`,
  );
  return requireOfficer(db, edit.kode);
}

export interface RetireResult {
  kode: string;
  replacement: string | null;
  /** SLS handed to the replacement (a PPL's). */
  movedSls: number;
  /** Officers now reporting to the replacement (a PML's or Koseka's team). */
  movedTeam: number;
}

export const REPLACEMENT_REASON = 'pengganti';

/**
 * Retires an officer: a PPL's active SLS go to the replacement PPL with reason "pengganti" (the old
 * assignments are ended, not overwritten); a PML's or Koseka's team moves under the replacement.
 */
export function retireOfficer(db: Db, kode: string, replacementKode: string | null, date = today()): RetireResult {
  const officer = requireOfficer(db, kode);
  if (!officer.aktif) throw ApiError.problem('REJECTED', 'census.officer.alreadyInactive', { kode });
  const needsReplacement = officer.sls > 0 || officer.teamSize > 0;
  if (needsReplacement && !replacementKode) {
    throw ApiError.problem('REJECTED', 'census.officer.needsReplacement', {
      kode,
      sls: officer.sls,
      team: officer.teamSize,
      role: officer.peran,
    });
  }
  let replacement: OfficerRow | null = null;
  if (replacementKode) {
    if (replacementKode === kode) throw ApiError.problem('REJECTED', 'census.officer.replacesSelf');
    replacement = requireOfficer(db, replacementKode);
    if (replacement.peran !== officer.peran)
      throw ApiError.problem('REJECTED', 'census.officer.replacementRole', {
        replacement: replacementKode,
        replacementRole: replacement.peran,
        kode,
        role: officer.peran,
      });
    if (!replacement.aktif)
      throw ApiError.problem('REJECTED', 'census.officer.replacementInactive', { replacement: replacementKode });
  }
  const client = db.$client;
  const now = new Date().toISOString();
  let movedSls = 0;
  if (replacement && officer.sls) {
    const writer = assignmentWriter(db);
    const held = client
      .prepare(
        'SELECT id, sls_id AS slsId FROM assignments WHERE officer_kode = ? AND end_date IS NULL ORDER BY sls_id',
      )
      .all(kode) as { id: number; slsId: string }[];
    for (const { id, slsId } of held) {
      writer.close(id, date, REPLACEMENT_REASON);
      writer.open(slsId, replacement.kode, date, REPLACEMENT_REASON);
      movedSls++;
    }
  }
  const movedTeam = replacement
    ? client
        .prepare(
          'UPDATE officers SET atasan_kode = ?, updated_at = ?, version = version + 1 WHERE atasan_kode = ? AND aktif = 1',
        )
        .run(replacement.kode, now, kode).changes
    : 0;
  client.prepare('UPDATE officers SET aktif = 0, updated_at = ?, version = version + 1 WHERE kode = ?').run(now, kode);
  return { kode, replacement: replacement?.kode ?? null, movedSls, movedTeam };
}
