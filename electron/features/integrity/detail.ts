import type { Db } from '../../db/open.js';
import { lastDeclarationDate } from './declarations.js';
import { getOpd, listEmployees, listOpd } from './registers.js';
import { stageHistory } from './stages.js';

/** Everything the per-OPD view shows: employees with their pact, the counts, and who joined since the declaration without signing. */
export function opdDetail(db: Db, kode: string) {
  const unit = getOpd(db, kode);
  const summary = listOpd(db).find((o) => o.kode === kode);
  const employees = listEmployees(db, kode);
  const declaredAt = lastDeclarationDate(db, kode);
  const newUnsigned = declaredAt ? employees.filter((e) => !e.pactId && e.opdSince > declaredAt).map((e) => e.id) : [];
  return {
    opd: unit,
    pegawai: summary?.pegawai ?? 0,
    signed: summary?.signed ?? 0,
    signedPct: summary?.signedPct ?? 0,
    rank: summary?.rank ?? 0,
    declaredAt,
    employees,
    newUnsigned,
    stages: stageHistory(db, kode),
  };
}
