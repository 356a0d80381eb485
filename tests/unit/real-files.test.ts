// The corpus in tests/fixtures/real/ (made by LibreOffice, Info-ZIP, 7-Zip, jar and Python's zipfile;
// see make.sh): each file is accepted with every name, code and number as in its source, or refused
// with the problem named and the database unchanged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCliInProcess } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import type { ProblemKey } from '../../common/problems/index.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { REPO, tempDir } from '../support/office-process.js';
import { readZipMember } from '../support/sync-packages.js';
import { contentDump } from '../support/sync-state.js';

const REAL = path.join(REPO, 'tests', 'fixtures', 'real');
const office = (name: string) => path.join(REAL, 'office', name);

type Dataset = 'petugas' | 'sls' | 'pegawai' | 'opd' | 'baseline' | 'sp-online';

/** The clerk's data: source/NAME.csv (UTF-8, `;`, no field holds a `;` or a straight quote). */
function source(dataset: Dataset): string[][] {
  const text = fs.readFileSync(path.join(REAL, 'source', `${dataset}.csv`), 'utf8');
  expect(text).not.toContain('"');
  return text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(';'));
}

/** A phone as the officer list stores it (office-files.md §6), worked out here on its own. */
const storedPhone = (phone: string) =>
  phone === '' ? null : phone.startsWith('+') ? phone : phone.startsWith('0') ? `+62${phone.slice(1)}` : `+${phone}`;

