import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { DownloadGrants } from '../files/download-grants.js';
import { findExport, removeExport } from '../files/export-store.js';

/** `GET /api/download/<export id>`: the browser's own download of a file an operation wrote. */
export const DOWNLOAD_PATH = /^\/api\/download\/([0-9a-f]{32})$/;

/** `attachment` with an ASCII fallback name and the real (UTF-8) name per RFC 6266 / 5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/**
 * Streams an export from disk to the session that was granted it, once, then removes it. Returns
 * false, having sent nothing, for anything else (another session, a second try, an expired or
 * unknown id): the caller answers 404 without saying which.
 */
export async function serveDownload(
  res: ServerResponse,
  options: { dataDir: string; grants: DownloadGrants; owner: string; exportId: string },
): Promise<boolean> {
  const { dataDir, grants, owner, exportId } = options;
  const found = grants.take(owner, exportId) ? findExport(dataDir, exportId) : null;
  if (!found) return false;
  res.writeHead(200, {
    'content-type': found.handle.mimeType,
    'content-length': String(fs.statSync(found.path).size),
    'content-disposition': contentDisposition(found.handle.fileName),
    'cache-control': 'no-store',
  });
  try {
    await pipeline(fs.createReadStream(found.path), res);
  } catch {
    // the browser went away mid-download; the file is removed all the same
  } finally {
    removeExport(dataDir, exportId);
  }
  return true;
}
