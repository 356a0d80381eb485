import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Files features keep under the data folder, with the SHA-256 recorded when stored; `pendopo check` re-hashes them. */
export const storedFiles = sqliteTable('stored_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Relative to the data folder, with forward slashes. */
  path: text('path').notNull().unique(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  registeredAt: text('registered_at').notNull(),
});
