import fs from 'node:fs';
import path from 'node:path';
import { findExport, moveExport, removeExport } from '../files/export-store.js';
import type { ExportHandle } from '../files/exported-file.js';
import type { CliContext } from './command.js';

/**
 * The CLI's side of an export the operation wrote under the data folder: moved to --out (or, for a
 * document, to its own name in the current folder), or a CSV streamed to stdout. Nothing is left
 * behind in the data folder either way.
 */
export async function emitExport(ctx: CliContext, handle: ExportHandle, out: unknown): Promise<number> {
  const dataDir = ctx.backend().dataDir;
  if ((typeof out === 'string' && out) || !handle.mimeType.startsWith('text/')) {
    const target = path.resolve(typeof out === 'string' && out ? out : handle.fileName);
    await moveExport(dataDir, handle.exportId, target);
    ctx.io.stderr(`Wrote ${target}`);
    return 0;
  }
  const found = findExport(dataDir, handle.exportId);
  if (!found) throw new Error(`export ${handle.exportId} is no longer there`);
  try {
    if (ctx.io.write) {
      for await (const chunk of fs.createReadStream(found.path)) await ctx.io.write(chunk as Buffer);
    } else {
      ctx.io.stdout(fs.readFileSync(found.path, 'utf8').replace(/\n$/, ''));
    }
  } finally {
    removeExport(dataDir, handle.exportId);
  }
  return 0;
}
