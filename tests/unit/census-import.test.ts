import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toXlsx } from '../../electron/files/table-export.js';
import { normalisePhone } from '../../electron/features/census/rules.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { auditCount, importSamples, OFFICER_SAMPLE, SLS_SAMPLE, snapshot, writeFile } from '../support/census.js';

let backend: TestBackend;
afterEach(() => backend?.close());

const SLS_HEADER = 'sls_id;kode_desa;nama_sls;perkiraan_kk';
const GOOD_SLS = [
  '3316012001000100;33.16.01.2001;RT 001 RW 001;44',
  '3316012001000200;33.16.01.2001;RT 002 RW 001;78',
  '3316012002000100;33.16.01.2002;RT 001 RW 001;30',
];

describe('SLS master import (office-files.md §1)', () => {
  it('imports the sample master (; BOM CRLF) and re-importing changes nothing', async () => {
    backend = await bloraBackend();
    const first = await backend.call('census.sls.import', { file: { path: SLS_SAMPLE } });
    expect(first).toMatchObject({ rows: 5415, added: 5415, updated: 0, removed: 0, vanished: [] });
    const before = snapshot(backend, 'sls');
    const again = await backend.call('census.sls.import', { file: { path: SLS_SAMPLE } });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 5415, removed: 0 });
    expect(snapshot(backend, 'sls')).toEqual(before);
    const jati = (await backend.call('wilayah.kecamatan', {})).find((k) => k.kode === '33.16.01');
    expect(jati?.sls).toBe(210);
  });

  it('reads comma CSV and XLSX with columns in any order and any case', async () => {
    backend = await bloraBackend();
    const csv = writeFile(backend, 'comma.csv', [
      'NAMA_SLS,perkiraan_kk,extra,SLS_ID,kode_desa',
      'RT 001 RW 001,44,x,3316012001000100,33.16.01.2001',
    ]);
    expect(await backend.call('census.sls.import', { file: { path: csv } })).toMatchObject({ added: 1 });
    const rows = GOOD_SLS.map((l) => l.split(';'));
    const xlsx = await toXlsx([
      {
        name: 'sls',
        columns: ['sls_id', 'kode_desa', 'nama_sls', 'perkiraan_kk'].map((header, i) => ({
          header,
          value: (r: string[]) => r[i],
        })),
        rows,
      },
    ]);
    const file = path.join(backend.dir, 'sls.xlsx');
    fs.writeFileSync(file, xlsx);
    expect(await backend.call('census.sls.import', { file: { path: file } })).toMatchObject({
      rows: 3,
      added: 2,
      unchanged: 1,
    });
  });

  it('a re-import updates names and estimates, removes vanished SLS holding nothing and reports those that hold assignments', async () => {
    backend = await bloraBackend();
    await backend.call('census.sls.import', {
      file: { path: writeFile(backend, 'v1.csv', [SLS_HEADER, ...GOOD_SLS]) },
    });
    await backend.call('census.officers.import', {
      file: {
        path: writeFile(backend, 'o.csv', [
          'kode,nama,peran,kode_kecamatan,atasan',
          'K1,Koseka,KOSEKA,33.16.01,',
          'M1,Pml,PML,33.16.01,K1',
          'P1,Ppl,PPL,33.16.01,M1',
        ]),
      },
    });
    await backend.call('census.assignments.assign', { slsIds: ['3316012001000200'], officer: 'P1' });
    // Field data from a sync package (another feature writes these rows).
    backend.database.sqlite
      .prepare(
        "INSERT INTO households (household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, package_id) VALUES ('H1', '3316012002000100', 'complete', 3, 1, 2, '2020-09-30T10:00:00Z', 1, 'P1', 'pkg')",
      )
      .run();
    const result = await backend.call('census.sls.import', {
      file: {
        path: writeFile(backend, 'v2.csv', [
          SLS_HEADER,
          '3316012001000100;33.16.01.2001;RT 001 RW 009;50',
          '3316012001000300;33.16.01.2001;RT 003 RW 001;10',
        ]),
      },
    });
    expect(result).toMatchObject({
      added: 1,
      updated: 1,
      removed: 0,
      vanished: [
        { slsId: '3316012001000200', assignments: 1, households: 0 },
        { slsId: '3316012002000100', assignments: 0, households: 1 },
      ],
    });
    const sls = await backend.call('census.sls.list', {});
    expect(sls.map((s) => [s.slsId, s.nama, s.estimatedHouseholds, s.version])).toEqual([
      ['3316012001000100', 'RT 001 RW 009', 50, 2],
      ['3316012001000200', 'RT 002 RW 001', 78, 1],
      ['3316012001000300', 'RT 003 RW 001', 10, 1],
      ['3316012002000100', 'RT 001 RW 001', 30, 1],
    ]);
    // An SLS that holds nothing is removed when it leaves the master.
    const third = await backend.call('census.sls.import', {
      file: { path: writeFile(backend, 'v3.csv', [SLS_HEADER, '3316012001000100;33.16.01.2001;RT 001 RW 009;50']) },
    });
    expect(third).toMatchObject({
      removed: 1,
      vanished: [{ slsId: '3316012001000200' }, { slsId: '3316012002000100' }],
    });
  });

  const broken: [string, string[], { line: number | null; field: string | null }][] = [
    [
      'a required column is missing',
      ['sls_id;kode_desa;nama_sls', '3316012001000100;33.16.01.2001;RT 1'],
      { line: 1, field: 'perkiraan_kk' },
    ],
    ['sls_id is not 16 digits', [SLS_HEADER, '331601200100010;33.16.01.2001;RT 1;4'], { line: 3, field: 'sls_id' }],
    [
      'kode_desa is not a village code',
      [SLS_HEADER, '3316012001000100;3316012001;RT 1;4'],
      { line: 3, field: 'kode_desa' },
    ],
    [
      'kode_desa names no village',
      [SLS_HEADER, '3316012099000100;33.16.01.2099;RT 1;4'],
      { line: 3, field: 'kode_desa' },
    ],
    [
      "kode_desa lies outside the office's regency",
      [SLS_HEADER, '3317012001000100;33.17.01.2001;RT 1;4'],
      { line: 3, field: 'kode_desa' },
    ],
    [
      'sls_id does not start with the village digits',
      [SLS_HEADER, '3316012002000100;33.16.01.2001;RT 1;4'],
      { line: 3, field: 'sls_id' },
    ],
    ['nama_sls is empty', [SLS_HEADER, '3316012001000100;33.16.01.2001;;4'], { line: 3, field: 'nama_sls' }],
    [
      'nama_sls is longer than 100 characters',
      [SLS_HEADER, `3316012001000100;33.16.01.2001;${'x'.repeat(101)};4`],
      { line: 3, field: 'nama_sls' },
    ],
    [
      'perkiraan_kk is not a whole number',
      [SLS_HEADER, '3316012001000100;33.16.01.2001;RT 1;4,5'],
      { line: 3, field: 'perkiraan_kk' },
    ],
    [
      'perkiraan_kk is above 2000',
      [SLS_HEADER, '3316012001000100;33.16.01.2001;RT 1;2001'],
      { line: 3, field: 'perkiraan_kk' },
    ],
    [
      'an sls_id appears twice',
      [SLS_HEADER, '3316012001000100;33.16.01.2001;RT 1;4', '3316012001000100;33.16.01.2001;RT 1;4'],
      { line: 3, field: 'sls_id' },
    ],
    ['the file has no data rows', [SLS_HEADER], { line: null, field: null }],
  ];
  for (const [rule, lines, where] of broken) {
    it(`rejects a file where ${rule}, naming row and column, and changes nothing`, async () => {
      backend = await bloraBackend();
      await backend.call('census.sls.import', {
        file: { path: writeFile(backend, 'good.csv', [SLS_HEADER, ...GOOD_SLS]) },
      });
      const before = snapshot(backend, 'sls');
      const audits = auditCount(backend);
      // The broken row comes after good rows that would otherwise change things.
      const file = writeFile(
        backend,
        'bad.csv',
        [lines[0], '3316012001000100;33.16.01.2001;RT 001 RENAMED;99', ...lines.slice(1)].slice(
          0,
          lines.length === 1 ? 1 : undefined,
        ),
      );
      const error = await backend.call('census.sls.import', { file: { path: file } }).catch((e) => e);
      expect(error).toMatchObject({ code: 'REJECTED', message: expect.stringContaining('nothing was imported') });
      expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining(where)]));
      expect(snapshot(backend, 'sls')).toEqual(before);
      expect(auditCount(backend)).toBe(audits);
    });
  }
});

