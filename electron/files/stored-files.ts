import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.js';
import { storedFiles } from '../../drizzle/schema/index.js';

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function sha256File(file: string): string {
  return sha256Of(fs.readFileSync(file));
}

function relativeToDataDir(dataDir: string, file: string): string {
  const relative = path.relative(path.resolve(dataDir), path.resolve(file));
  if (relative.startsWith('..') || path.isAbsolute(relative))
    throw new Error(`${file} is not inside the data folder ${dataDir}`);
  return relative.split(path.sep).join('/');
}

/**
 * Records a file a feature stored under the data folder (scans, evidence, sync packages) with its
 * SHA-256, so `pendopo check` can prove later that it is unchanged. Call it inside the op's `run`
 * (same transaction as the row that refers to the file). Returns the hash.
 */
export function registerStoredFile(db: Db, dataDir: string, file: string, sha256 = sha256File(file)): string {
  const relative = relativeToDataDir(dataDir, file);
  const size = fs.statSync(file).size;
  const registeredAt = new Date().toISOString();
  db.insert(storedFiles)
    .values({ path: relative, sha256, size, registeredAt })
    .onConflictDoUpdate({ target: storedFiles.path, set: { sha256, size, registeredAt } })
    .run();
  return sha256;
}

export interface StoredFileProblem {
  path: string;
  problem: 'missing' | 'changed';
}

/** Re-hashes every registered file; lists those missing or changed. */
export function checkStoredFiles(db: Db, dataDir: string): { checked: number; problems: StoredFileProblem[] } {
  const rows = db.select().from(storedFiles).all();
  const problems: StoredFileProblem[] = [];
  for (const row of rows) {
    const file = path.join(dataDir, ...row.path.split('/'));
    if (!fs.existsSync(file)) problems.push({ path: row.path, problem: 'missing' });
    else if (sha256File(file) !== row.sha256) problems.push({ path: row.path, problem: 'changed' });
  }
  return { checked: rows.length, problems };
}
