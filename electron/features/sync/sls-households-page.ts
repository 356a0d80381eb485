import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { households, sls, syncConflicts, syncImports } from '../../../drizzle/schema/index.js';
import { HOUSEHOLD_ROW, importOfHousehold, importsWhere, type ImportFilter } from './service.js';
import type { Db } from '../../db/open.js';
import type { Page } from '../../api/paging.js';
import { contains, startsWith } from '../../db/text-match.js';

export interface SyncSlsFilter {
  /** Digits: the start of an SLS id; otherwise part of the SLS name. */
  text?: string;
}

function slsTextWhere(filter: SyncSlsFilter): SQL | undefined {
  const text = filter.text?.trim();
  if (!text) return undefined;
  // ':' sorts right after '9': [digits, digits + ':') are the ids starting with them.
  if (/^\d+$/.test(text)) return and(gte(sls.slsId, text), lt(sls.slsId, `${text}:`));
  return or(contains(sls.nama, text), startsWith(sls.slsId, text));
}

/** The households received for the SLS of the outer row, counted from the (sls_id, status) index. */
// Written out: inside a subquery the builder leaves columns unqualified, and `sls_id` would be the inner table's.
const householdCount =
  sql<number>`(SELECT count(*) FROM "households" AS "h" WHERE "h"."sls_id" = "sls"."sls_id")`.mapWith(Number);

/** One page of SLS in id order with their household counts — exported so tests can read its plan. */
export function syncSlsPageQuery(db: Db, query: { offset: number; limit: number; filter: SyncSlsFilter }) {
  return db
    .select({
      slsId: sls.slsId,
      nama: sls.nama,
      desaKode: sls.desaKode,
      estimatedHouseholds: sls.estimatedHouseholds,
      households: householdCount,
    })
    .from(sls)
    .where(slsTextWhere(query.filter))
    .orderBy(asc(sls.slsId))
    .limit(query.limit)
    .offset(query.offset);
}

export type SyncSlsRow = ReturnType<ReturnType<typeof syncSlsPageQuery>['all']>[number];

/**
 * A page of the SLS list of Sinkronisasi; with `position` the row number (in this filter and
 * order) of that SLS, so the screen can scroll to an SLS it arrived with.
 */
export function pageSyncSls(
  db: Db,
  query: { offset: number; limit: number; filter: SyncSlsFilter; position?: string },
): Page<SyncSlsRow> & { position: number | null } {
  const where = slsTextWhere(query.filter);
  const [{ total }] = db.select({ total: count() }).from(sls).where(where).all();
  let position: number | null = null;
  if (query.position) {
    const matches = db
      .select({ slsId: sls.slsId })
      .from(sls)
      .where(and(where, eq(sls.slsId, query.position)))
      .get();
    if (matches)
      position = db
        .select({ n: count() })
        .from(sls)
        .where(and(where, lt(sls.slsId, query.position)))
        .all()[0].n;
  }
  return { rows: syncSlsPageQuery(db, query).all(), total, position };
}

/** One page of one SLS's households with the package file each came from — exported for its plan. */
export function householdsPageQuery(db: Db, query: { offset: number; limit: number; slsId: string }) {
  return db
    .select(HOUSEHOLD_ROW)
    .from(households)
    .leftJoin(syncImports, importOfHousehold)
    .where(eq(households.slsId, query.slsId))
    .orderBy(asc(households.householdId))
    .limit(query.limit)
    .offset(query.offset);
}

export type HouseholdPageRow = ReturnType<ReturnType<typeof householdsPageQuery>['all']>[number];

/** A page of one SLS's households (an SLS holds at most a few thousand), with how many it has. */
export function pageHouseholds(
  db: Db,
  query: { offset: number; limit: number; slsId: string },
): Page<HouseholdPageRow> {
  const [{ total }] = db.select({ total: count() }).from(households).where(eq(households.slsId, query.slsId)).all();
  return { rows: householdsPageQuery(db, query).all(), total };
}

/** One page of the import history, newest first — exported so tests can read its plan. */
export function importsPageQuery(
  db: Db,
  query: { offset: number; limit: number; filter: Omit<ImportFilter, 'limit'> },
) {
  return db
    .select()
    .from(syncImports)
    .where(importsWhere(query.filter))
    .orderBy(desc(syncImports.id))
    .limit(query.limit)
    .offset(query.offset);
}

export type ImportPageRow = ReturnType<ReturnType<typeof importsPageQuery>['all']>[number];

/** A page of the import history (every package ever offered: it grows with the field phase). */
export function pageImports(
  db: Db,
  query: { offset: number; limit: number; filter: Omit<ImportFilter, 'limit'> },
): Page<ImportPageRow> {
  const [{ total }] = db.select({ total: count() }).from(syncImports).where(importsWhere(query.filter)).all();
  return { rows: importsPageQuery(db, query).all(), total };
}

/** One page of the conflicts, newest first (the state index keeps id order) — exported for its plan. */
export function conflictsPageQuery(
  db: Db,
  query: { offset: number; limit: number; filter: { state: 'open' | 'all' } },
) {
  return db
    .select()
    .from(syncConflicts)
    .where(query.filter.state === 'open' ? eq(syncConflicts.state, 'open') : undefined)
    .orderBy(desc(syncConflicts.id))
    .limit(query.limit)
    .offset(query.offset);
}

export type ConflictPageRow = ReturnType<ReturnType<typeof conflictsPageQuery>['all']>[number];

/** A page of the conflicts waiting for a person (or of all, resolved too), with how many there are. */
export function pageConflicts(
  db: Db,
  query: { offset: number; limit: number; filter: { state: 'open' | 'all' } },
): Page<ConflictPageRow> {
  const where = query.filter.state === 'open' ? eq(syncConflicts.state, 'open') : undefined;
  const [{ total }] = db.select({ total: count() }).from(syncConflicts).where(where).all();
  return { rows: conflictsPageQuery(db, query).all(), total };
}
