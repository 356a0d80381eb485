import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../api/errors.js';
import type { OpContext } from '../api/define.js';
import { cleanName } from '../../common/text.js';
import { readTableFile } from './run-table-worker.js';
import type { TableFile } from './table-file.js';

/** Largest file a window may send as base64 (office mode's request limit is a little above this). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;

/**
 * A file an operation reads: bytes sent by a window (base64), or a local path, which only trusted
 * local callers (the CLI) may use — a window must never make the backend read a path it chose.
 */
export const fileSource = z.union([
  z.object({ name: z.string().min(1).max(255), base64: z.string().max(Math.ceil((MAX_UPLOAD_BYTES * 4) / 3) + 4) }),
  z.object({ path: z.string().min(1).max(4096) }),
]);
export type FileSource = z.infer<typeof fileSource>;

export interface ResolvedFile {
  /** The file's own name (no folders), for messages and import history. */
  name: string;
  /** A path on disk to read from; uploads are written to the data folder's `incoming/` first. */
  path: string;
  /** Removes a temporary upload; a no-op for local paths. */
  cleanup(): void;
}

/** The file's own name, fit for records, messages and the audit trail: no folders, no control or bidi characters. */
export function fileName(source: FileSource): string {
  const name = 'path' in source ? path.basename(source.path) : path.posix.basename(source.name.replace(/\\/g, '/'));
  return cleanName(name) || 'file';
}

/** Turns a file source into a readable path, refusing paths from untrusted callers. */
export function resolveFileSource(source: FileSource, ctx: Pick<OpContext, 'trusted' | 'dataDir'>): ResolvedFile {
  if ('path' in source) {
    if (!ctx.trusted) throw ApiError.problem('FORBIDDEN', 'files.pathNotAllowed');
    const full = path.resolve(source.path);
    if (!fs.existsSync(full) || !fs.statSync(full).isFile())
      throw ApiError.problem('REJECTED', 'files.notFound', { path: source.path });
    return { name: fileName(source), path: full, cleanup: () => {} };
  }
  const bytes = Buffer.from(source.base64, 'base64');
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw ApiError.problem('REJECTED', 'files.uploadTooLarge', {
      name: fileName(source),
      limit: MAX_UPLOAD_BYTES / 1024 / 1024,
    });
  const dir = path.join(ctx.dataDir, 'incoming');
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}.upload`);
  fs.writeFileSync(temp, bytes);
  return { name: fileName(source), path: temp, cleanup: () => fs.rmSync(temp, { force: true }) };
}

/**
 * Runs `use` on the file a source names and removes the temporary copy of an upload afterwards,
 * when `use` returns or, if it returns a promise, when that settles.
 */
export function usingFileSource<T>(
  source: FileSource,
  ctx: Pick<OpContext, 'trusted' | 'dataDir'>,
  use: (file: ResolvedFile) => T,
): T {
  const file = resolveFileSource(source, ctx);
  let result: T;
  try {
    result = use(file);
  } catch (error) {
    file.cleanup();
    throw error;
  }
  if (result instanceof Promise) return result.finally(file.cleanup) as T;
  file.cleanup();
  return result;
}

/** Reads an uploaded or named office spreadsheet (in `prepare`), expecting these columns. */
export function readTableSource(
  source: FileSource,
  ctx: Pick<OpContext, 'trusted' | 'dataDir'>,
  columns: Record<string, unknown>,
): Promise<{ name: string; table: TableFile }> {
  return usingFileSource(source, ctx, async (file) => ({
    name: file.name,
    table: await readTableFile(file.path, { columns: Object.keys(columns) }),
  }));
}
