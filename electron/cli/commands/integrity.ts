import type { Command } from '../command.js';
import { exportFormat, optionalString, requireString, UsageError } from '../command.js';
import { emitExport } from '../export-output.js';
import { importCommand } from '../import-command.js';

/** NIPs from repeated --nip flags, extra words after them, or comma-separated lists. */
function nipsFrom(values: Record<string, unknown>, positionals: string[]): string[] {
  const flags = Array.isArray(values.nip) ? (values.nip as string[]) : [];
  const nips = [...flags, ...positionals].flatMap((v) => v.split(/[,\s]+/)).filter(Boolean);
  if (!nips.length) throw new UsageError('--nip is required (one or more)');
  return nips;
}

function optionalId(values: Record<string, unknown>, key: string): number | undefined {
  if (values[key] === undefined) return undefined;
  const n = Number(values[key]);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${key} must be a positive whole number`);
  return n;
}

export const importOpdCommand = importCommand({
  name: 'import opd',
  usage: 'import opd FILE',
  summary: 'import the OPD register (CSV or XLSX); nothing changes if any row is wrong',
  op: 'integrity.opd.import',
  describe: (out) => [
    `OPD: ${out.rows} rows — ${out.added} added, ${out.updated} updated, ${out.unchanged} unchanged${out.notInFile.length ? `; not in the file (kept): ${out.notInFile.join(', ')}` : ''}`,
  ],
});

export const importPegawaiCommand = importCommand({
  name: 'import pegawai',
  usage: 'import pegawai FILE [--date YYYY-MM-DD]',
  summary: 'import the BKD employee list; transfers recorded, leavers reported',
  op: 'integrity.pegawai.import',
  options: { date: { type: 'string' } },
  input: (values) => ({ date: optionalString(values, 'date') }),
  describe: (out) => [
    `Pegawai: ${out.rows} rows — ${out.added} added, ${out.updated} updated (${out.transferred} transferred), ${out.unchanged} unchanged, ${out.left.length} left`,
    ...out.left.map((e) => `  left: ${e.nama} ${e.nipMasked} (${e.opdKode})`),
  ],
});

export const pactSignCommand: Command = {
  name: 'pact sign',
  usage: 'pact sign --opd CODE --nip NIP... [--date YYYY-MM-DD] [--event ID]',
  summary: 'record signed integrity pacts of employees of one OPD',
  positionals: true,
  options: {
    opd: { type: 'string' },
    nip: { type: 'string', multiple: true },
    date: { type: 'string' },
    event: { type: 'string' },
  },
  async run({ values, positionals }, ctx) {
    const out = await ctx.call('integrity.pact.sign', {
      opd: requireString(values, 'opd'),
      nips: nipsFrom(values, positionals),
      signedAt: optionalString(values, 'date'),
      eventId: optionalId(values, 'event'),
    });
    ctx.io.stdout(
      ctx.json ? JSON.stringify(out) : `${out.opd}: ${out.signed} signed, ${out.alreadySigned} already signed`,
    );
    return 0;
  },
};

export const exportPactsCommand: Command = {
  name: 'export pacts',
  usage: 'export pacts [--opd CODE] --format csv|csv-excel|xlsx [--out FILE]',
  summary: 'integrity pact status per employee (NIP masked)',
  options: { opd: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    const file = await ctx.call('integrity.export.pacts', {
      opd: optionalString(values, 'opd'),
      format: exportFormat(values),
    });
    return emitExport(ctx, file, values.out);
  },
};

export const exportIntegrityCommand: Command = {
  name: 'export integrity',
  usage: 'export integrity --format csv|csv-excel|xlsx [--out FILE]',
  summary: 'Zona Integritas overview, one row per OPD',
  options: { format: { type: 'string' }, out: { type: 'string' } },
  async run({ values }, ctx) {
    return emitExport(ctx, await ctx.call('integrity.export.integrity', { format: exportFormat(values) }), values.out);
  },
};

export const asnSpOnlineCommand: Command = {
  name: 'asn sp-online',
  usage: 'asn sp-online --nip NIP... [--date YYYY-MM-DD] [--undo]',
  summary: 'mark ASN who completed SP Online (or unmark with --undo)',
  positionals: true,
  options: { nip: { type: 'string', multiple: true }, date: { type: 'string' }, undo: { type: 'boolean' } },
  async run({ values, positionals }, ctx) {
    const out = await ctx.call('integrity.asn.spOnline.mark', {
      nips: nipsFrom(values, positionals),
      date: optionalString(values, 'date'),
      done: values.undo !== true,
    });
    ctx.io.stdout(
      ctx.json ? JSON.stringify(out) : `${out.changed} ${out.done ? 'marked' : 'unmarked'}, ${out.unchanged} unchanged`,
    );
    return 0;
  },
};

export const integrityCommands = [
  importOpdCommand,
  importPegawaiCommand,
  pactSignCommand,
  exportPactsCommand,
  exportIntegrityCommand,
  asnSpOnlineCommand,
];
