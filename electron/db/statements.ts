// Raw SQL: SQLite plumbing (pragmas, migrations, WAL checkpoints, the per-connection statement cache).
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';

const byConnection = new WeakMap<Database.Database, Map<string, Statement>>();

/**
 * The compiled statement for this SQL on this connection, compiled once: compiling costs more than
 * running a small query, and a batch of imports runs the same few queries thousands of times.
 * For `run`, `get` and `all` only (an iterating statement cannot be shared), and never `pluck()`ed:
 * the mode would stick for every other caller of the same SQL.
 */
export function cachedStatement(sqlite: Database.Database, sql: string): Statement {
  let cache = byConnection.get(sqlite);
  if (!cache) byConnection.set(sqlite, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = sqlite.prepare(sql)));
  return statement;
}
