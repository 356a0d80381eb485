// Raw SQL: backups work on the SQLite file itself (online backup, integrity_check, chain head).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { audited } from '../../../common/audit-texts/index.js';
import Database from 'better-sqlite3';
import { ApiError } from '../../api/errors.js';
import { openDatabase, type Db } from '../../db/open.js';
import { appendAudit } from '../audit/append.js';
import { chainHead, formatHead } from '../audit/head.js';
import { checkDatabaseFile, stamp } from './service.js';

/**
 * Restore, atomic from every point of view. The one step that changes which database the office
 * uses is a single rename of a complete, synced copy over the database file; everything before it
 * can be thrown away, everything after it is bookkeeping that the next start finishes. So a
 * restore killed at any moment leaves the old database or the restored one, never none:
 *
 * 1. the current database is settled: its WAL folded in, switched to a rollback journal, so the
 *    file alone is the whole database (refused when another Pendopo has it open);
 * 2. it is copied aside (`.before-restore-<time>`, via `.partial`), never moved;
 * 3. the backup is copied to `<db>.restoring` and synced;
 * 4. a journal (`<db>.restore-journal.json`) records what is being done;
 * 5. `<db>.restoring` is renamed over `<db>` — the commit point;
 * 6. at the next open (startBackend, right after), the restore is recorded in the restored audit
 *    trail and the journal removed.
 *
 * At start, `recoverInterruptedRestore` rolls back a restore that did not reach step 5 (the
 * `.restoring` copy is still there) and clears half-written copies.
 */

interface RestoreJournal {
  id: string;
  backup: string;
  keptAside: string | null;
  actor: string;
  previousHead: string | null;
}

const restoringFile = (target: string) => `${target}.restoring`;
const journalFile = (target: string) => `${target}.restore-journal.json`;
const inUse = () => ApiError.problem('REJECTED', 'restore.inUse');

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Makes renames in a folder durable; Windows cannot open folders and journals renames itself. */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to);
  fsyncFile(to);
}

function writeDurably(file: string, text: string): void {
  const temp = `${file}.tmp`;
  fs.writeFileSync(temp, text);
  fsyncFile(temp);
  fs.renameSync(temp, file);
  fsyncDir(path.dirname(file));
}

/** Step 1: the current database as one self-contained file; returns its chain head. */
function settleCurrent(target: string): string | null {
  let sqlite: Database.Database | undefined;
  let head: string | null;
  try {
    sqlite = new Database(target, { fileMustExist: true, timeout: 1000 });
    if (sqlite.pragma('journal_mode = DELETE', { simple: true }) !== 'delete') throw inUse();
    const hasAudit = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get();
    const chain = hasAudit ? chainHead(sqlite) : null;
    head = chain ? formatHead(chain) : null;
  } catch (error) {
    if (
      (error as { code?: string }).code?.startsWith('SQLITE_BUSY') ||
      (error as { code?: string }).code === 'SQLITE_LOCKED'
    )
      throw inUse();
    throw error;
  } finally {
    sqlite?.close();
  }
  if (fs.existsSync(`${target}-wal`)) throw inUse(); // opened again meanwhile
  return head;
}

