import { describe, expect, it } from 'vitest';
import { maskNip, nipProblem } from '../../common/nip.js';
import { bloraBackend, testBackend, type TestBackend } from '../support/backend.js';
import { makeNip, seedRegisters, writeCsv } from '../support/integrity.js';

const HEADER = 'nip;nama;jabatan;unit_kerja;status';

async function rejection(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string; issues: { line: number; field: string; message: string }[] } | null;
  expect(error, 'the import should have been refused').not.toBeNull();
  expect(error!.code).toBe('REJECTED');
  return error!;
}

const count = (b: TestBackend, table: string) =>
  (b.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function withOpd() {
  const backend = await bloraBackend();
  await backend.call('integrity.opd.import', {
    file: {
      path: writeCsv(backend.dir, 'opd.csv', 'kode;nama;jenis', [
        'OPD-01;Dinas Kesehatan;dinas',
        'OPD-02;Inspektorat Daerah;inspektorat',
      ]),
    },
  });
  return backend;
}

describe('NIP', () => {
  it('is masked as 8 digits, stars, 2 digits; short junk is hidden entirely', () => {
    expect(maskNip('198503122010011001')).toBe('19850312********01');
    expect(maskNip('12345')).toBe('*****');
    expect(maskNip(null)).toBe('');
  });

  it('accepts generated valid NIPs', () => {
    for (let i = 0; i < 500; i++) expect(nipProblem(makeNip(i))).toBeNull();
  });
});

describe('employee list import (§4)', () => {
  it('before the OPD register: one message saying to import the register first, nothing stored', async () => {
    const backend = await bloraBackend();
    const rows = Array.from({ length: 1000 }, (_, i) => `${makeNip(i)};Pegawai ${i};Staf;Dinas Kesehatan;PNS`);
    const file = writeCsv(backend.dir, 'p.csv', HEADER, rows);
    const error = (await backend
      .call('integrity.pegawai.import', { file: { path: file } })
      .catch((e: unknown) => e)) as {
      code: string;
      key: string;
      params: Record<string, unknown>;
      issues?: unknown[];
    };
    expect(error).toMatchObject({ code: 'REJECTED', key: 'integrity.pegawai.noOpdRegister', params: { rows: 1000 } });
    expect(error.issues ?? []).toHaveLength(0);
    expect(count(backend, 'employees')).toBe(0);
  });

  // Each rule broken once, in an otherwise good file of 3 rows: the file is refused naming row, column and masked value.
  const good = [`${makeNip(1)};Ani;Staf;Dinas Kesehatan;PNS`, `;Budi;Satpam;OPD-02;NON-ASN`];
  const cases: [string, string, string, string][] = [
    ['17 digits', '19850312201001100', 'nip', 'integrity.nip.digits'],
    ['birth date not real', '198502302010011001', 'nip', 'integrity.nip.birthDate'],
    ['appointment month not real', '198503122010131001', 'nip', 'integrity.nip.appointmentMonth'],
    ['appointed before the 15th birthday', '198503121999011001', 'nip', 'integrity.nip.appointedTooYoung'],
    ['sex digit not 1/2', '198503122010013001', 'nip', 'integrity.nip.sexDigit'],
    ['serial 000: rounded by a spreadsheet', '198503122010011000', 'nip', 'integrity.nip.rounded'],
  ];
  it.each(cases)('refuses a NIP with %s, masked in the message, storing nothing', async (_label, nip, field, key) => {
    const backend = await withOpd();
    const file = writeCsv(backend.dir, 'p.csv', HEADER, [...good, `${nip};Citra;Staf;Dinas Kesehatan;PNS`]);
    const error = await rejection(backend.call('integrity.pegawai.import', { file: { path: file } }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ line: 4, field, key });
    expect(error.issues[0].message).toContain(maskNip(nip));
    expect(JSON.stringify(error)).not.toContain(nip);
    expect(count(backend, 'employees')).toBe(0);
    backend.close();
  });

  const rowRules: [string, string, string, string][] = [
    ['a NIP twice in the file', `${makeNip(1)};Dewi;Staf;Dinas Kesehatan;PNS`, 'nip', 'integrity.nip.duplicate'],
    ['an empty NIP for a PNS', `;Dewi;Staf;Dinas Kesehatan;PNS`, 'nip', 'integrity.nip.required'],
    ['an empty NIP for a PPPK', `;Dewi;Staf;Dinas Kesehatan;PPPK`, 'nip', 'integrity.nip.required'],
    ['a NIP for NON-ASN staff', `${makeNip(7)};Dewi;Staf;Dinas Kesehatan;NON-ASN`, 'nip', 'integrity.nip.nonAsn'],
    [
      'an unknown unit',
      `${makeNip(7)};Dewi;Staf;Dinas Kesehatan Hewan;PNS`,
      'unit_kerja',
      'integrity.pegawai.unknownUnit',
    ],
    [
      'a unit name in other case',
      `${makeNip(7)};Dewi;Staf;dinas kesehatan;PNS`,
      'unit_kerja',
      'integrity.pegawai.unknownUnit',
    ],
    ['an unknown status', `${makeNip(7)};Dewi;Staf;Dinas Kesehatan;Honorer`, 'status', 'files.cell.oneOf'],
    ['an empty name', `${makeNip(7)};;Staf;Dinas Kesehatan;PNS`, 'nama', 'files.cell.empty'],
  ];
  it.each(rowRules)('refuses %s, storing nothing', async (_label, line, field, key) => {
    const backend = await withOpd();
    const error = await rejection(
      backend.call('integrity.pegawai.import', {
        file: { path: writeCsv(backend.dir, 'p.csv', HEADER, [...good, line]) },
      }),
    );
    expect(error.issues[0]).toMatchObject({ line: 4, field, key });
    expect(error.message).not.toMatch(/\d{18}/);
    expect(count(backend, 'employees')).toBe(0);
    backend.close();
  });

  it('refuses a file without the status column', async () => {
    const backend = await withOpd();
    const error = await rejection(
      backend.call('integrity.pegawai.import', {
        file: { path: writeCsv(backend.dir, 'p.csv', 'nip;nama;jabatan;unit_kerja', ['1;a;b;OPD-01']) },
      }),
    );
    expect(error.issues[0]).toMatchObject({ line: 1, field: 'status' });
    backend.close();
  });

  it('re-import: same file changes nothing; names, positions, transfers (with date) and leavers are reported', async () => {
    const backend = await bloraBackend();
    const { people } = await seedRegisters(backend, 2, 10);
    const again = await backend.call('integrity.pegawai.import', { file: { path: `${backend.dir}/pegawai.csv` } });
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: 20, transferred: 0, left: [] });

    const [moved, renamed, gone] = [people[0], people[1], people[2]];
    const lines = people
      .filter((p) => p !== gone)
      .map((p) => {
        const opd = p === moved ? 'OPD-02' : p.opd;
        const nama = p === renamed ? 'Pegawai Baru Namanya' : p.nama;
        return `${p.nip};${nama};${p === renamed ? 'Kepala Seksi' : 'Staf'};${opd};${p.nip ? 'PNS' : 'NON-ASN'}`;
      });
    lines.push(`${makeNip(999)};Orang Baru;Staf;OPD-01;PPPK`);
    const out = await backend.call('integrity.pegawai.import', {
      file: { path: writeCsv(backend.dir, 'p2.csv', HEADER, lines) },
      date: '2026-03-01',
    });
    expect(out).toMatchObject({ added: 1, updated: 2, transferred: 1, unchanged: 17 });
    expect(out.left).toEqual([{ nipMasked: maskNip(gone.nip), nama: gone.nama, opdKode: 'OPD-01' }]);

    const movedRow = (await backend.call('integrity.pegawai.list', { opd: 'OPD-02' })).find(
      (e) => e.nama === moved.nama,
    )!;
    const record = await backend.call('integrity.pegawai.get', { id: movedRow.id });
    expect(record.nip).toBe(moved.nip); // the employee's own record shows the full NIP
    expect(record.transfers).toMatchObject([{ fromOpd: 'OPD-01', toOpd: 'OPD-02', date: '2026-03-01' }]);
    expect(movedRow.nipMasked).toBe(maskNip(moved.nip));
    expect(movedRow.opdSince).toBe('2026-03-01');
    expect((await backend.call('integrity.pegawai.list', { opd: 'OPD-01' })).map((e) => e.nama)).toContain(
      'Pegawai Baru Namanya',
    );
    expect(count(backend, 'employees')).toBe(21); // the leaver is kept, marked as left
    backend.close();
  });
});

