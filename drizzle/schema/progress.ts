import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Households per SLS, visit day and status: a summary of `households` kept exact by triggers
 * (custom migration `progress_summary_triggers`), so the dashboard never scans a million rows.
 * `day` is the local date part of `visited_at` (YYYY-MM-DD).
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
  (t) => [primaryKey({ columns: [t.slsId, t.day, t.status] }), index('progress_sls_day_day_idx').on(t.day)],
);
