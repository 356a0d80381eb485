// Raw SQL: backups work on the SQLite file itself (online backup, integrity_check, chain head).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../db/migrate.js';
import type { ProblemKey, ProblemParams } from '../../../common/problems/index.js';

export const AUTO_PREFIX = 'pendopo-auto-';
export const MANUAL_PREFIX = 'pendopo-';

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

export const stamp = (date = new Date()) =>
  date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/**
 * SQLite's online backup: a consistent copy while the app keeps working. Writes to a temporary
 * name first and renames, so a half-written backup never looks like a good one.
 */
export async function backupDatabase(
  sqlite: Database.Database,
  target: string,
): Promise<{ file: string; size: number }> {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  await sqlite.backup(partial);
  fs.renameSync(partial, target);
  return { file: path.resolve(target), size: fs.statSync(target).size };
}

export function newBackupPath(dataDir: string, kind: 'auto' | 'manual', now = new Date()): string {
  return path.join(backupsDir(dataDir), `${kind === 'auto' ? AUTO_PREFIX : MANUAL_PREFIX}${stamp(now)}.db`);
}

export interface BackupInfo {
  name: string;
  size: number;
  createdAt: string;
  automatic: boolean;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.db'))
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return { name, size: stat.size, createdAt: stat.mtime.toISOString(), automatic: name.startsWith(AUTO_PREFIX) };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` automatic backups; manual ones are the user's to delete. */
export function pruneAutoBackups(dataDir: string, keep: number): string[] {
  const auto = listBackups(dataDir).filter((b) => b.automatic);
  const removed = auto.slice(keep).map((b) => b.name);
  for (const name of removed) fs.rmSync(path.join(backupsDir(dataDir), name), { force: true });
  return removed;
}

export interface DatabaseCheck {
  ok: boolean;
  integrity: string[];
  schemaVersion: number;
  /** Why the file is refused, as a catalogue key (restore.*) with its parameters. */
  problem: { key: ProblemKey; params: ProblemParams } | null;
}

/** Opens a database file read-only and runs SQLite's integrity check; also refuses files that are not Pendopo's or are too new. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  const refused = (
    key: ProblemKey,
    params: ProblemParams = {},
    integrity: string[] = [],
    schemaVersion = 0,
  ): DatabaseCheck => ({
    ok: false,
    integrity,
    schemaVersion,
    problem: { key, params: { file: path.basename(file), ...params } },
  });
  if (!fs.existsSync(file)) return refused('restore.missing');
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const hasAudit = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    const latest = loadMigrations().length;
    if (integrity.join() !== 'ok') return refused('restore.damaged', {}, integrity, schemaVersion);
    if (!hasAudit) return refused('restore.notPendopo', {}, integrity, schemaVersion);
    if (schemaVersion > latest)
      return refused('restore.tooNew', { schema: schemaVersion, known: latest }, integrity, schemaVersion);
    return { ok: true, integrity, schemaVersion, problem: null };
  } catch {
    return refused('restore.notSqlite');
  } finally {
    sqlite?.close();
  }
}
