// Raw SQL: SQLite plumbing (pragmas, migrations, WAL checkpoints, the per-connection statement cache).
import fs from 'node:fs';
import type Database from 'better-sqlite3';

/** A WAL this big after a commit is checkpointed and cut back at once (a 198,000-household package left 150 MB). */
export const BIG_WAL_BYTES = 32 * 1024 * 1024;

/**
 * After a big write: copies the WAL into the database and truncates it, without waiting for readers.
 * A reader still holding an older snapshot leaves part of the WAL in place; `journal_size_limit`
 * (applyPragmas) then cuts the file down at the next write.
 */
export function checkpointIfWalIsBig(sqlite: Database.Database, dbFile: string, limit = BIG_WAL_BYTES): boolean {
  let size: number;
  try {
    size = fs.statSync(`${dbFile}-wal`).size;
  } catch {
    return false;
  }
  if (size < limit) return false;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
  return true;
}
