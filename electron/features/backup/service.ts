import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations } from '../../db/migrate.js';

export const AUTO_PREFIX = 'pendopo-auto-';
export const MANUAL_PREFIX = 'pendopo-';

export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

const stamp = (date = new Date()) => date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');

/**
 * SQLite's online backup: a consistent copy while the app keeps working. Writes to a temporary
 * name first and renames, so a half-written backup never looks like a good one.
 */
export async function backupDatabase(sqlite: Database.Database, target: string): Promise<{ file: string; size: number }> {
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
  problem: string | null;
}

/** Opens a database file read-only and runs SQLite's integrity check; also refuses files that are not Pendopo's or are too new. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) return { ok: false, integrity: [], schemaVersion: 0, problem: `${file} does not exist` };
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const hasAudit = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    const latest = loadMigrations().length;
    const problem =
      integrity.join() !== 'ok'
        ? `integrity check failed: ${integrity.slice(0, 3).join('; ')}`
        : !hasAudit
          ? 'not a Pendopo database (no audit_log table)'
          : schemaVersion > latest
            ? `written by a newer Pendopo (schema ${schemaVersion}, this app knows ${latest})`
            : null;
    return { ok: problem === null, integrity, schemaVersion, problem };
  } catch (error) {
    return { ok: false, integrity: [], schemaVersion: 0, problem: `cannot read it as SQLite: ${(error as Error).message}` };
  } finally {
    sqlite?.close();
  }
}

/**
 * Replaces the database file with a checked backup. The current file (with its -wal and -shm) is
 * moved aside first, never deleted. The app must not have the database open.
 */
export function restoreDatabase(dbFile: string, backupFile: string, now = new Date()): { keptAside: string | null } {
  const check = checkDatabaseFile(backupFile);
  if (!check.ok) throw new Error(`Backup refused: ${check.problem}`);
  const target = path.resolve(dbFile);
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = `${target}.before-restore-${stamp(now)}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, keptAside + suffix);
    }
  }
  const partial = `${target}.restoring`;
  fs.copyFileSync(backupFile, partial);
  fs.renameSync(partial, target);
  return { keptAside };
}
