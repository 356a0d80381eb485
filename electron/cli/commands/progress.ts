import type { Command } from '../command.js';
import { exportFormat, optionalString, requireOneOf } from '../command.js';
import { emitExport } from '../export-output.js';
import { importCommand } from '../import-command.js';

export const importSpOnlineCommand = importCommand({
  name: 'import sp-online',
  usage: 'import sp-online FILE',
  summary: 'import the SP Online daily participation per village (CSV or XLSX)',
  op: 'participation.import',
  describe: (result) => [
    `${result.file}: ${result.rows} rows (${result.dates.first} … ${result.dates.last}): ${result.added} added, ${result.replaced} replaced, ${result.unchanged} unchanged`,
    ...result.changes.map(
      (c) =>
        `  replaced ${c.tanggal} ${c.kodeDesa}: kk ${c.before.kkOnline} → ${c.after.kkOnline}, penduduk ${c.before.pendudukOnline} → ${c.after.pendudukOnline}`,
    ),
    ...(result.dropCount ? [`  ${result.dropCount} cumulative drops kept and flagged:`] : []),
    ...result.drops.map(
      (d) =>
        `  drop ${d.kodeDesa} ${d.tanggal}: kk ${d.previousKk} (${d.previousTanggal}) → ${d.kkOnline}, penduduk ${d.previousPenduduk} → ${d.pendudukOnline}`,
    ),
  ],
});

export const importBaselineCommand = importCommand({
  name: 'import baseline',
  usage: 'import baseline FILE',
  summary: 'import the population baseline (families and persons) per village',
  op: 'participation.importBaseline',
  describe: (result) => [
    `${result.file}: ${result.rows} villages: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged`,
    ...result.changes.map(
      (c) =>
        `  updated ${c.kodeDesa}: kk ${c.before.kk} → ${c.after.kk}, penduduk ${c.before.penduduk} → ${c.after.penduduk}`,
    ),
  ],
});

export const exportProgressCommand: Command = {
  name: 'export progress',
  usage: 'export progress --level sls|desa|kecamatan|ppl|pml|koseka --format csv|csv-excel|xlsx [--out FILE]',
  summary: 'field coverage per SLS, village, kecamatan or officer',
  options: { level: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    const level = requireOneOf(values, 'level', ['sls', 'desa', 'kecamatan', 'ppl', 'pml', 'koseka'] as const);
    return emitExport(ctx, await ctx.call('progress.export', { level, format: exportFormat(values) }), values.out);
  },
};

export const exportParticipationCommand: Command = {
  name: 'export participation',
  usage: 'export participation --level kecamatan|desa --format csv|csv-excel|xlsx [--date YYYY-MM-DD] [--out FILE]',
  summary: 'SP Online participation against baseline and target',
  options: { level: { type: 'string' }, format: { type: 'string' }, date: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    const level = requireOneOf(values, 'level', ['kecamatan', 'desa'] as const);
    return emitExport(
      ctx,
      await ctx.call('participation.export', {
        level,
        format: exportFormat(values),
        date: optionalString(values, 'date'),
      }),
      values.out,
    );
  },
};

export const progressCommands = [
  importSpOnlineCommand,
  importBaselineCommand,
  exportProgressCommand,
  exportParticipationCommand,
];
