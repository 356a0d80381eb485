import type { Db } from '../../db/open.js';
import { participationByKecamatan, participationCurve, dropCount } from '../participation/overview.js';
import { openConflictCount } from '../sync/service.js';
import { officeSummary } from '../wilayah/service.js';
import { rollUp, slsProgress } from './coverage.js';
import { fieldPlan } from './plan.js';
import { coverageTrend, quietSls } from './tables.js';

/** How many quiet SLS the dashboard lists (the count is always complete). */
export const QUIET_LISTED = 50;

/**
 * Everything the home dashboard shows, in one call: field coverage of the regency and per kecamatan,
 * the daily trend, quiet SLS, open field-sync conflicts, and SP Online participation with its
 * ranking and curve.
 */
export function progressDashboard(db: Db, asOf: string) {
  const plan = fieldPlan(db, asOf);
  const sls = slsProgress(db);
  const [regency] = rollUp('kabupaten', sls, plan, new Map());
  const quiet = quietSls(plan, sls);
  const participation = participationByKecamatan(db);
  return {
    office: officeSummary(db),
    plan,
    field: {
      regency: regency ?? null,
      kecamatan: rollUp('kecamatan', sls, plan, new Map()).sort(
        (a, b) => (b.coveragePct ?? -1) - (a.coveragePct ?? -1) || a.kode.localeCompare(b.kode),
      ),
      trend: coverageTrend(db),
      quiet: { count: quiet.length, listed: quiet.slice(0, QUIET_LISTED) },
      openConflicts: openConflictCount(db),
    },
    participation: { ...participation, curve: participationCurve(db), drops: dropCount(db) },
  };
}

export type ProgressDashboard = ReturnType<typeof progressDashboard>;
