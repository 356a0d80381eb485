import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { ApiError } from '../api/errors.js';
import type { Db } from './open.js';

type VersionedTable = SQLiteTable & { version: SQLiteColumn };

/**
 * Optimistic versioning for edit operations: updates the row matched by `where` only if its
 * `version` is still `expectedVersion`, and bumps the version. When another user saved first the
 * caller gets CONFLICT ("reload and try again") instead of silently overwriting their change.
 * Returns the new version.
 */
export function updateVersioned<T extends VersionedTable>(
  db: Db,
  table: T,
  where: SQL,
  expectedVersion: number,
  values: Partial<T['$inferInsert']>,
  what: string,
): number {
  const result = db
    .update(table)
    .set({ ...values, version: sql`${table.version} + 1` } as never)
    .where(and(where, eq(table.version, expectedVersion)))
    .run();
  if (result.changes === 1) return expectedVersion + 1;
  const current = db
    .select({ version: table.version })
    .from(table as SQLiteTable)
    .where(where)
    .get() as { version: number } | undefined;
  if (!current) throw ApiError.problem('NOT_FOUND', 'general.recordGone', { what });
  throw versionConflict(what, current.version, expectedVersion);
}

/**
 * For records created on their first edit (a worksheet answer, a setting): the editor read
 * "not stored yet" as version 0, so the first write must still see no row.
 */
export function expectNotStoredYet(expectedVersion: number, what: string): void {
  if (expectedVersion !== 0) throw versionConflict(what, 0, expectedVersion);
}

/** The one wording of a stale-version refusal. */
function versionConflict(what: string, currentVersion: number, expectedVersion: number): ApiError {
  return ApiError.problem('CONFLICT', 'general.changedMeanwhile', {
    what,
    current: currentVersion,
    expected: expectedVersion,
  });
}
