import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Key/value settings; values are JSON. Office-wide facts such as the regency live here. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** Optimistic version, so two clerks editing the same setting cannot overwrite each other unseen. */
  version: integer('version').notNull().default(1),
});

/**
 * One row per writing API operation, written in the same transaction as the change. Rows are
 * hash-chained (`prev_hash` → `hash`, see electron/features/audit/chain.ts) and triggers refuse
 * UPDATE and DELETE (migration audit_append_only).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    operation: text('operation').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
    /** The summary's key in common/audit-texts and its parameters (JSON): not hashed, see audit/summary.ts. */
    summaryKey: text('summary_key'),
    summaryParams: text('summary_params'),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_entity_idx').on(t.entity, t.entityId)],
);
