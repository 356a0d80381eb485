import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';
import { exportBytes, exportText } from '../support/exports.js';

// The exports people open in a spreadsheet: Indonesian headers, real numbers and dates, codes as
// text, visit times in the regency's own zone; the machine CSV keeps its contract.
let backend: TestBackend;
let sls: string;

beforeAll(async () => {
  backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, {
    slsCount: 300,
    households: 6_000,
    fieldStart: '2020-09-01',
    fieldDays: 30,
  });
  sls = backend.database.sqlite
    .prepare('SELECT sls_id FROM households ORDER BY household_id LIMIT 1')
    .pluck()
    .get() as string;
  // Visits straddling midnight in WIB, written by tablets in UTC and in WITA.
  const update = backend.database.sqlite.prepare('UPDATE households SET visited_at = ? WHERE household_id = ?');
  update.run('2020-09-14T17:30:00Z', `${sls}-0001`);
  update.run('2020-09-15T00:10:00+08:00', `${sls}-0002`);
});
afterAll(() => backend.close());

async function workbook(handle: Parameters<typeof exportBytes>[1]): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(exportBytes(backend, handle) as never);
  return book;
}

describe('households', () => {
  it('XLSX: Indonesian headers, ids as text, counts as numbers, the visit as a WIB date-time cell', async () => {
    const book = await workbook(await backend.call('sync.exportHouseholds', { format: 'xlsx', slsId: sls }));
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'ID rumah tangga',
      'ID SLS',
      'Status',
      'Anggota',
      'Laki-laki',
      'Perempuan',
      'Dikunjungi (WIB)',
      'Revisi',
      'Kode petugas',
      'Ditandai',
    ]);
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(`${sls}-0001`);
    expect(first.getCell(2).value).toBe(sls);
    expect(first.getCell(2).numFmt).toBe('@');
    expect(typeof first.getCell(4).value).toBe('number');
    // 17:30 UTC on the 14th is 00:30 WIB on the 15th; 00:10 WITA is 23:10 WIB on the 14th.
    expect(first.getCell(7).value).toEqual(new Date(Date.UTC(2020, 8, 15, 0, 30)));
    expect(first.getCell(7).numFmt).toBe('dd/mm/yyyy hh:mm');
    expect(sheet.getRow(3).getCell(7).value).toEqual(new Date(Date.UTC(2020, 8, 14, 23, 10)));
    expect(['Selesai', 'Terverifikasi SP Online', 'Sebagian', 'Menolak', 'Tidak ditemukan', 'Pindah']).toContain(
      first.getCell(3).value,
    );
  });

  it('Excel CSV: the same columns, dd/mm/yyyy hh.mm in WIB; the machine CSV keeps the tablet text', async () => {
    const excel = exportText(
      backend,
      await backend.call('sync.exportHouseholds', { format: 'csv-excel', slsId: sls }),
    ).split('\r\n');
    expect(excel[1].split(';')[6]).toBe('15/09/2020 00.30');
    expect(excel[2].split(';')[6]).toBe('14/09/2020 23.10');
    const machine = exportText(
      backend,
      await backend.call('sync.exportHouseholds', { format: 'csv', slsId: sls }),
    ).split('\n');
    expect(machine[1].split(',')[6]).toBe('2020-09-14T17:30:00Z');
    expect(machine[2].split(',')[6]).toBe('2020-09-15T00:10:00+08:00');
  });
});

describe('progress and participation', () => {
  it('XLSX headers are Indonesian and the percentages are numbers', async () => {
    const sheet = (await workbook(await backend.call('progress.export', { level: 'kecamatan', format: 'xlsx' })))
      .worksheets[0];
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Kode',
      'Nama',
      'Perkiraan KK',
      'Selesai',
      'Terverifikasi online',
      'Sebagian',
      'Menolak',
      'Tidak ditemukan',
      'Pindah',
      'Cakupan (%)',
    ]);
    expect(sheet.getRow(5).getCell(1).value).toBe('33.16.01');
    expect(typeof sheet.getRow(5).getCell(10).value).toBe('number');
    expect(sheet.getRow(5).getCell(10).numFmt).toBe('#,##0.00');
  });

  it('the Excel CSV writes percentages with a decimal comma and the machine CSV with a dot', async () => {
    const excel = exportText(
      backend,
      await backend.call('progress.export', { level: 'kecamatan', format: 'csv-excel' }),
    ).split('\r\n');
    expect(excel[0]).toBe(
      'Kode;Nama;Perkiraan KK;Selesai;Terverifikasi online;Sebagian;Menolak;Tidak ditemukan;Pindah;Cakupan (%)',
    );
    const machine = exportText(
      backend,
      await backend.call('progress.export', { level: 'kecamatan', format: 'csv' }),
    ).split('\n');
    const pctExcel = excel.slice(1, 17).map((l) => l.split(';')[9]);
    const pctMachine = machine.slice(1, 17).map((l) => l.split(',')[9]);
    expect(pctExcel.some((p) => p.includes(','))).toBe(true);
    expect(pctExcel).toEqual(pctMachine.map((p) => p.replace('.', ',')));
  });
});
