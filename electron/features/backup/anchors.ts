// Raw SQL: backups work on the SQLite file itself (online backup, integrity_check, chain head).
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/open.js';
import { chainHead, formatHead, type ChainHead } from '../audit/head.js';
import { backupsDir, listBackups } from './service.js';

/**
 * The audit chain proves that no entry was edited, inserted or removed in the middle, but not that
 * the newest entries are still there: cut the end off and what remains is a valid, shorter chain.
 * Its head is therefore also kept outside the database — every backup carries the head of its own
 * moment, and the daily report prints it — and `check` verifies that the live chain still holds
 * each of those heads.
 */
export interface AnchorProblem {
  /** A backup's file name, or "given" for a head typed in (from a printed daily report). */
  source: string;
  head: string;
  /** missing: the chain no longer reaches that entry (cut off?); different: it holds another entry there (rewritten?); unreadable: the backup cannot be read. */
  problem: 'missing' | 'different' | 'unreadable';
}

export interface AnchorReport {
  checked: number;
  problems: AnchorProblem[];
}

function backupHead(file: string): ChainHead | null | 'unreadable' {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    return chainHead(sqlite);
  } catch {
    return 'unreadable';
  } finally {
    sqlite?.close();
  }
}

/** Whether the live chain holds this head (a hash prefix of 12 or more hex digits is enough for a typed-in one). */
function compare(db: Db, head: { id: number; hash: string }): 'ok' | 'missing' | 'different' {
  const row = db.$client.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.id) as
    | { hash: string }
    | undefined;
  if (!row) return 'missing';
  return row.hash.startsWith(head.hash) ? 'ok' : 'different';
}

/** A restore recorded after `at`: the chain that head belonged to was given up on purpose. */
function restoredSince(db: Db, at: string): boolean {
  return !!db.$client.prepare("SELECT 1 FROM audit_log WHERE operation = 'restore' AND at > ? LIMIT 1").get(at);
}

/** Checks the live chain against the head of every backup in the backups folder and against heads given by hand. */
export function checkAnchors(db: Db, dataDir: string, given: { id: number; hash: string }[] = []): AnchorReport {
  const problems: AnchorProblem[] = [];
  let checked = 0;
  for (const backup of listBackups(dataDir)) {
    const head = backupHead(path.join(backupsDir(dataDir), backup.name));
    checked++;
    if (head === 'unreadable') {
      problems.push({ source: backup.name, head: '', problem: 'unreadable' });
      continue;
    }
    if (!head || head.hash === '') continue; // an empty office, or entries from before the chain
    const found = compare(db, head);
    if (found !== 'ok' && !restoredSince(db, head.at))
      problems.push({ source: backup.name, head: formatHead(head), problem: found });
  }
  for (const head of given) {
    checked++;
    const found = compare(db, head);
    if (found !== 'ok') problems.push({ source: 'given', head: formatHead(head), problem: found });
  }
  return { checked, problems };
}