/** What the database must hold after importing the dataset, straight from the source. */
function expected(dataset: Dataset): unknown[] {
  const opdKode = new Map(source('opd').map(([kode, nama]) => [nama, kode]));
  switch (dataset) {
    case 'petugas':
      return source(dataset)
        .map(([kode, nama, peran, kec, atasan, telepon]) => ({
          kode,
          nama,
          peran,
          kec,
          atasan: atasan || null,
          telepon: storedPhone(telepon),
        }))
        .sort((a, b) => (a.kode < b.kode ? -1 : 1));
    case 'sls':
      return source(dataset)
        .map(([id, desa, nama, kk]) => ({ id, desa, nama, kk: Number(kk) }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    case 'pegawai':
      return source(dataset).map(([nip, nama, jabatan, unit, status]) => ({
        nip: nip || null,
        nama,
        jabatan,
        opd: opdKode.get(unit) ?? unit,
        status,
      }));
    case 'opd':
      return source(dataset)
        .map(([kode, nama, jenis]) => ({ kode, nama, jenis }))
        .sort((a, b) => (a.kode < b.kode ? -1 : 1));
    case 'baseline':
      return source(dataset).map(([desa, kk, penduduk]) => ({ desa, kk: Number(kk), penduduk: Number(penduduk) }));
    case 'sp-online':
      return source(dataset).map(([tanggal, desa, kk, penduduk]) => ({
        tanggal,
        desa,
        kk: Number(kk),
        penduduk: Number(penduduk),
      }));
  }
}

const STORED: Record<Dataset, string> = {
  petugas:
    'SELECT kode, nama, peran, kecamatan_kode AS kec, atasan_kode AS atasan, telepon FROM officers ORDER BY kode',
  sls: 'SELECT sls_id AS id, desa_kode AS desa, nama, perkiraan_kk AS kk FROM sls ORDER BY sls_id',
  pegawai: 'SELECT nip, nama, jabatan, opd_kode AS opd, status FROM employees ORDER BY id',
  opd: 'SELECT kode, nama, jenis FROM opd ORDER BY kode',
  baseline: 'SELECT desa_kode AS desa, kk, penduduk FROM population_baseline ORDER BY rowid',
  'sp-online':
    'SELECT tanggal, desa_kode AS desa, kk_online AS kk, penduduk_online AS penduduk FROM sp_online_daily ORDER BY rowid',
};

const OPERATION = {
  petugas: 'census.officers.import',
  sls: 'census.sls.import',
  pegawai: 'integrity.pegawai.import',
  opd: 'integrity.opd.import',
  baseline: 'participation.importBaseline',
  'sp-online': 'participation.import',
} as const;

function importFile(backend: TestBackend, dataset: Dataset, file: string) {
  return backend.call(OPERATION[dataset], { file: { path: file } }) as Promise<{ notices: { key: string }[] }>;
}

/** A Blora office; the employee list needs the OPD register first. */
async function officeFor(dataset: Dataset): Promise<TestBackend> {
  const backend = await bloraBackend();
  if (dataset === 'pegawai') await importFile(backend, 'opd', path.join(REAL, 'source', 'opd.csv'));
  return backend;
}

const nonAscii = (dataset: Dataset) =>
  /[^\x00-\x7f]/.test(fs.readFileSync(path.join(REAL, 'source', `${dataset}.csv`), 'utf8'));

type Outcome = { accept: true; phonesRestored?: boolean } | { refuse: ProblemKey; column?: string };

const ACCEPT: Outcome = { accept: true };
const OFFICE_FILES: [string, Dataset, Outcome][] = [];
for (const dataset of ['petugas', 'sls', 'pegawai', 'opd', 'baseline', 'sp-online'] as const) {
  for (const variant of ['utf8.csv', 'win1252.csv', 'unicode.txt', 'codes-as-text.xlsx'])
    OFFICE_FILES.push([`${dataset}.${variant}`, dataset, ACCEPT]);
}
OFFICE_FILES.push(
  ['petugas.utf8-bom.csv', 'petugas', ACCEPT],
  ['pegawai.utf8-bom.csv', 'pegawai', ACCEPT],
  // Opened with every column Standard: phones become numbers and lose their 0 (put back), dates become date cells.
  ['petugas.codes-as-numbers.xlsx', 'petugas', { accept: true, phonesRestored: true }],
  ['petugas.resaved.csv', 'petugas', { accept: true, phonesRestored: true }],
  ['opd.codes-as-numbers.xlsx', 'opd', ACCEPT],
  ['opd.resaved.csv', 'opd', ACCEPT],
  ['baseline.codes-as-numbers.xlsx', 'baseline', ACCEPT],
  ['baseline.resaved.csv', 'baseline', ACCEPT],
  ['sp-online.codes-as-numbers.xlsx', 'sp-online', ACCEPT],
  ['sp-online.resaved.csv', 'sp-online', ACCEPT],
  // LibreOffice writes a 16-digit number in full in CSV: the ids there are intact.
  ['sls.resaved.csv', 'sls', ACCEPT],
  // In .xlsx a code that is a number cell may have lost digits: refused.
  ['sls.codes-as-numbers.xlsx', 'sls', { refuse: 'files.codeAsNumber', column: 'sls_id' }],
  ['pegawai.codes-as-numbers.xlsx', 'pegawai', { refuse: 'files.codeAsNumber', column: 'nip' }],
  ['pegawai.resaved.csv', 'pegawai', { refuse: 'files.codeAsNumber', column: 'nip' }],
  ['pegawai.nip-number.csv', 'pegawai', { refuse: 'integrity.nip.rounded', column: 'nip' }],
  ['petugas.excel97.xls', 'petugas', { refuse: 'files.format.xls' }],
  ['sls.opendocument.ods', 'sls', { refuse: 'files.format.ods' }],
  ['petugas.numbers', 'petugas', { refuse: 'files.format.numbers' }],
);

describe('real office files', () => {
  it('the corpus lists every file in tests/fixtures/real/office', () => {
    const listed = new Set([...OFFICE_FILES.map(([file]) => file), 'bomb.xlsx']);
    expect(fs.readdirSync(path.join(REAL, 'office')).sort()).toEqual([...listed].sort());
  });

  it.each(OFFICE_FILES)('%s', async (file, dataset, outcome) => {
    const backend = await officeFor(dataset);
    try {
      if ('accept' in outcome) {
        const result = await importFile(backend, dataset, office(file));
        expect(backend.database.sqlite.prepare(STORED[dataset]).all()).toEqual(expected(dataset));
        const notices = result.notices.map((n) => n.key);
        expect(notices.includes('files.readAsWindows1252')).toBe(file.includes('win1252') && nonAscii(dataset));
        expect(notices.includes('files.phoneZeroRestored')).toBe(outcome.phonesRestored === true);
        return;
      }
      // Refused over an office that already holds the data: nothing of it changes.
      await importFile(backend, dataset, path.join(REAL, 'source', `${dataset}.csv`));
      const before = contentDump(backend.database.db);
      const audit = backend.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get();
      const error = await importFile(backend, dataset, office(file)).catch((e) => e);
      expect(error).toMatchObject({ code: 'REJECTED' });
      const named =
        error.key === outcome.refuse ? error : error.issues?.find((i: { key: string }) => i.key === outcome.refuse);
      expect(named, `${error.key}: ${error.message}`).toBeTruthy();
      if (outcome.column) expect(named.field).toBe(outcome.column);
      expect(JSON.stringify(error)).not.toMatch(/\d{18}/); // no NIP in full, even a rounded one
      expect(contentDump(backend.database.db)).toBe(before);
      expect(backend.database.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
    } finally {
      backend.close();
    }
  });

  it('refuses the shared-strings bomb (879 KB inflating to 400 MB) in well under a second and under 100 MB', async () => {
    const backend = await bloraBackend();
    await importFile(backend, 'petugas', office('petugas.utf8.csv')); // the reader thread is running
    const before = contentDump(backend.database.db);
    const started = performance.now();
    const error = await importFile(backend, 'petugas', office('bomb.xlsx')).catch((e) => e);
    const ms = performance.now() - started;
    expect(error).toMatchObject({
      code: 'REJECTED',
      key: 'files.xlsx.ratio',
      params: { name: 'xl/sharedStrings.xml' },
    });
    expect(contentDump(backend.database.db)).toBe(before);
    backend.close();
    // Peak memory of a process that only reads the file, against one that reads a small CSV.
    const peak = (file: string) => {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(REPO, 'tests', 'support', 'read-table-peak.ts'), file],
        { cwd: REPO, encoding: 'utf8' },
      );
      return JSON.parse(run.stdout.trim().split('\n').pop()!) as { key: string | null; maxRssKb: number };
    };
    const bomb = peak(office('bomb.xlsx'));
    const small = peak(office('opd.utf8.csv'));
    console.log(
      `bomb refused in ${Math.round(ms)} ms; peak RSS ${Math.round(bomb.maxRssKb / 1024)} MB vs ${Math.round(small.maxRssKb / 1024)} MB reading a small CSV`,
    );
    expect(bomb.key).toBe('files.xlsx.ratio');
    expect(ms).toBeLessThan(1000);
    expect((bomb.maxRssKb - small.maxRssKb) / 1024).toBeLessThan(100);
  });
});

describe('real office files through the CLI', () => {
  it('prints how a file was read and what was put right, and exits 1 with what to do for a refused one', async () => {
    const db = path.join(tempDir(), 'pendopo.db');
    expect((await runCliInProcess(['--db', db, 'init', '--kabupaten', '33.16'])).code).toBe(0);
    const read = await runCliInProcess(['--db', db, 'import', 'officers', office('petugas.win1252.csv')]);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('note: The file was read as Windows-1252');
    const resaved = await runCliInProcess(['--db', db, '--json', 'import', 'officers', office('petugas.resaved.csv')]);
    expect(JSON.parse(resaved.stdout).notices.map((n: { key: string }) => n.key)).toEqual(['files.phoneZeroRestored']);
    const refused = await runCliInProcess(['--db', db, 'import', 'officers', office('petugas.excel97.xls')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('save it as .xlsx or CSV (UTF-8)');
  });
});

/** The sample package's households, as the tablets wrote them. */
async function sampleHouseholds(): Promise<unknown[]> {
  const file = path.join(REPO, 'tests', 'fixtures', 'samples', 'sync', 'PPL-3316-0001_20200930T180000.spsync');
  const text = await readZipMember(file, 'households.jsonl');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { household_id: string })
    .sort((a, b) => (a.household_id < b.household_id ? -1 : 1));
}

const SYNC_FILES: [string, ProblemKey | string | null][] = [
  ['info-zip.spsync', null],
  ['info-zip-stored.spsync', null],
  ['7z.spsync', null],
  ['jar.spsync', null],
  ['python-deflated.spsync', null],
  ['python-stored.spsync', null],
  ['jar-with-manifest.spsync', 'zip.folder'],
  ['info-zip-folder.spsync', 'zip.folder'],
  ['info-zip-encrypted.spsync', 'zip.encrypted'],
  ['7z-native.spsync', 'zip.notZip'],
  ['python-local-header.spsync', 'zip.localHeader'],
];

describe('real field sync packages', () => {
  it('the corpus lists every file in tests/fixtures/real/sync', () => {
    expect(fs.readdirSync(path.join(REAL, 'sync')).sort()).toEqual(SYNC_FILES.map(([f]) => f).sort());
  });

  it.each(SYNC_FILES)('%s', async (file, refused) => {
    const backend = await bloraBackend();
    try {
      await seedSampleSlsMaster(backend.database.db);
      const before = contentDump(backend.database.db);
      const result = await backend.call('sync.import', { file: { path: path.join(REAL, 'sync', file) } });
      if (refused === null) {
        expect(result).toMatchObject({ status: 'imported', counts: { new: 120 } });
        const stored = backend.database.sqlite
          .prepare(
            'SELECT household_id, sls_id, status, members, male, female, visited_at, revision FROM households ORDER BY household_id',
          )
          .all();
        expect(stored).toEqual(await sampleHouseholds());
      } else {
        expect(result.status).toBe('rejected');
        expect(result.errors.map((e) => e.code)).toContain(refused);
        expect(contentDump(backend.database.db)).toBe(before);
      }
    } finally {
      backend.close();
    }
  });
});
