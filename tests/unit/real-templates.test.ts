// The import templates as a clerk hands them back: each written by Pendopo, opened in LibreOffice,
// one row typed in and saved again as .xlsx and as CSV (tests/fixtures/real/make.sh templates).
// The files are committed: a template whose columns changed since they were made fails here until
// make.sh is run again.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTableFile } from '../../electron/files/table-file.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { callByName, TEMPLATES } from '../support/import-templates.js';
import { seedRegisters } from '../support/integrity.js';
import { REPO } from '../support/office-process.js';

const RESAVED = path.join(REPO, 'tests', 'fixtures', 'real', 'templates');

let backend: TestBackend;
beforeAll(async () => {
  backend = await bloraBackend();
  await seedRegisters(backend, 1, 1); // the OPD the employee row names
});
afterAll(() => backend.close());

describe('import templates saved again by LibreOffice', () => {
  for (const template of TEMPLATES) {
    for (const ext of ['xlsx', 'csv']) {
      const name = `${template.feature}-${template.table}.${ext}`;
      it(`${name}: the header is today's template's and the typed row imports with its codes intact`, async () => {
        const columns = (await callByName(backend, `${template.feature}.importColumns`, {}))[template.table] as {
          name: string;
        }[];
        const file = path.join(backend.dir, name);
        fs.copyFileSync(path.join(RESAVED, name), file);
        const read = await parseTableFile(file);
        expect(read.headers).toEqual(columns.map((c) => c.name));
        expect(read.rows.map((r) => columns.map((c) => r.values[c.name]))).toEqual([template.row]);
        expect(await callByName(backend, template.importer, { file: { path: file } })).toMatchObject({ rows: 1 });
      });
    }
  }
});
