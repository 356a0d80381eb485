import type { Db } from '../../db/open.js';
import { localDay, type OfficeZone } from '../../../common/time-zone.js';
import { readSetting } from '../settings/service.js';
import { officeZone } from '../wilayah/service.js';

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface FieldPlan {
  asOf: string;
  fieldStart: string | null;
  fieldEnd: string | null;
  quietDays: number;
  /** Share of the work the plan expects done by the end of `asOf` (0–100), or null without field dates. */
  expectedPct: number | null;
  /** The office's time zone: days of instants (imports) are its calendar days. */
  zone: OfficeZone;
}

/** The field phase as the settings describe it, seen from `asOf`: a straight line from start to end. */
export function fieldPlan(db: Db, asOf: string): FieldPlan {
  const fieldStart = readSetting(db, 'census.fieldStart');
  const fieldEnd = readSetting(db, 'census.fieldEnd');
  const quietDays = readSetting(db, 'census.quietDays');
  let expectedPct: number | null = null;
  if (fieldStart && fieldEnd && fieldEnd >= fieldStart) {
    const length = daysBetween(fieldStart, fieldEnd) + 1;
    const elapsed = Math.min(length, Math.max(0, daysBetween(fieldStart, asOf) + 1));
    expectedPct = (elapsed / length) * 100;
  }
  return { asOf, fieldStart, fieldEnd, quietDays, expectedPct, zone: officeZone(db) };
}

/** The day an SLS has been quiet since: its last sync, or the field start when no package touched it yet. */
export function quietSince(plan: FieldPlan, lastSyncAt: string | null): string | null {
  return lastSyncAt ? localDay(lastSyncAt, plan.zone) : plan.fieldStart;
}

/**
 * Quiet: not yet fully covered and no accepted package wrote to it for `quietDays` (issue #5).
 * `lastSyncAt` is the import time of that last package (`sls_last_sync`), not the visit time.
 */
export function isQuiet(plan: FieldPlan, lastSyncAt: string | null, coveragePct: number): boolean {
  if (coveragePct >= 100) return false;
  const since = quietSince(plan, lastSyncAt);
  if (!since || since > plan.asOf) return false;
  return daysBetween(since, plan.asOf) >= plan.quietDays;
}
