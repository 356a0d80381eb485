import type { Command } from '../command.js';
import { optionalExportFormat, optionalString, UsageError } from '../command.js';
import { emitExport } from '../export-output.js';

function describeError(e: { line: number | null; field: string | null; message: string }): string {
  return [e.line != null ? `line ${e.line}` : null, e.field, e.message].filter(Boolean).join(': ');
}

/** Packages in flight at once: the one being written and the ones the parser thread reads meanwhile. */
const READ_AHEAD = 8;

export const importSyncCommand: Command = {
  name: 'import sync',
  usage: 'import sync FILE... [--json]',
  summary: 'import field sync packages (.spsync); exit 1 if any was rejected',
  positionals: true,
  async run({ positionals }, ctx) {
    if (!positionals.length) throw new UsageError('import sync: name at least one package file');
    let rejected = false;
    // The next packages are read (in the parser thread) while the current one is written; they are
    // still applied and reported in the order given.
    const started = new Map<number, Promise<Awaited<ReturnType<typeof importOne>>>>();
    const importOne = (i: number) => ctx.call('sync.import', { file: { path: positionals[i] } });
    const start = (i: number) => {
      if (i >= positionals.length || started.has(i)) return;
      const call = importOne(i);
      call.catch(() => {}); // awaited below, in order
      started.set(i, call);
    };
    for (const [i, file] of positionals.entries()) {
      for (let ahead = 0; ahead < READ_AHEAD; ahead++) start(i + ahead);
      const result = await started.get(i)!;
      started.delete(i);
      rejected ||= result.status === 'rejected';
      const errors = result.errors.map((e) => ({ line: e.line, field: e.field, message: e.message }));
      if (ctx.json) {
        ctx.io.stdout(
          JSON.stringify({ file, package_id: result.package_id, status: result.status, counts: result.counts, errors }),
        );
      } else {
        const c = result.counts;
        const detail =
          result.status === 'imported'
            ? `${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.stale} stale, ${c.conflict} conflict, ${c.flagged} flagged`
            : result.status === 'duplicate'
              ? 'already imported, nothing changed'
              : `${result.errorCount} problem(s), nothing was imported`;
        ctx.io.stdout(`${file}: ${result.status}: ${detail}`);
        for (const e of errors) ctx.io.stdout(`  ${describeError(e)}`);
      }
    }
    return rejected ? 1 : 0;
  },
};

export const exportHouseholdsCommand: Command = {
  name: 'export households',
  usage: 'export households [--sls SLS_ID] [--format csv|csv-excel|xlsx] [--out FILE]',
  summary: 'export the current record of every household (or of one SLS)',
  options: { format: { type: 'string' }, out: { type: 'string' }, sls: { type: 'string' } },
  async run({ values }, ctx) {
    const file = await ctx.call('sync.exportHouseholds', {
      format: optionalExportFormat(values),
      slsId: optionalString(values, 'sls'),
    });
    return emitExport(ctx, file, values.out);
  },
};
