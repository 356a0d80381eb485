// Raw SQL: SQLite plumbing (pragmas, migrations, WAL checkpoints, the per-connection statement cache).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../api/errors.js';
import { migrationsDir } from '../app-paths.js';
import { registerMigrationFunctions } from './migration-functions.js';

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

export interface MigrationReport {
  from: number;
  to: number;
  backupFile: string | null;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => ({
      version: entry.idx + 1,
      tag: entry.tag,
      statements: fs
        .readFileSync(path.join(dir, `${entry.tag}.sql`), 'utf8')
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    }));
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as {
    n: number;
  };
  return row.n > 0;
}

/** A copy of the database as it was, written next to it before any migration changes it. */
export function backupBeforeMigration(sqlite: Database.Database, file: string, from: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const backupFile = `${file}.v${from}-${stamp}.bak`;
  sqlite.prepare('VACUUM INTO ?').run(backupFile);
  return backupFile;
}

/**
 * Applies the drizzle-kit migrations in order, tracking the schema version in PRAGMA user_version.
 * Each migration runs in its own transaction together with its version bump, so a crash leaves the
 * database at a whole version.
 */
export function migrateDatabase(
  sqlite: Database.Database,
  file: string,
  migrations = loadMigrations(),
): MigrationReport {
  const from = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) {
    throw ApiError.problem('DATABASE_TOO_NEW', 'general.databaseTooNew', { file, schema: from, known: latest });
  }
  if (from === latest) return { from, to: latest, backupFile: null };
  const backupFile = file !== ':memory:' && hasUserTables(sqlite) ? backupBeforeMigration(sqlite, file, from) : null;
  registerMigrationFunctions(sqlite);
  for (const migration of migrations.slice(from)) {
    sqlite.transaction(() => {
      for (const statement of migration.statements) sqlite.exec(statement);
      sqlite.pragma(`user_version = ${migration.version}`);
    })();
  }
  return { from, to: latest, backupFile };
}
