import fs from 'node:fs';
import path from 'node:path';
import type { TestBackend } from './backend.js';
import { exportBytes } from './exports.js';

/** Each import template (`<feature>.importTemplate { table }`), the import its file is for, and one row a clerk types into it. */
export const TEMPLATES = [
  {
    feature: 'census',
    table: 'sls',
    importer: 'census.sls.import',
    row: ['3316012001000100', '33.16.01.2001', 'RT 001 RW 001', '44'],
  },
  {
    feature: 'census',
    table: 'officers',
    importer: 'census.officers.import',
    row: ['KSK-3316-901', 'Sri Wahyuni', 'KOSEKA', '33.16.01', '', '081234567890'],
  },
  { feature: 'integrity', table: 'opd', importer: 'integrity.opd.import', row: ['OPD-90', 'Dinas Percobaan', 'dinas'] },
  {
    feature: 'integrity',
    table: 'employees',
    importer: 'integrity.pegawai.import',
    // The unit is the OPD that seedRegisters(backend, 1, 1) registers.
    row: ['199001012015031001', 'Budi Santoso', 'Staf', 'OPD-01', 'PNS'],
  },
  {
    feature: 'participation',
    table: 'spOnline',
    importer: 'participation.import',
    row: ['2020-02-15', '33.16.01.2001', '17', '58'],
  },
  {
    feature: 'participation',
    table: 'baseline',
    importer: 'participation.importBaseline',
    row: ['33.16.01.2001', '1200', '4100'],
  },
] as const;

export type Template = (typeof TEMPLATES)[number];

export const callByName = (backend: TestBackend, name: string, input: unknown) =>
  // biome-ignore lint/suspicious/noExplicitAny: the operation names are built from the feature
  backend.call(name as any, input as any) as Promise<any>;

/** Writes the template as the operation hands it out, into `dir`; returns the file. */
export async function writeTemplate(
  backend: TestBackend,
  template: Template,
  format: string,
  dir: string,
): Promise<string> {
  const handle = await callByName(backend, `${template.feature}.importTemplate`, { table: template.table, format });
  const file = path.join(dir, handle.fileName);
  fs.writeFileSync(file, exportBytes(backend, handle));
  return file;
}
