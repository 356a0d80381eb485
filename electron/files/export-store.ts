import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXPORT_ID, type ExportHandle } from './exported-file.js';

/**
 * Export files on disk: an operation writes its file (streamed) under `<data folder>/exports/`,
 * named by a random id, and returns an ExportHandle. The transport then hands the file to the user
 * (office mode: a one-time download; desktop: the save dialog; CLI: --out or stdout) and removes it.
 * A file nobody took is removed when a later export starts, once it is older than EXPORT_TTL_MS.
 */
export const exportsDir = (dataDir: string) => path.join(dataDir, 'exports');

/** How long an export waits to be downloaded or saved. */
export const EXPORT_TTL_MS = 60 * 60_000;

const dataPath = (dataDir: string, exportId: string) => path.join(exportsDir(dataDir), exportId);
const metaPath = (dataDir: string, exportId: string) => path.join(exportsDir(dataDir), `${exportId}.json`);

/** A file name safe on every system the office uses (no folders, no reserved characters). */
export function safeFileName(name: string): string {
  const cleaned = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .slice(0, 150);
  return cleaned.replace(/^\.+/, '') || 'ekspor';
}

export interface PendingExport {
  /** Where the operation writes the bytes (a `.part` file until committed). */
  path: string;
  /** The file is complete: record its name and type, and hand out its handle. */
  commit(): ExportHandle;
  /** The export failed: remove what was written. */
  discard(): void;
}

/** Starts a new export file; also sweeps leftovers older than the TTL. */
export function startExport(dataDir: string, fileName: string, mimeType: string): PendingExport {
  fs.mkdirSync(exportsDir(dataDir), { recursive: true });
  sweepExports(dataDir);
  const exportId = randomBytes(16).toString('hex');
  const part = `${dataPath(dataDir, exportId)}.part`;
  return {
    path: part,
    commit() {
      const handle: ExportHandle = {
        exportId,
        fileName: safeFileName(fileName),
        mimeType,
        size: fs.statSync(part).size,
      };
      fs.writeFileSync(metaPath(dataDir, exportId), JSON.stringify(handle));
      fs.renameSync(part, dataPath(dataDir, exportId));
      return handle;
    },
    discard: () => fs.rmSync(part, { force: true }),
  };
}

/** Runs `write` into a new export file and returns its handle; on failure nothing is left behind. */
export async function writeExport(
  dataDir: string,
  fileName: string,
  mimeType: string,
  write: (file: string) => Promise<void>,
): Promise<ExportHandle> {
  const pending = startExport(dataDir, fileName, mimeType);
  try {
    await write(pending.path);
    return pending.commit();
  } catch (error) {
    pending.discard();
    throw error;
  }
}

/** Hands out a copy of an existing file (a backup, a kept scan) as an export; the copy never passes through memory. */
export async function exportExistingFile(
  dataDir: string,
  source: string,
  fileName: string,
  mimeType: string,
): Promise<ExportHandle> {
  const pending = startExport(dataDir, fileName, mimeType);
  try {
    await fs.promises.copyFile(source, pending.path);
    return pending.commit();
  } catch (error) {
    pending.discard();
    throw error;
  }
}

/** The file of a committed export and its handle, or null when the id is malformed, unknown or gone. */
export function findExport(dataDir: string, exportId: string): { path: string; handle: ExportHandle } | null {
  if (!EXPORT_ID.test(exportId)) return null;
  try {
    const handle = JSON.parse(fs.readFileSync(metaPath(dataDir, exportId), 'utf8')) as ExportHandle;
    const file = dataPath(dataDir, exportId);
    return fs.existsSync(file) ? { path: file, handle } : null;
  } catch {
    return null;
  }
}

export function removeExport(dataDir: string, exportId: string): void {
  if (!EXPORT_ID.test(exportId)) return;
  fs.rmSync(dataPath(dataDir, exportId), { force: true });
  fs.rmSync(metaPath(dataDir, exportId), { force: true });
}

/** Moves an export to where the user wants it (rename, or copy when it is another disk) and forgets it. */
export async function moveExport(dataDir: string, exportId: string, target: string): Promise<void> {
  const found = findExport(dataDir, exportId);
  if (!found) throw new Error(`export ${exportId} is no longer there`);
  try {
    await fs.promises.rename(found.path, target);
  } catch {
    await fs.promises.copyFile(found.path, target);
  }
  removeExport(dataDir, exportId);
}

/** Removes export files (and half-written ones) older than the TTL. */
export function sweepExports(dataDir: string, now = Date.now(), ttlMs = EXPORT_TTL_MS): number {
  const dir = exportsDir(dataDir);
  let removed = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > ttlMs) {
        fs.rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // removed meanwhile by a download or another process
    }
  }
  return removed;
}
