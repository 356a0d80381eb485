import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../api/errors.js';
import type { Command } from '../command.js';
import { optionalExportFormat, optionalString, UsageError } from '../command.js';
import { emitExport } from '../export-output.js';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  existingDatabase: true,
  usage: 'audit verify',
  summary: 'walk the audit hash chain; exit 1 and name the first broken entry if any',
  async run(_args, ctx) {
    const report = await ctx.call('audit.verify', {});
    if (ctx.json) ctx.io.stdout(JSON.stringify(report));
    else if (report.ok)
      ctx.io.stdout(
        `Audit chain intact: ${report.entries} entries${report.unchained ? ` (${report.unchained} from before the chain)` : ''}`,
      );
    else ctx.io.stderr(`Audit chain BROKEN at entry ${report.broken?.id}: ${report.broken?.reason}`);
    return report.ok ? 0 : 1;
  },
};

export const auditExportCommand: Command = {
  name: 'audit export',
  existingDatabase: true,
  usage:
    'audit export [--user U] [--operation OP] [--entity E] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|csv-excel|xlsx] [--out FILE]',
  summary: 'the audit trail, newest first (machine CSV unless --format says otherwise)',
  options: {
    user: { type: 'string' },
    operation: { type: 'string' },
    entity: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run({ values }, ctx) {
    const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : undefined);
    const file = await ctx.call('audit.exportCsv', {
      actor: text('user'),
      operation: text('operation'),
      entity: text('entity'),
      from: text('from'),
      to: text('to'),
      format: optionalExportFormat(values),
    });
    return emitExport(ctx, file, values.out);
  },
};

export const backupCommand: Command = {
  name: 'backup',
  existingDatabase: true,
  usage: 'backup [--out FILE]',
  summary: 'online backup of the database (into the backups folder, or FILE)',
  options: { out: { type: 'string' } },
  async run({ values }, ctx) {
    const result = await ctx.call('backup.create', { out: optionalString(values, 'out') });
    ctx.io.stdout(
      ctx.json
        ? JSON.stringify({ file: result.file, size: result.size })
        : `Backup written: ${result.file} (${result.size} bytes)`,
    );
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE',
  summary: 'replace the database with a checked backup; the current one is kept aside (stop the app first)',
  positionals: true,
  async run({ positionals }, ctx) {
    if (positionals.length !== 1) throw new UsageError('restore needs exactly one backup FILE');
    if (ctx.actor.role !== 'admin') throw ApiError.problem('FORBIDDEN', 'restore.adminOnly', { role: ctx.actor.role });
    // Opened to log in (--as) and to finish any earlier restore; the file is about to be replaced. A new machine may have none yet.
    if (fs.existsSync(ctx.dbFile)) ctx.backend().close();
    // Loaded here, not at the top: `pendopo --help` must not load the whole backend.
    const [{ restoreDatabase }, { startBackend }] = await Promise.all([
      import('../../features/backup/restore.js'),
      import('../../api/host.js'),
    ]);
    const source = path.resolve(positionals[0]);
    const { keptAside } = restoreDatabase(ctx.dbFile, source, { actor: ctx.actor.username });
    // Opening the restored database records the restore in its own audit trail, chained after its last entry.
    startBackend({ dbFile: ctx.dbFile }).close();
    ctx.io.stdout(
      ctx.json
        ? JSON.stringify({ restored: source, keptAside })
        : `Restored ${source}${keptAside ? `; the previous database is kept as ${keptAside}` : ''}`,
    );
    return 0;
  },
};

const ANCHOR_PROBLEMS = {
  missing: 'the audit trail no longer reaches this entry: its newest entries were cut off',
  different: 'the audit trail holds a different entry there: it was rewritten',
  unreadable: 'the backup cannot be read',
} as const;

export const checkCommand: Command = {
  name: 'check',
  existingDatabase: true,
  usage: 'check [--head ID:HASH]...',
  summary:
    "SQLite integrity, the audit chain (also against every backup's head and heads from daily reports), and the stored files' SHA-256; exit 1 on any problem",
  options: { head: { type: 'string', multiple: true } },
  async run({ values }, ctx) {
    const report = await ctx.call('backup.check', { heads: (values.head as string[] | undefined) ?? [] });
    if (ctx.json) {
      ctx.io.stdout(JSON.stringify(report));
    } else {
      ctx.io.stdout(`Database integrity: ${report.integrity.join('; ')}`);
      ctx.io.stdout(
        report.audit.ok
          ? `Audit chain: intact (${report.audit.entries} entries)`
          : `Audit chain: BROKEN at entry ${report.audit.broken?.id}: ${report.audit.broken?.reason}`,
      );
      ctx.io.stdout(`Stored files: ${report.files.checked} checked, ${report.files.problems.length} problems`);
      for (const p of report.files.problems) ctx.io.stdout(`  ${p.path}: ${p.problem}`);
      ctx.io.stdout(
        `Audit chain heads (backups, daily reports): ${report.anchors.checked} checked, ${report.anchors.problems.length} problems`,
      );
      for (const p of report.anchors.problems)
        ctx.io.stdout(`  ${p.source}${p.head ? ` (head ${p.head})` : ''}: ${ANCHOR_PROBLEMS[p.problem]}`);
    }
    return report.ok ? 0 : 1;
  },
};
