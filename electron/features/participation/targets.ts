import type { Db } from '../../db/open.js';
import { ApiError } from '../../api/errors.js';
import { requireOfficeKabupaten } from '../wilayah/service.js';

export type Targets = Map<string, number>;

export function loadTargets(db: Db): Targets {
  const rows = db.$client.prepare('SELECT kode, target_pct AS pct FROM participation_targets').all() as {
    kode: string;
    pct: number;
  }[];
  return new Map(rows.map((r) => [r.kode, r.pct]));
}

/** A place's own target, else its kecamatan's, else the regency's ("33.16.01.2001" → "33.16.01" → "33.16"). */
export function effectiveTarget(targets: Targets, kode: string): number | null {
  for (let parts = kode.split('.'); parts.length >= 2; parts = parts.slice(0, -1)) {
    const own = targets.get(parts.join('.'));
    if (own !== undefined) return own;
  }
  return null;
}

export interface TargetChange {
  kode: string;
  before: number | null;
  after: number | null;
}

/** Sets (or with null clears) the SP Online target of the regency, a kecamatan or a village. */
export function setTarget(db: Db, kode: string, targetPct: number | null): TargetChange {
  const kabupaten = requireOfficeKabupaten(db);
  const known =
    kode === kabupaten ||
    db.$client
      .prepare('SELECT 1 FROM kecamatan WHERE kode = ? UNION ALL SELECT 1 FROM desa WHERE kode = ?')
      .get(kode, kode) !== undefined;
  if (!known) throw ApiError.problem('REJECTED', 'participation.targetOutside', { kode, kabupaten });
  const before = loadTargets(db).get(kode) ?? null;
  if (targetPct === null) db.$client.prepare('DELETE FROM participation_targets WHERE kode = ?').run(kode);
  else {
    db.$client
      .prepare(
        `INSERT INTO participation_targets (kode, target_pct, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (kode) DO UPDATE SET target_pct = excluded.target_pct, updated_at = excluded.updated_at`,
      )
      .run(kode, targetPct, new Date().toISOString());
  }
  return { kode, before, after: targetPct };
}
