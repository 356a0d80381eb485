import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../electron/files/table-columns.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { exportBytes } from '../support/exports.js';
import { seedRegisters } from '../support/integrity.js';

let backend: TestBackend;
beforeAll(async () => {
  backend = await bloraBackend();
  // Employees are refused before an OPD register exists; the header check comes after.
  await seedRegisters(backend, 1, 1);
});
afterAll(() => backend.close());

/** Each template, and the import its file is for. */
const TEMPLATES = [
  { feature: 'census', table: 'sls', importer: 'census.sls.import' },
  { feature: 'census', table: 'officers', importer: 'census.officers.import' },
  { feature: 'integrity', table: 'opd', importer: 'integrity.opd.import' },
  { feature: 'integrity', table: 'employees', importer: 'integrity.pegawai.import' },
  { feature: 'participation', table: 'spOnline', importer: 'participation.import' },
  { feature: 'participation', table: 'baseline', importer: 'participation.importBaseline' },
] as const;

// biome-ignore lint/suspicious/noExplicitAny: the operation names are built from the feature
const call = (name: string, input: unknown) => backend.call(name as any, input as any) as Promise<any>;

async function template(feature: string, table: string, format: string): Promise<string> {
  const handle = await call(`${feature}.importTemplate`, { table, format });
  const file = path.join(backend.dir, handle.fileName);
  fs.writeFileSync(file, exportBytes(backend, handle));
  return file;
}

describe('import templates', () => {
  for (const { feature, table, importer } of TEMPLATES) {
    it(`${feature} ${table}: the listed columns are the template's header, which ${importer} accepts in every format`, async () => {
      const columns = (await call(`${feature}.importColumns`, {}))[table] as { name: string; optional: boolean }[];
      expect(columns.length).toBeGreaterThan(1);
      for (const format of EXPORT_FORMATS) {
        const file = await template(feature, table, format);
        if (format !== 'xlsx') {
          const header = fs
            .readFileSync(file, 'utf8')
            .replace(/^\uFEFF/, '')
            .split(/\r?\n/)[0];
          expect(header.split(format === 'csv' ? ',' : ';')).toEqual(columns.map((c) => c.name));
        }
        // The header is accepted: the only refusal is that no row is filled in yet.
        const error = await call(importer, { file: { path: file } }).catch((e) => e);
        expect(error).toMatchObject({ code: 'REJECTED' });
        expect(error.issues.map((i: { key?: string }) => i.key)).toEqual(['files.noRows']);
      }
    });
  }

  it('a filled-in SLS template imports', async () => {
    const file = await template('census', 'sls', 'csv');
    fs.appendFileSync(file, '3316012001000100,33.16.01.2001,RT 001 RW 001,44\n');
    expect(await call('census.sls.import', { file: { path: file } })).toMatchObject({ rows: 1, added: 1 });
  });
});
