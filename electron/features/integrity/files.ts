import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { integrityFiles } from '../../../drizzle/schema/index.js';
import type { OpContext } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import type { Db } from '../../db/open.js';
import { exportExistingFile } from '../../files/export-store.js';
import { mimeTypeOf, type ExportHandle } from '../../files/exported-file.js';
import { resolveFileSource, type FileSource } from '../../files/file-source.js';
import { registerStoredFile, sha256Of } from '../../files/stored-files.js';

/** A file read and hashed in `prepare`, ready to be recorded in `run`. */
export interface StagedFile {
  name: string;
  sha256: string;
  size: number;
  /** The data folder it was kept under. */
  dataDir: string;
}

function storePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'integrity', sha256);
}

/**
 * Copies an uploaded or local file into `<dataDir>/integrity/<sha256>` (content-addressed, so the
 * same scan twice is kept once). Runs in `prepare`; a file written for a change that is later
 * refused is harmless (unreferenced).
 */
export function stageFile(source: FileSource, ctx: Pick<OpContext, 'trusted' | 'dataDir'>): StagedFile {
  const resolved = resolveFileSource(source, ctx);
  try {
    const bytes = fs.readFileSync(resolved.path);
    if (!bytes.length) throw new ApiError('REJECTED', `${resolved.name}: the file is empty`);
    const sha256 = sha256Of(bytes);
    const target = storePath(ctx.dataDir, sha256);
    if (!fs.existsSync(target)) {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const temp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target);
    }
    return { name: resolved.name, sha256, size: bytes.length, dataDir: ctx.dataDir };
  } finally {
    resolved.cleanup();
  }
}

export function stageFiles(sources: FileSource[] | undefined, ctx: Pick<OpContext, 'trusted' | 'dataDir'>): StagedFile[] {
  return (sources ?? []).map((s) => stageFile(s, ctx));
}

/** Records a staged file (and registers it for `pendopo check`, in the same transaction); returns its id. */
export function recordFile(db: Db, { dataDir, ...file }: StagedFile): number {
  registerStoredFile(db, dataDir, storePath(dataDir, file.sha256), file.sha256);
  return db.insert(integrityFiles).values({ ...file, createdAt: new Date().toISOString() }).returning({ id: integrityFiles.id }).get().id;
}

/** SHA-256 of a file read as a stream (kept files can be large scans). */
async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Hands out a kept file for saving, after checking its bytes still have the SHA-256 recorded when it was attached. */
export async function exportKeptFile(db: Db, dataDir: string, fileId: number): Promise<ExportHandle & { sha256: string }> {
  const row = db.select().from(integrityFiles).where(eq(integrityFiles.id, fileId)).get();
  if (!row) throw new ApiError('NOT_FOUND', `No kept file with id ${fileId}`);
  const target = storePath(dataDir, row.sha256);
  if (!fs.existsSync(target)) throw new ApiError('REJECTED', `${row.name}: the kept file is missing from the data folder`);
  if ((await sha256OfFile(target)) !== row.sha256) {
    throw new ApiError('REJECTED', `${row.name}: the kept file no longer matches its recorded SHA-256 (${row.sha256.slice(0, 12)}…); it was changed or damaged`);
  }
  return { ...(await exportExistingFile(dataDir, target, row.name, mimeTypeOf(row.name))), sha256: row.sha256 };
}
