import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Households per SLS, visit day and status: a summary of `households`, so the dashboard never scans
 * a million rows. Kept exact by the only writers of households (the sync apply step and conflict
 * resolution, through `SummaryChanges` in electron/features/progress/summary.ts), once per package
 * rather than by a trigger per row. `day` is the visit's calendar day in the office's time zone
 * (WIB, WITA or WIT), whatever offset the tablet wrote (YYYY-MM-DD).
 */
export const progressSlsDay = sqliteTable(
  'progress_sls_day',
  {
    slsId: text('sls_id').notNull(),
    day: text('day').notNull(),
    status: text('status').notNull(),
    households: integer('households').notNull(),
    members: integer('members').notNull(),
  },
  // WITHOUT ROWID (custom migration `scale_summary`): the primary key is the table, one b-tree per upsert.
  (t) => [primaryKey({ columns: [t.slsId, t.day, t.status] })],
);
