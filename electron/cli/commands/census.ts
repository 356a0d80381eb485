import { formatNumber, formatPercent } from '../../../common/format.js';
import type { Command, CliContext } from '../command.js';
import { exportFormat, optionalString, requireString, UsageError } from '../command.js';
import { emitExport } from '../export-output.js';
import { importCommand } from '../import-command.js';

function print(ctx: CliContext, value: unknown, text: string): void {
  ctx.io.stdout(ctx.json ? JSON.stringify(value) : text);
}

export const importSlsCommand = importCommand({
  name: 'import sls',
  usage: 'import sls FILE',
  summary: 'import the SLS master (CSV or XLSX, office-files.md §1), whole or nothing',
  op: 'census.sls.import',
  describe: (r) => [
    `${r.file}: ${formatNumber(r.rows)} SLS — ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged, ${r.removed} removed`,
    ...r.vanished.map(
      (v) =>
        `  kept, no longer in the master: ${v.slsId} ${v.nama} (${v.assignments} assignments, ${v.households} households)`,
    ),
  ],
});

export const importOfficersCommand = importCommand({
  name: 'import officers',
  usage: 'import officers FILE',
  summary: 'import the field officer list (CSV or XLSX, office-files.md §6), whole or nothing',
  op: 'census.officers.import',
  describe: (r) => [
    `${r.file}: ${r.rows} officers (${r.byRole.KOSEKA} Koseka, ${r.byRole.PML} PML, ${r.byRole.PPL} PPL) — ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged`,
  ],
});

export const assignCommand: Command = {
  name: 'assign',
  usage: 'assign SLS_ID... --to OFFICER_CODE [--reason TEXT]',
  summary: 'give SLS to a PPL; an SLS another PPL holds has that assignment ended (history kept) and needs --reason',
  positionals: true,
  options: { to: { type: 'string' }, reason: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    if (!positionals.length) throw new UsageError('name at least one SLS_ID');
    const reason = optionalString(values, 'reason');
    const r = await ctx.call('census.assignments.assign', {
      slsIds: positionals,
      officer: requireString(values, 'to'),
      reason,
    });
    const lines = [`${r.officer}: ${r.assigned} assigned, ${r.moved} moved from another PPL, ${r.unchanged} unchanged`];
    if (r.crossKecamatan.length)
      lines.push(
        `Warning: ${r.crossKecamatan.length} SLS lie outside ${r.officer}'s home kecamatan: ${r.crossKecamatan.join(', ')}`,
      );
    print(ctx, r, lines.join('\n'));
    return 0;
  },
};

export const assignAutoCommand: Command = {
  name: 'assign auto',
  usage: 'assign auto --kecamatan CODE [--apply [--accept-out-of-bounds]]',
  summary:
    "propose balanced assignments of a kecamatan's SLS to its active PPL; apply only with --apply (and, when a PPL stays outside ±15% of the mean, --accept-out-of-bounds)",
  options: { kecamatan: { type: 'string' }, apply: { type: 'boolean' }, 'accept-out-of-bounds': { type: 'boolean' } },
  async run({ values }, ctx) {
    const kecamatan = requireString(values, 'kecamatan');
    const p = await ctx.call('census.assignments.propose', { kecamatan });
    const applied =
      values.apply === true
        ? await ctx.call('census.assignments.applyBalance', {
            kecamatan,
            items: p.items.map(({ slsId, officerCode }) => ({ slsId, officerCode })),
            confirmOutOfBounds: values['accept-out-of-bounds'] === true,
          })
        : null;
    if (ctx.json) {
      const { items: _items, ...rest } = p;
      ctx.io.stdout(JSON.stringify({ ...rest, applied }));
      return 0;
    }
    const lines = [
      `Kecamatan ${p.kecamatan.nama} (${p.kecamatan.kode}): ${formatNumber(p.items.length)} SLS, ${formatNumber(p.totalKk)} KK over ${p.officers.length} PPL`,
      `${'PPL'.padEnd(16)} ${'SLS'.padStart(5)} ${'KK'.padStart(7)} ${'deviasi'.padStart(8)}  desa`,
      ...p.officers.map(
        (o) =>
          `${o.kode.padEnd(16)} ${String(o.sls).padStart(5)} ${formatNumber(o.kk).padStart(7)} ${formatPercent(o.deviation * 100).padStart(8)}  ${o.desa.join(', ')}`,
      ),
      `Mean load ${formatNumber(Math.round(p.meanKk))} KK (target ${p.targetLoadKk}); max deviation from the mean ${formatPercent(p.maxDeviation * 100)} (${p.withinTolerance ? 'within' : 'NOT within'} ±${p.tolerance * 100}%)`,
      `${p.changes} SLS would change PPL`,
      ...p.notes.map((n) => `Note: ${n}`),
      applied
        ? `Applied: ${applied.assigned} assigned, ${applied.moved} moved, ${applied.unchanged} unchanged`
        : 'Preview only: run again with --apply to make these assignments',
    ];
    ctx.io.stdout(lines.join('\n'));
    return 0;
  },
};

export const exportAssignmentsCommand: Command = {
  name: 'export assignments',
  usage: 'export assignments [--kecamatan CODE] --format csv|csv-excel|xlsx [--out FILE]',
  summary: 'one row per SLS in scope with its PPL, PML and Koseka (CSV: codes; XLSX: one sheet per kecamatan)',
  options: { kecamatan: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    const file = await ctx.call('census.assignments.export', {
      kecamatan: optionalString(values, 'kecamatan'),
      format: exportFormat(values),
    });
    return emitExport(ctx, file, values.out);
  },
};

export const censusCommands = [
  importSlsCommand,
  importOfficersCommand,
  assignAutoCommand,
  assignCommand,
  exportAssignmentsCommand,
];
