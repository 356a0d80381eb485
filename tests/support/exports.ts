import fs from 'node:fs';
import { findExport } from '../../electron/files/export-store.js';
import type { ExportHandle } from '../../electron/files/exported-file.js';

/** The bytes of an export an operation wrote under the backend's data folder. */
export function exportBytes(backend: { dataDir: string }, handle: ExportHandle): Buffer {
  const found = findExport(backend.dataDir, handle.exportId);
  if (!found) throw new Error(`export ${handle.exportId} (${handle.fileName}) is not in ${backend.dataDir}`);
  return fs.readFileSync(found.path);
}

/** An export's text (CSVs), without a UTF-8 BOM. */
export function exportText(backend: { dataDir: string }, handle: ExportHandle): string {
  return exportBytes(backend, handle)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}
