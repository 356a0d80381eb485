// Reading the sync results (history, errors, conflicts, households) and resolving conflicts.
import { and, asc, desc, eq, gte, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { households, sls, syncConflicts, syncImportErrors, syncImports } from '../../../drizzle/schema/index.js';
import { ApiError } from '../../api/errors.js';
import { SummaryChanges } from '../progress/summary.js';
import { markSlsSynced } from './last-sync.js';

export interface ImportFilter {
  status?: 'imported' | 'rejected' | 'duplicate';
  officer?: string;
  /** YYYY-MM-DD, on the import date. */
  from?: string;
  to?: string;
  /** Part of the file name or package id. */
  search?: string;
  limit: number;
}

/** The WHERE of an import-history filter. */
export function importsWhere(filter: Omit<ImportFilter, 'limit'>): SQL | undefined {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(syncImports.status, filter.status));
  if (filter.officer) where.push(eq(syncImports.officerCode, filter.officer));
  if (filter.from) where.push(gte(syncImports.importedAt, filter.from));
  if (filter.to) where.push(lte(syncImports.importedAt, `${filter.to}T99`));
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[%_]/g, '')}%`;
    where.push(or(like(syncImports.fileName, pattern), like(syncImports.packageId, pattern))!);
  }
  return where.length ? and(...where) : undefined;
}

export function listImports(db: Db, filter: ImportFilter) {
  return db
    .select()
    .from(syncImports)
    .where(importsWhere(filter))
    .orderBy(desc(syncImports.id))
    .limit(filter.limit)
    .all();
}

export function importErrors(db: Db, importId: number) {
  const found = db.select().from(syncImports).where(eq(syncImports.id, importId)).get();
  if (!found) throw ApiError.problem('NOT_FOUND', 'sync.unknownImport', { id: importId });
  const errors = db
    .select({
      line: syncImportErrors.line,
      field: syncImportErrors.field,
      code: syncImportErrors.code,
      params: syncImportErrors.params,
      message: syncImportErrors.message,
    })
    .from(syncImportErrors)
    .where(eq(syncImportErrors.importId, importId))
    .orderBy(asc(syncImportErrors.id))
    .all()
    .map((e) => ({ ...e, params: JSON.parse(e.params) as Record<string, string | number> }));
  return { import: found, errors };
}

export function listConflicts(db: Db, state: 'open' | 'all') {
  return db
    .select()
    .from(syncConflicts)
    .where(state === 'open' ? eq(syncConflicts.state, 'open') : undefined)
    .orderBy(desc(syncConflicts.id))
    .limit(5000)
    .all();
}

/** How many conflicts wait for a person (uses the state index; no scan of households). */
export function openConflictCount(db: Db): number {
  return db.$client.prepare("SELECT count(*) FROM sync_conflicts WHERE state = 'open'").pluck().get() as number;
}

export interface Resolution {
  id: number;
  householdId: string;
  revision: number;
  choice: 'keep' | 'take';
}

/** Keeps the stored record or takes the incoming one; the household must still be at the conflict's revision. */
export function resolveConflict(db: Db, id: number, choice: 'keep' | 'take', actor: string): Resolution {
  const conflict = db.select().from(syncConflicts).where(eq(syncConflicts.id, id)).get();
  if (!conflict) throw ApiError.problem('NOT_FOUND', 'sync.unknownConflict', { id });
  if (conflict.state !== 'open')
    throw ApiError.problem('CONFLICT', 'sync.conflictClosed', { id, state: conflict.state });
  const stored = db
    .select({
      revision: households.revision,
      slsId: households.slsId,
      visitedAt: households.visitedAt,
      status: households.status,
      members: households.members,
    })
    .from(households)
    .where(eq(households.householdId, conflict.householdId))
    .get();
  if (!stored || stored.revision !== conflict.revision)
    throw ApiError.problem('CONFLICT', 'sync.householdMoved', { household: conflict.householdId });
  if (choice === 'take') {
    const summary = SummaryChanges.forOffice(db);
    summary.replace(stored, {
      slsId: stored.slsId,
      visitedAt: conflict.incomingVisitedAt,
      status: conflict.incomingStatus,
      members: conflict.incomingMembers,
    });
    summary.write(db);
    const incoming = db
      .select({ importedAt: syncImports.importedAt })
      .from(syncImports)
      .where(eq(syncImports.id, conflict.importId))
      .get();
    // The household now comes from the incoming package, so that package touched its SLS.
    markSlsSynced(db, [stored.slsId], conflict.importId, incoming!.importedAt);
    db.update(households)
      .set({
        status: conflict.incomingStatus,
        members: conflict.incomingMembers,
        male: conflict.incomingMale,
        female: conflict.incomingFemale,
        visitedAt: conflict.incomingVisitedAt,
        officerCode: conflict.incomingOfficerCode,
        packageId: conflict.incomingPackageId,
        flagged: conflict.incomingFlagged,
      })
      .where(eq(households.householdId, conflict.householdId))
      .run();
  }
  db.update(syncConflicts)
    .set({ state: choice === 'keep' ? 'kept' : 'taken', resolvedAt: new Date().toISOString(), resolvedBy: actor })
    .where(eq(syncConflicts.id, id))
    .run();
  return { id, householdId: conflict.householdId, revision: conflict.revision, choice };
}

/** SLS with how many households they have, for picking one in the households view. */
export function slsWithHouseholds(db: Db) {
  return db
    .select({
      slsId: sls.slsId,
      nama: sls.nama,
      desaKode: sls.desaKode,
      estimatedHouseholds: sls.estimatedHouseholds,
      households: sql<number>`count(${households.householdId})`,
    })
    .from(sls)
    .leftJoin(households, eq(households.slsId, sls.slsId))
    .groupBy(sls.slsId)
    .orderBy(asc(sls.slsId))
    .all();
}

/** The households of one SLS, with the file name of the package each came from. */
/** What a reader sees of a household: its current record and the file of the package it came from. */
export const HOUSEHOLD_ROW = {
  householdId: households.householdId,
  status: households.status,
  members: households.members,
  male: households.male,
  female: households.female,
  visitedAt: households.visitedAt,
  revision: households.revision,
  officerCode: households.officerCode,
  flagged: households.flagged,
  packageId: households.packageId,
  fileName: syncImports.fileName,
};
/** Joins a household to the accepted import of its package. */
export const importOfHousehold = and(
  eq(syncImports.packageId, households.packageId),
  eq(syncImports.status, 'imported'),
);

export function householdsOfSls(db: Db, slsId: string) {
  return db
    .select(HOUSEHOLD_ROW)
    .from(households)
    .leftJoin(syncImports, importOfHousehold)
    .where(eq(households.slsId, slsId))
    .orderBy(asc(households.householdId))
    .all();
}
