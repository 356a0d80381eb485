import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Local accounts. Passwords are stored only as scrypt hashes ("scrypt$N$r$p$salt$hash"). */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['admin', 'operator', 'koordinator', 'timzi', 'pimpinan'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  /** Optimistic version: bumped by every edit (see electron/db/versioned.ts). */
  version: integer('version').notNull().default(1),
  /**
   * Bumped when the password changes or the account is disabled: a session remembers the value it
   * was opened with and ends when it differs, so re-enabling an account revives no old session.
   */
  sessionEpoch: integer('session_epoch').notNull().default(0),
});