/** Replaces the database file with a checked backup (the app must not have it open); the current one is kept aside. */
export function restoreDatabase(
  dbFile: string,
  backupFile: string,
  options: { actor: string; now?: Date },
): { keptAside: string | null } {
  const check = checkDatabaseFile(backupFile);
  if (!check.ok) throw ApiError.problem('REJECTED', check.problem!.key, check.problem!.params);
  const target = path.resolve(dbFile);
  recoverInterruptedRestore(target);
  if (fs.existsSync(journalFile(target))) {
    // An earlier restore committed but was never recorded: record it before starting another.
    const opened = openDatabase(target);
    try {
      finishRestore(opened.db, target);
    } finally {
      opened.close();
    }
  }
  const previousHead = fs.existsSync(target) ? settleCurrent(target) : null;
  let keptAside: string | null = null;
  if (fs.existsSync(target)) {
    keptAside = `${target}.before-restore-${stamp(options.now)}`;
    for (let n = 2; fs.existsSync(keptAside); n++) keptAside = `${target}.before-restore-${stamp(options.now)}-${n}`;
    copyDurably(target, `${keptAside}.partial`);
    fs.renameSync(`${keptAside}.partial`, keptAside);
  }
  copyDurably(backupFile, restoringFile(target));
  const journal: RestoreJournal = {
    id: randomUUID(),
    backup: path.basename(backupFile),
    keptAside,
    actor: options.actor,
    previousHead,
  };
  writeDurably(journalFile(target), JSON.stringify(journal));
  fs.renameSync(restoringFile(target), target);
  fsyncDir(path.dirname(target));
  return { keptAside };
}

/** The files an unfinished restore may leave beside the database. */
function leftovers(target: string): string[] {
  const dir = path.dirname(target);
  const base = path.basename(target);
  const restoring = restoringFile(target);
  const named = [
    restoring,
    `${restoring}-journal`,
    `${restoring}-wal`,
    `${restoring}-shm`,
    `${journalFile(target)}.tmp`,
  ];
  const partials = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.startsWith(`${base}.before-restore-`) && name.endsWith('.partial'))
        .map((name) => path.join(dir, name))
    : [];
  return [...named, ...partials].filter((file) => fs.existsSync(file));
}

/**
 * An earlier Pendopo moved the database aside before copying the backup in: killed in between, it
 * left no database. Its newest copy aside is moved back, with the WAL files that went with it.
 */
function rollBackOldStyleRestore(target: string): void {
  if (fs.existsSync(target) || !fs.existsSync(restoringFile(target)) || fs.existsSync(journalFile(target))) return;
  const dir = path.dirname(target);
  const aside = fs
    .readdirSync(dir)
    .filter((name) => /\.before-restore-\d{8}-\d{6}$/.test(name) && name.startsWith(`${path.basename(target)}.`))
    .sort()
    .at(-1);
  if (!aside) return;
  for (const suffix of ['-wal', '-shm', '']) {
    const from = path.join(dir, aside + suffix);
    if (fs.existsSync(from) && !fs.existsSync(target + suffix)) fs.renameSync(from, target + suffix);
  }
}

/**
 * At start, before the database is opened: a restore that never reached its rename is rolled back
 * (its copies removed, the database untouched); one that did is left for `finishRestore`.
 */
export function recoverInterruptedRestore(dbFile: string): void {
  const target = path.resolve(dbFile);
  rollBackOldStyleRestore(target);
  const uncommitted = fs.existsSync(restoringFile(target));
  for (const file of leftovers(target)) fs.rmSync(file, { force: true });
  if (uncommitted) fs.rmSync(journalFile(target), { force: true });
}

/** After the restored database is open: records the restore in its audit trail (once) and removes the journal. */
export function finishRestore(db: Db, dbFile: string): void {
  const file = journalFile(path.resolve(dbFile));
  if (!fs.existsSync(file)) return;
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as RestoreJournal;
  const marker = `restore ${journal.id}`;
  db.$client.transaction(() => {
    if (db.$client.prepare("SELECT 1 FROM audit_log WHERE operation = 'restore' AND after = ?").get(marker)) return;
    appendAudit(db, {
      actor: journal.actor,
      operation: 'restore',
      entity: 'backup',
      entityId: journal.backup,
      ...(journal.keptAside
        ? audited('backup.restoredKeptAside', { backup: journal.backup, keptAside: path.basename(journal.keptAside) })
        : audited('backup.restored', { backup: journal.backup })),
      // The chain given up: its head, so a check can tell a restore from a truncation.
      before: journal.previousHead ? `chain head ${journal.previousHead}` : null,
      after: marker,
    });
  })();
  fs.rmSync(file, { force: true });
}
