import type { Db } from '../../db/open.js';
import { ApiError, sampleOf } from '../../api/errors.js';
import { today } from '../../../common/dates.js';

export interface AssignResult {
  officer: string;
  /** SLS that had no PPL and now have this one. */
  assigned: number;
  /** SLS taken from another PPL (their assignment ended, kept in history). */
  moved: number;
  /** SLS this PPL already held. */
  unchanged: number;
  /** SLS outside the PPL's home kecamatan. */
  crossKecamatan: string[];
}

interface ActivePpl {
  kode: string;
  kecamatanKode: string;
}

/** The officer as an active PPL, or a clear refusal. */
export function requireActivePpl(db: Db, kode: string): ActivePpl {
  const officer = db.$client
    .prepare('SELECT kode, peran, aktif, kecamatan_kode AS kecamatanKode FROM officers WHERE kode = ?')
    .get(kode) as (ActivePpl & { peran: string; aktif: number }) | undefined;
  if (!officer) throw ApiError.problem('NOT_FOUND', 'census.officer.unknown', { kode });
  if (officer.peran !== 'PPL')
    throw ApiError.problem('REJECTED', 'census.assignments.notPpl', { kode, role: officer.peran });
  if (!officer.aktif) throw ApiError.problem('REJECTED', 'census.assignments.inactive', { kode });
  return officer;
}

/** Prepared statements that open and close assignments; one instance per transaction. */
export function assignmentWriter(db: Db) {
  const client = db.$client;
  const current = client.prepare(
    `SELECT s.sls_id AS slsId, d.kecamatan_kode AS kecamatanKode, a.id, a.officer_kode AS officerCode
       FROM sls s JOIN desa d ON d.kode = s.desa_kode
       LEFT JOIN assignments a ON a.sls_id = s.sls_id AND a.end_date IS NULL
      WHERE s.sls_id = ?`,
  );
  const close = client.prepare('UPDATE assignments SET end_date = ?, end_reason = ? WHERE id = ?');
  const open = client.prepare(
    'INSERT INTO assignments (sls_id, officer_kode, start_date, reason, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  return {
    current: (slsId: string) =>
      current.get(slsId) as
        | { slsId: string; kecamatanKode: string; id: number | null; officerCode: string | null }
        | undefined,
    close: (id: number, date: string, reason: string) => close.run(date, reason, id),
    open: (slsId: string, officerCode: string, date: string, reason: string | null) =>
      open.run(slsId, officerCode, date, reason, new Date().toISOString()),
  };
}

/**
 * Gives SLS to one active PPL. An SLS held by another PPL has that assignment ended (with the
 * reason, which a move needs) and a new one opened: history is never overwritten.
 */
export function assignSls(
  db: Db,
  slsIds: readonly string[],
  officerCode: string,
  reason: string | null,
  date = today(),
): AssignResult {
  const officer = requireActivePpl(db, officerCode);
  const writer = assignmentWriter(db);
  const result: AssignResult = { officer: officerCode, assigned: 0, moved: 0, unchanged: 0, crossKecamatan: [] };
  const missing: string[] = [];
  for (const slsId of new Set(slsIds)) {
    const now = writer.current(slsId);
    if (!now) {
      missing.push(slsId);
      continue;
    }
    if (now.kecamatanKode !== officer.kecamatanKode) result.crossKecamatan.push(slsId);
    if (now.officerCode === officerCode) {
      result.unchanged++;
      continue;
    }
    if (now.id !== null) {
      writer.close(now.id, date, reason ?? '');
      result.moved++;
    } else result.assigned++;
    writer.open(slsId, officerCode, date, reason);
  }
  if (missing.length)
    throw ApiError.problem('NOT_FOUND', 'census.assignments.unknownSls', {
      count: missing.length,
      ids: sampleOf(missing, 10),
    });
  // Who held an SLS and why it moved is asked later, when counts are questioned.
  if (result.moved && !reason?.trim())
    throw ApiError.problem('REJECTED', 'census.assign.reasonRequired', { count: result.moved });
  return result;
}

/** Ends the active assignment of each SLS; SLS without one are counted as unchanged. */
export function unassignSls(
  db: Db,
  slsIds: readonly string[],
  reason: string | null,
  date = today(),
): { ended: number; unchanged: number } {
  const writer = assignmentWriter(db);
  let ended = 0;
  let unchanged = 0;
  for (const slsId of new Set(slsIds)) {
    const now = writer.current(slsId);
    if (!now) throw ApiError.problem('NOT_FOUND', 'census.assignments.unknownSlsUnassign', { slsId });
    if (now.id === null) unchanged++;
    else {
      writer.close(now.id, date, reason ?? 'dilepas');
      ended++;
    }
  }
  return { ended, unchanged };
}

export interface HistoryRow {
  id: number;
  slsId: string;
  slsNama: string;
  desaNama: string;
  officerCode: string;
  officerNama: string;
  startDate: string;
  endDate: string | null;
  reason: string | null;
  endReason: string | null;
}

/** Every assignment of an SLS or of an officer, newest first. */
export function assignmentHistory(db: Db, filter: { slsId?: string; officerCode?: string }): HistoryRow[] {
  return db.$client
    .prepare(
      `SELECT a.id, a.sls_id AS slsId, s.nama AS slsNama, d.nama AS desaNama, a.officer_kode AS officerCode, o.nama AS officerNama,
              a.start_date AS startDate, a.end_date AS endDate, a.reason, a.end_reason AS endReason
         FROM assignments a JOIN sls s ON s.sls_id = a.sls_id JOIN desa d ON d.kode = s.desa_kode JOIN officers o ON o.kode = a.officer_kode
        WHERE (@sls IS NULL OR a.sls_id = @sls) AND (@officer IS NULL OR a.officer_kode = @officer)
        ORDER BY a.id DESC`,
    )
    .all({ sls: filter.slsId ?? null, officer: filter.officerCode ?? null }) as HistoryRow[];
}
