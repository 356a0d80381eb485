import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { op } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import { exportExistingFile } from '../../files/export-store.js';
import { MIME } from '../../files/exported-file.js';
import { checkStoredFiles } from '../../files/stored-files.js';
import { verifyAuditChain } from '../audit/verify.js';
import { backupDatabase, backupsDir, listBackups, newBackupPath } from './service.js';

const backupName = z.string().regex(/^[A-Za-z0-9._-]{1,120}\.db$/, 'a backup file name from the list');

export const backupOps = {
  'backup.list': op({
    input: z.object({}),
    writes: false,
    roles: ['admin'],
    run: (_input, { dataDir }) => listBackups(dataDir),
  }),
  /** A manual backup: into the backups folder, or (CLI only) to a chosen file. */
  'backup.create': op({
    input: z.object({ out: z.string().min(1).optional() }),
    writes: true,
    roles: ['admin'],
    prepare: async ({ out }, { db, dataDir, trusted }) => {
      if (out && !trusted) throw new ApiError('FORBIDDEN', 'Only the command line may name a backup file; download it instead');
      return backupDatabase(db.$client, out ?? newBackupPath(dataDir, 'manual'));
    },
    run: (_input, _ctx, written) => ({ ...written, name: path.basename(written.file) }),
    audit: (_input, out) => ({ entity: 'backup', entityId: out.name, summary: `backup written (${out.size} bytes)` }),
  }),
  /** One backup, copied out as an export for the window to save where the user chooses. */
  'backup.download': op({
    input: z.object({ name: backupName }),
    writes: false,
    roles: ['admin'],
    prepare: ({ name }, { dataDir }) => {
      const file = path.join(backupsDir(dataDir), name);
      if (!fs.existsSync(file)) throw new ApiError('NOT_FOUND', `No backup named ${name}`);
      return exportExistingFile(dataDir, file, name, MIME.sqlite);
    },
    run: (_input, _ctx, file) => file,
  }),
  /** What `pendopo check` reports: SQLite integrity, the audit chain, and the stored files' hashes. */
  'backup.check': op({
    input: z.object({}),
    writes: false,
    roles: ['admin'],
    run: (_input, { db, dataDir }) => {
      const integrity = (db.$client.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
      const audit = verifyAuditChain(db);
      const files = checkStoredFiles(db, dataDir);
      return { ok: integrity.join() === 'ok' && audit.ok && files.problems.length === 0, integrity, audit, files };
    },
  }),
};