const OFFICER_HEADER = 'kode,nama,peran,kode_kecamatan,atasan,telepon';
const GOOD_OFFICERS = [
  'K1,Dewi,KOSEKA,33.16.01,,082516843796',
  'M1,Arif,PML,33.16.01,K1,6285094140823',
  'P1,Sri,PPL,33.16.01,M1,+6282968065573',
  'P2,Hadi,PPL,33.16.01,M1,',
];

describe('field officer list import (office-files.md §6)', () => {
  it('imports the sample list, normalises phones to +628…, and re-importing changes nothing', async () => {
    backend = await bloraBackend();
    await importSamples(backend);
    const officers = await backend.call('census.officers.list', {});
    expect(officers).toHaveLength(1161);
    expect(officers.filter((o) => o.telepon).every((o) => /^\+628\d{9,12}$/.test(o.telepon!))).toBe(true);
    const before = snapshot(backend, 'officers');
    const reimport = await backend.call('census.officers.import', { file: { path: OFFICER_SAMPLE } });
    expect(reimport).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 1161,
      byRole: { KOSEKA: 16, PML: 195, PPL: 950 },
    });
    expect(snapshot(backend, 'officers')).toEqual(before);
  });

  it('reads the officer list from an XLSX', async () => {
    backend = await bloraBackend();
    const header = OFFICER_HEADER.split(',');
    const rows = GOOD_OFFICERS.map((l) => l.split(','));
    const bytes = await toXlsx([
      {
        name: 'petugas',
        columns: header.map((h, i) => ({ header: h.toUpperCase(), value: (r: string[]) => r[i] })),
        rows,
      },
    ]);
    const file = path.join(backend.dir, 'petugas.xlsx');
    fs.writeFileSync(file, bytes);
    expect(await backend.call('census.officers.import', { file: { path: file } })).toMatchObject({
      added: 4,
      byRole: { KOSEKA: 1, PML: 1, PPL: 2 },
    });
    expect((await backend.call('census.officers.list', {})).find((o) => o.kode === 'K1')?.telepon).toBe(
      '+6282516843796',
    );
  });

  it('normalises the three ways of writing a mobile number', () => {
    expect(normalisePhone('081234567890')).toBe('+6281234567890');
    expect(normalisePhone('6281234567890')).toBe('+6281234567890');
    expect(normalisePhone('+62 812-3456-7890')).toBe('+6281234567890');
    expect(normalisePhone('0212345678')).toBeNull(); // a Jakarta landline
    expect(normalisePhone('08123')).toBeNull();
  });

  it('accepts a supervisor already registered, and updates changed officers on re-import', async () => {
    backend = await bloraBackend();
    await backend.call('census.officers.import', {
      file: { path: writeFile(backend, 'a.csv', [OFFICER_HEADER, ...GOOD_OFFICERS.slice(0, 2)]) },
    });
    const second = await backend.call('census.officers.import', {
      file: { path: writeFile(backend, 'b.csv', [OFFICER_HEADER, 'P1,Sri Rahayu,PPL,33.16.02,M1,081234567890']) },
    });
    expect(second).toMatchObject({ added: 1, updated: 0 });
    const third = await backend.call('census.officers.import', {
      file: { path: writeFile(backend, 'c.csv', [OFFICER_HEADER, 'P1,Sri Rahayu W,PPL,33.16.02,M1,081234567890']) },
    });
    expect(third).toMatchObject({ added: 0, updated: 1 });
    expect((await backend.call('census.officers.list', {})).find((o) => o.kode === 'P1')).toMatchObject({
      nama: 'Sri Rahayu W',
      telepon: '+6281234567890',
      kecamatanKode: '33.16.02',
      version: 2,
    });
  });

  const broken: [string, string[], { line: number; field: string }][] = [
    ['a required column is missing', ['kode,nama,kode_kecamatan', 'X1,Nama,33.16.01'], { line: 1, field: 'peran' }],
    ['kode has lower-case letters', [OFFICER_HEADER, 'p-9,Nama,PPL,33.16.01,M1,'], { line: 6, field: 'kode' }],
    ['nama is empty', [OFFICER_HEADER, 'P9,,PPL,33.16.01,M1,'], { line: 6, field: 'nama' }],
    ['peran is not PPL, PML or KOSEKA', [OFFICER_HEADER, 'P9,Nama,PCL,33.16.01,M1,'], { line: 6, field: 'peran' }],
    [
      'kode_kecamatan is not a kecamatan code',
      [OFFICER_HEADER, 'P9,Nama,PPL,33.16,M1,'],
      { line: 6, field: 'kode_kecamatan' },
    ],
    [
      "kode_kecamatan lies outside the office's regency",
      [OFFICER_HEADER, 'P9,Nama,PPL,33.17.01,M1,'],
      { line: 6, field: 'kode_kecamatan' },
    ],
    ['a KOSEKA names a supervisor', [OFFICER_HEADER, 'K9,Nama,KOSEKA,33.16.01,K1,'], { line: 6, field: 'atasan' }],
    ['a PPL has no supervisor', [OFFICER_HEADER, 'P9,Nama,PPL,33.16.01,,'], { line: 6, field: 'atasan' }],
    ["a PPL's supervisor is a KOSEKA", [OFFICER_HEADER, 'P9,Nama,PPL,33.16.01,K1,'], { line: 6, field: 'atasan' }],
    ['the supervisor is unknown', [OFFICER_HEADER, 'P9,Nama,PPL,33.16.01,M404,'], { line: 6, field: 'atasan' }],
    [
      'telepon is not a mobile number',
      [OFFICER_HEADER, 'P9,Nama,PPL,33.16.01,M1,0212345678'],
      { line: 6, field: 'telepon' },
    ],
    ['a kode appears twice', [OFFICER_HEADER, 'P2,Nama,PPL,33.16.01,M1,'], { line: 6, field: 'kode' }],
  ];
  for (const [rule, lines, where] of broken) {
    it(`rejects a list where ${rule}, naming row and column, and changes nothing`, async () => {
      backend = await bloraBackend();
      await backend.call('census.officers.import', {
        file: { path: writeFile(backend, 'good.csv', [OFFICER_HEADER, ...GOOD_OFFICERS]) },
      });
      const before = snapshot(backend, 'officers');
      const audits = auditCount(backend);
      // Rows 2–5 repeat the good list with a change, so a half-import would show.
      const changed = GOOD_OFFICERS.map((l) => l.replace('Sri', 'Sri Changed'));
      const body = lines[0] === OFFICER_HEADER ? [OFFICER_HEADER, ...changed, ...lines.slice(1)] : lines;
      const error = await backend
        .call('census.officers.import', { file: { path: writeFile(backend, 'bad.csv', body) } })
        .catch((e) => e);
      expect(error).toMatchObject({ code: 'REJECTED', message: expect.stringContaining('nothing was imported') });
      expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining(where)]));
      expect(snapshot(backend, 'officers')).toEqual(before);
      expect(auditCount(backend)).toBe(audits);
    });
  }

  it('refuses to turn a PPL who holds SLS into a PML, and changes nothing', async () => {
    backend = await bloraBackend();
    await backend.call('census.sls.import', { file: { path: writeFile(backend, 's.csv', [SLS_HEADER, ...GOOD_SLS]) } });
    await backend.call('census.officers.import', {
      file: { path: writeFile(backend, 'good.csv', [OFFICER_HEADER, ...GOOD_OFFICERS]) },
    });
    await backend.call('census.assignments.assign', { slsIds: ['3316012001000100'], officer: 'P1' });
    const before = snapshot(backend, 'officers');
    const error = await backend
      .call('census.officers.import', {
        file: { path: writeFile(backend, 'bad.csv', [OFFICER_HEADER, 'P1,Sri,PML,33.16.01,K1,']) },
      })
      .catch((e) => e);
    expect(error.issues).toEqual([
      expect.objectContaining({ line: 2, field: 'peran', message: expect.stringContaining('holds 1 SLS') }),
    ]);
    expect(snapshot(backend, 'officers')).toEqual(before);
  });
});
