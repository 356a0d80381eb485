import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../electron/files/table-columns.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { callByName, TEMPLATES, writeTemplate } from '../support/import-templates.js';
import { seedRegisters } from '../support/integrity.js';

let backend: TestBackend;
beforeAll(async () => {
  backend = await bloraBackend();
  // Employees are refused before an OPD register exists; the header check comes after.
  await seedRegisters(backend, 1, 1);
});
afterAll(() => backend.close());

const call = (name: string, input: unknown) => callByName(backend, name, input);
const template = (feature: string, table: string, format: string) =>
  writeTemplate(backend, TEMPLATES.find((t) => t.feature === feature && t.table === table)!, format, backend.dir);

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

  it('formats the code columns of the .xlsx as Text, so what a clerk types there keeps its digits', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template('integrity', 'employees', 'xlsx'));
    const sheet = workbook.worksheets[0];
    const formats = [1, 2, 3, 4, 5].map((i) => sheet.getColumn(i).numFmt ?? null);
    expect(formats).toEqual(['@', null, null, null, null]); // nip; nama, jabatan, unit_kerja, status
  });

  it('a filled-in SLS template imports', async () => {
    const file = await template('census', 'sls', 'csv');
    fs.appendFileSync(file, '3316012001000100,33.16.01.2001,RT 001 RW 001,44\n');
    expect(await call('census.sls.import', { file: { path: file } })).toMatchObject({ rows: 1, added: 1 });
  });
});