describe('OPD register import (§5)', () => {
  const rules: [string, string[], number, string, string][] = [
    ['a code with lower case', ['opd-3;Dinas Sosial;dinas'], 3, 'kode', 'integrity.opd.code'],
    ['a code twice', ['OPD-01;Dinas Sosial;dinas'], 3, 'kode', 'integrity.opd.duplicate'],
    ['a name twice', ['OPD-03;Dinas Kesehatan;dinas'], 3, 'nama', 'integrity.opd.duplicate'],
    ['an unknown kind', ['OPD-03;Dinas Sosial;kementerian'], 3, 'jenis', 'files.cell.oneOf'],
    ['a name longer than 150', [`OPD-03;${'x'.repeat(151)};dinas`], 3, 'nama', 'files.cell.tooLong'],
  ];
  it.each(rules)('refuses %s, storing nothing', async (_label, extra, line, field, key) => {
    const backend = testBackend();
    const file = writeCsv(backend.dir, 'o.csv', 'kode;nama;jenis', ['OPD-01;Dinas Kesehatan;dinas', ...extra]);
    const error = await rejection(backend.call('integrity.opd.import', { file: { path: file } }));
    expect(error.issues[0]).toMatchObject({ line, field, key });
    expect(count(backend, 'opd')).toBe(0);
    backend.close();
  });

  it('accepts comma CSV and re-import is idempotent; renames update; a name taken by another registered code is refused', async () => {
    const backend = testBackend();
    const first = writeCsv(
      backend.dir,
      'o.csv',
      'KODE,Nama,jenis',
      ['OPD-01,Dinas Kesehatan,dinas', 'OPD-02,Dinas Sosial,dinas'],
      ',',
    );
    expect(await backend.call('integrity.opd.import', { file: { path: first } })).toMatchObject({ added: 2 });
    expect(await backend.call('integrity.opd.import', { file: { path: first } })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 2,
    });
    const swapped = writeCsv(backend.dir, 'o2.csv', 'kode;nama;jenis', [
      'OPD-01;Dinas Sosial;dinas',
      'OPD-02;Dinas Kesehatan;dinas',
    ]);
    expect(await backend.call('integrity.opd.import', { file: { path: swapped } })).toMatchObject({ updated: 2 });
    const clash = writeCsv(backend.dir, 'o3.csv', 'kode;nama;jenis', ['OPD-09;Dinas Sosial;dinas']);
    const error = await rejection(backend.call('integrity.opd.import', { file: { path: clash } }));
    expect(error.issues[0]).toMatchObject({
      key: 'integrity.opd.nameTaken',
      params: { value: 'Dinas Sosial', kode: 'OPD-01' },
    });
    backend.close();
  });

  it('edits refuse a stale version', async () => {
    const backend = testBackend();
    await backend.call('integrity.opd.import', {
      file: { path: writeCsv(backend.dir, 'o.csv', 'kode;nama;jenis', ['OPD-01;Dinas Kesehatan;dinas']) },
    });
    const [row] = await backend.call('integrity.opd.list', {});
    await backend.call('integrity.opd.update', {
      kode: 'OPD-01',
      nama: 'Dinas Kesehatan',
      jenis: 'dinas',
      kepala: 'dr. Ani',
      version: row.version,
    });
    await expect(
      backend.call('integrity.opd.update', {
        kode: 'OPD-01',
        nama: 'X',
        jenis: 'dinas',
        kepala: null,
        version: row.version,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await backend.call('integrity.opd.list', {}))[0]).toMatchObject({
      nama: 'Dinas Kesehatan',
      kepala: 'dr. Ani',
      version: row.version + 1,
    });
    backend.close();
  });
});

