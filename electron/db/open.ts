// Raw SQL: SQLite plumbing (pragmas, migrations, WAL checkpoints, the per-connection statement cache).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../drizzle/schema/index.js';
import { migrateDatabase, type MigrationReport } from './migrate.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface OpenOptions {
  /** Path of the Electron build of better-sqlite3; undefined under plain Node. */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface OpenedDatabase {
  db: Db;
  sqlite: Database.Database;
  file: string;
  migration: MigrationReport;
  close(): void;
}

/**
 * Every connection gets the same pragmas: WAL, foreign keys, a busy timeout, synchronous=NORMAL
 * under WAL, a checkpoint every 4,000 pages (16 MB; SQLite's 1,000 copied the pages every import
 * rewrites — indexes, the summary, the audit log — four times as often), and a WAL cut back to
 * 32 MB whenever it is reset after growing past that.
 */
export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('wal_autocheckpoint = 4000');
  sqlite.pragma(`journal_size_limit = ${32 * 1024 * 1024}`);
}

/** Opens (creating when absent) and migrates the database file. Refuses a file from a newer app version. */
export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const resolved = path.resolve(file);
  fs.mkdirSync(path.dirname(resolved), { recursive: true });
  const sqlite = new Database(resolved, { nativeBinding: options.nativeBinding });
  try {
    applyPragmas(sqlite);
    const migration = migrateDatabase(sqlite, resolved);
    const db = drizzle(sqlite, { schema }) as Db;
    return {
      db,
      sqlite,
      file: resolved,
      migration,
      close() {
        if (!sqlite.open) return;
        // A reader's connection may not write the statistics `optimize` would refresh.
        if (!sqlite.pragma('query_only', { simple: true })) sqlite.pragma('optimize');
        sqlite.close();
      },
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}
