import fs from 'node:fs';
import path from 'node:path';
import type { OpContext } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import { fileName, resolveFileSource, type FileSource } from '../../files/file-source.js';
import { backupsDir, checkDatabaseFile, stamp } from './service.js';

export const UPLOAD_PREFIX = 'pendopo-upload-';

/** Refuses a file that is not a sound Pendopo backup (the checks of `pendopo restore`), naming it as the user knows it. */
function refuseUnlessSound(file: string, shownAs: string): void {
  const check = checkDatabaseFile(file);
  if (!check.ok) throw ApiError.problem('REJECTED', check.problem!.key, { ...check.problem!.params, file: shownAs });
}

/** A free name in the backups folder for an uploaded backup. */
function uploadTarget(dataDir: string): string {
  const base = path.join(backupsDir(dataDir), `${UPLOAD_PREFIX}${stamp()}`);
  let target = `${base}.db`;
  for (let n = 2; fs.existsSync(target); n++) target = `${base}-${n}.db`;
  return target;
}

/**
 * The backup a restore from the UI names, checked: one from the backups folder, or a file the
 * window sent, which is kept in the backups folder (so it shows in the list) once it checks out.
 */
export function checkedRestoreSource(
  input: { name: string } | { file: FileSource },
  ctx: Pick<OpContext, 'dataDir' | 'trusted'>,
): { file: string; backup: string } {
  if ('name' in input) {
    const file = path.join(backupsDir(ctx.dataDir), input.name);
    refuseUnlessSound(file, input.name);
    return { file, backup: input.name };
  }
  const upload = resolveFileSource(input.file, ctx);
  try {
    refuseUnlessSound(upload.path, fileName(input.file));
    const kept = uploadTarget(ctx.dataDir);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(upload.path, kept);
    return { file: kept, backup: fileName(input.file) };
  } finally {
    upload.cleanup();
    // Checking a backup taken from a WAL database opens it in WAL mode, which leaves these beside it.
    for (const suffix of ['-wal', '-shm']) fs.rmSync(upload.path + suffix, { force: true });
  }
}
