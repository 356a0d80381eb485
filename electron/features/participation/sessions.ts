import type { Db } from '../../db/open.js';
import { ApiError, problemIssue } from '../../api/errors.js';

export interface JemputBolaSession {
  id: number;
  tanggal: string;
  desaKode: string;
  desaNama: string;
  tempat: string;
  petugas: string;
  kkDibantu: number;
}

export interface NewSession {
  tanggal: string;
  desaKode: string;
  tempat: string;
  petugas: string;
  kkDibantu: number;
}

/** Logs an assisted-registration session at a gathering point. */
export function addSession(db: Db, session: NewSession): JemputBolaSession {
  const village = db.$client.prepare('SELECT nama FROM desa WHERE kode = ?').pluck().get(session.desaKode) as
    | string
    | undefined;
  if (!village)
    throw ApiError.problem('REJECTED', 'participation.sessionVillageOutside', { desa: session.desaKode }, [
      problemIssue(null, 'desaKode', 'participation.sessionVillageOutside', { desa: session.desaKode }),
    ]);
  const info = db.$client
    .prepare(
      'INSERT INTO jemput_bola_sessions (tanggal, desa_kode, tempat, petugas, kk_dibantu, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(
      session.tanggal,
      session.desaKode,
      session.tempat,
      session.petugas,
      session.kkDibantu,
      new Date().toISOString(),
    );
  return { id: Number(info.lastInsertRowid), desaNama: village, ...session };
}

export function deleteSession(db: Db, id: number): JemputBolaSession {
  const found = listSessions(db).find((s) => s.id === id);
  if (!found) throw ApiError.problem('NOT_FOUND', 'participation.unknownSession', { id });
  db.$client.prepare('DELETE FROM jemput_bola_sessions WHERE id = ?').run(id);
  return found;
}

/** Sessions of one village, or all, in date order. */
export function listSessions(db: Db, desaKode?: string | null): JemputBolaSession[] {
  return db.$client
    .prepare(
      `SELECT j.id, j.tanggal, j.desa_kode AS desaKode, d.nama AS desaNama, j.tempat, j.petugas, j.kk_dibantu AS kkDibantu
         FROM jemput_bola_sessions j JOIN desa d ON d.kode = j.desa_kode
        WHERE @desa IS NULL OR j.desa_kode = @desa ORDER BY j.tanggal, j.id`,
    )
    .all({ desa: desaKode ?? null }) as JemputBolaSession[];
}
