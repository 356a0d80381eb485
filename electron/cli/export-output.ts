import type { ExportedFile } from '../files/exported-file.js';
import { writeExportedFile } from '../files/exported-file.js';
import type { CliContext } from './command.js';

/** Writes an export to --out (or prints CSV to stdout when no --out is given). */
export function emitExport(ctx: CliContext, file: ExportedFile, out: unknown): number {
  if (typeof out === 'string' && out) {
    const written = writeExportedFile(file, out);
    ctx.io.stderr(`Wrote ${written}`);
  } else if (file.mimeType.startsWith('text/')) {
    ctx.io.stdout(Buffer.from(file.base64, 'base64').toString('utf8').replace(/\n$/, ''));
  } else {
    const written = writeExportedFile(file);
    ctx.io.stderr(`Wrote ${written}`);
  }
  return 0;
}
