import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { HOUSEHOLD_STATUSES } from './census.js';

export const SYNC_IMPORT_STATUSES = ['imported', 'rejected', 'duplicate'] as const;

/** Every field sync package the office tried to import (rule 6), accepted, rejected or already imported. */
export const syncImports = sqliteTable(
  'sync_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    fileName: text('file_name').notNull(),
    /** Null when the manifest was unreadable. */
    packageId: text('package_id'),
    officerCode: text('officer_code'),
    deviceId: text('device_id'),
    /** The manifest's created_at, as written by the tablet. */
    createdAt: text('created_at'),
    importedAt: text('imported_at').notNull(),
    actor: text('actor').notNull(),
    status: text('status', { enum: SYNC_IMPORT_STATUSES }).notNull(),
    records: integer('records'),
    newCount: integer('new_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    staleCount: integer('stale_count').notNull().default(0),
    conflictCount: integer('conflict_count').notNull().default(0),
    flaggedCount: integer('flagged_count').notNull().default(0),
    /** All problems found, including those beyond the listed cap. */
    errorCount: integer('error_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('sync_imports_one_accepted_per_package').on(t.packageId).where(sql`${t.status} = 'imported'`),
    index('sync_imports_imported_at_idx').on(t.importedAt),
    index('sync_imports_officer_idx').on(t.officerCode),
  ],
);

/** The problems of a rejected package, in file order, up to the listed cap. */
export const syncImportErrors = sqliteTable(
  'sync_import_errors',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => syncImports.id),
    line: integer('line'),
    field: text('field'),
    /** Stable problem code the UI translates (e.g. `zip.traversal`, `record.type`). */
    code: text('code').notNull(),
    /** Values the translated message needs, as JSON. */
    params: text('params').notNull().default('{}'),
    message: text('message').notNull(),
  },
  (t) => [index('sync_import_errors_import_idx').on(t.importId)],
);

export const CONFLICT_STATES = ['open', 'kept', 'taken', 'superseded'] as const;

/**
 * A record with the same revision as the stored one but different content (rule 4): the stored one
 * stays until a person keeps it or takes the incoming one. A later higher revision supersedes it.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    householdId: text('household_id').notNull(),
    slsId: text('sls_id').notNull(),
    revision: integer('revision').notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => syncImports.id),
    state: text('state', { enum: CONFLICT_STATES }).notNull().default('open'),
    storedStatus: text('stored_status', { enum: HOUSEHOLD_STATUSES }).notNull(),
    storedMembers: integer('stored_members').notNull(),
    storedMale: integer('stored_male').notNull(),
    storedFemale: integer('stored_female').notNull(),
    storedVisitedAt: text('stored_visited_at').notNull(),
    storedOfficerCode: text('stored_officer_code').notNull(),
    storedPackageId: text('stored_package_id').notNull(),
    incomingStatus: text('incoming_status', { enum: HOUSEHOLD_STATUSES }).notNull(),
    incomingMembers: integer('incoming_members').notNull(),
    incomingMale: integer('incoming_male').notNull(),
    incomingFemale: integer('incoming_female').notNull(),
    incomingVisitedAt: text('incoming_visited_at').notNull(),
    incomingOfficerCode: text('incoming_officer_code').notNull(),
    incomingPackageId: text('incoming_package_id').notNull(),
    incomingFlagged: integer('incoming_flagged', { mode: 'boolean' }).notNull(),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [
    index('sync_conflicts_household_idx').on(t.householdId, t.state),
    index('sync_conflicts_state_idx').on(t.state),
  ],
);

/**
 * Per SLS, the last accepted package that wrote one of its households (a new record, a higher
 * revision, or a conflict resolved by taking the incoming record). Kept by the sync apply step, one
 * upsert per SLS a package touches, so the dashboard's "last sync" and "quiet" never scan households.
 */
export const slsLastSync = sqliteTable('sls_last_sync', {
  slsId: text('sls_id').primaryKey(),
  importId: integer('import_id')
    .notNull()
    .references(() => syncImports.id),
  /** The package's `sync_imports.imported_at` (ISO, UTC). */
  importedAt: text('imported_at').notNull(),
});
