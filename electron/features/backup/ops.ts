// Raw SQL: backups work on the SQLite file itself (online backup, integrity_check, chain head).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { audited } from '../../../common/audit-texts/index.js';
import { op } from '../../api/define.js';
import { ApiError } from '../../api/errors.js';
import { exportExistingFile } from '../../files/export-store.js';
import { MIME } from '../../files/exported-file.js';
import { checkStoredFiles } from '../../files/stored-files.js';
import { parseHead } from '../audit/head.js';
import { verifyAuditChain } from '../audit/verify.js';
import { checkAnchors } from './anchors.js';
import { fileSource } from '../../files/file-source.js';
import { checkedRestoreSource } from './restore-source.js';
import { backupDatabase, backupsDir, listBackups, newBackupPath } from './service.js';

/** An audit chain head as the daily report prints it: "ID:HASH" (at least 12 hex digits of the hash). */
const headText = z.string().superRefine((text, ctx) => {
  if (!parseHead(text))
    ctx.addIssue({ code: 'custom', message: 'expected ID:HASH', params: { problem: 'audit.badHead' } });
});

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
      if (out && !trusted) throw ApiError.problem('FORBIDDEN', 'backup.outOnlyCli');
      return backupDatabase(db.$client, out ?? newBackupPath(dataDir, 'manual'));
    },
    run: (_input, _ctx, written) => ({ ...written, name: path.basename(written.file) }),
    audit: (_input, out) => ({
      entity: 'backup',
      entityId: out.name,
      ...audited('backup.written', { size: out.size }),
    }),
  }),
  /** One backup, copied out as an export for the window to save where the user chooses. */
  'backup.download': op({
    input: z.object({ name: backupName }),
    writes: false,
    roles: ['admin'],
    prepare: ({ name }, { dataDir }) => {
      const file = path.join(backupsDir(dataDir), name);
      if (!fs.existsSync(file)) throw ApiError.problem('NOT_FOUND', 'backup.unknown', { name });
      return exportExistingFile(dataDir, file, name, MIME.sqlite);
    },
    run: (_input, _ctx, file) => file,
  }),
  /**
   * Restores a backup from the list, or an uploaded one, while the app runs (the admin's
   * `pendopo restore`): this checks it as the CLI does and names its file; the database threads then close the database, restore
   * it (the current one kept aside) and reopen it, and every session ends (electron/backend/threads.ts).
   */
  'backup.restore': op({
    input: z.union([z.object({ name: backupName }), z.object({ file: fileSource })]),
    writes: false,
    roles: ['admin'],
    replacesDatabase: true,
    prepare: async (input, ctx) => checkedRestoreSource(input, ctx),
    run: (_input, { actor }, { file, backup }) => ({
      /** The backup's name as the admin chose it (from the list, or the uploaded file's). */
      backup,
      file,
      restoredBy: actor.username,
      /** The previous database's copy (its file name beside the database), once restored. */
      keptAside: null as string | null,
    }),
  }),
  /**
   * What `pendopo check` reports: SQLite integrity, the audit chain, the stored files' hashes, and
   * whether the chain still reaches the head carried by every backup and by any head given (from a
   * printed daily report), which is how cutting off the newest entries shows.
   */
  'backup.check': op({
    input: z.object({ heads: z.array(headText).max(100).default([]) }),
    writes: false,
    roles: ['admin'],
    run: ({ heads }, { db, dataDir }) => {
      const integrity = (db.$client.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      const audit = verifyAuditChain(db);
      const files = checkStoredFiles(db, dataDir);
      const anchors = checkAnchors(
        db,
        dataDir,
        heads.map((h) => parseHead(h)!),
      );
      const ok = integrity.join() === 'ok' && audit.ok && files.problems.length === 0 && anchors.problems.length === 0;
      return { ok, integrity, audit, files, anchors };
    },
  }),
};
