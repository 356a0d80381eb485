import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { integrityFiles, storedFiles } from '../../../drizzle/schema/index.js';
import type { OpContext } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { exportExistingFile } from '../../files/export-store.js';
import { mimeTypeOf, type ExportHandle } from '../../files/exported-file.js';
import { type FileSource, usingFileSource } from '../../files/file-source.js';
import { registerStoredFile, sha256Of } from '../../files/stored-files.js';

/** A file read and hashed in `prepare`, ready to be recorded in `run`. */
export interface StagedFile {
  name: string;
  sha256: string;
  size: number;
  /** The data folder it was kept under. */
  dataDir: string;
  /** This call's own copy (unique name), moved into the content-addressed store by `recordFile`. */
  staging: string;
  /** Set by `recordFile` when this call put the file into the store (it was not there before). */
  placed?: boolean;
}

function storePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'integrity', sha256);
}

const STAGING_DIR = '.staging';
/** Staged copies of calls that were killed between `prepare` and `run` are removed after this. */
const ABANDONED_AFTER_MS = 24 * 3_600_000;

function removeAbandonedStaging(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (Date.now() - fs.statSync(file).mtimeMs > ABANDONED_AFTER_MS) fs.rmSync(file, { force: true });
  }
}

/**
 * Reads an uploaded or local file and keeps a copy under `<dataDir>/integrity/.staging/` with a
 * name of its own. Runs in `prepare`; `recordFile` (in `run`) moves it into the content-addressed
 * store, `discardStaged` removes what a refused change left, so a refusal stores nothing.
 */
export function stageFile(source: FileSource, ctx: Pick<OpContext, 'trusted' | 'dataDir'>): StagedFile {
  return usingFileSource(source, ctx, (resolved) => {
    const bytes = fs.readFileSync(resolved.path);
    if (!bytes.length) throw ApiError.problem('REJECTED', 'integrity.file.empty', { name: resolved.name });
    const dir = path.join(ctx.dataDir, 'integrity', STAGING_DIR);
    fs.mkdirSync(dir, { recursive: true });
    removeAbandonedStaging(dir);
    const staging = path.join(dir, `${randomUUID()}.tmp`);
    fs.writeFileSync(staging, bytes);
    return { name: resolved.name, sha256: sha256Of(bytes), size: bytes.length, dataDir: ctx.dataDir, staging };
  });
}

export function stageFiles(
  sources: FileSource[] | undefined,
  ctx: Pick<OpContext, 'trusted' | 'dataDir'>,
): StagedFile[] {
  const staged: StagedFile[] = [];
  try {
    for (const source of sources ?? []) staged.push(stageFile(source, ctx));
    return staged;
  } catch (error) {
    for (const file of staged) fs.rmSync(file.staging, { force: true });
    throw error;
  }
}

/** Records a staged file (and registers it for `pendopo check`, in the same transaction); returns its id. */
export function recordFile(db: Db, file: StagedFile): number {
  const target = storePath(file.dataDir, file.sha256);
  if (fs.existsSync(target)) {
    fs.rmSync(file.staging, { force: true });
  } else {
    fs.renameSync(file.staging, target);
    file.placed = true;
  }
  registerStoredFile(db, file.dataDir, target, file.sha256);
  const { name, sha256, size } = file;
  return db
    .insert(integrityFiles)
    .values({ name, sha256, size, createdAt: new Date().toISOString() })
    .returning({ id: integrityFiles.id })
    .get().id;
}

/**
 * After a refused change (its transaction rolled back): removes its staged copies, and the stored
 * files it put in place that nothing refers to. Runs synchronously right after the rollback, so no
 * other change can have started to use such a file in between.
 */
export function discardStaged(db: Db, staged: StagedFile | StagedFile[] | null): void {
  for (const file of staged === null ? [] : Array.isArray(staged) ? staged : [staged]) {
    fs.rmSync(file.staging, { force: true });
    if (!file.placed) continue;
    const target = storePath(file.dataDir, file.sha256);
    const relative = path.relative(file.dataDir, target).split(path.sep).join('/');
    if (!db.select({ path: storedFiles.path }).from(storedFiles).where(eq(storedFiles.path, relative)).get())
      fs.rmSync(target, { force: true });
  }
}

/** SHA-256 of a file read as a stream (kept files can be large scans). */
async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hands out a kept file for saving, after checking its bytes still have the SHA-256 recorded when it was attached. */
export async function exportKeptFile(
  db: Db,
  dataDir: string,
  fileId: number,
): Promise<ExportHandle & { sha256: string }> {
  const row = db.select().from(integrityFiles).where(eq(integrityFiles.id, fileId)).get();
  if (!row) throw ApiError.problem('NOT_FOUND', 'integrity.notFound.file', { id: fileId });
  const target = storePath(dataDir, row.sha256);
  if (!fs.existsSync(target)) throw ApiError.problem('REJECTED', 'integrity.file.missing', { name: row.name });
  if ((await sha256OfFile(target)) !== row.sha256) {
    throw ApiError.problem('REJECTED', 'integrity.file.changed', { name: row.name, sha: row.sha256.slice(0, 12) });
  }
  return { ...(await exportExistingFile(dataDir, target, row.name, mimeTypeOf(row.name))), sha256: row.sha256 };
}