describe('employee list as .xlsx', () => {
  it('imports NIPs kept as text, and refuses NIPs Excel stored as numbers (their last digits are lost)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const backend = await withOpd();
    const write = async (nip: string | number, name: string) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Pegawai');
      sheet.addRow(['NIP', 'Nama', 'Jabatan', 'Unit_Kerja', 'Status']);
      sheet.addRow([nip, 'Ani', 'Staf', 'Dinas Kesehatan', 'PNS']);
      const file = `${backend.dir}/${name}`;
      await workbook.xlsx.writeFile(file);
      return file;
    };
    // biome-ignore lint/correctness/noPrecisionLoss: the rounding a spreadsheet does to a NIP is what this test feeds in
    const asNumber = await write(198503122010011001, 'number.xlsx');
    const error = await rejection(backend.call('integrity.pegawai.import', { file: { path: asNumber } }));
    expect(error.issues[0]).toMatchObject({ line: 2, field: 'nip', key: 'files.codeAsNumber' });
    expect(JSON.stringify(error)).not.toContain('198503122010011001');
    expect(count(backend, 'employees')).toBe(0);
    const asText = await write('198503122010011001', 'text.xlsx');
    expect(await backend.call('integrity.pegawai.import', { file: { path: asText } })).toMatchObject({ added: 1 });
    backend.close();
  });
});
