import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ZONES } from '../../common/time-zone.js';
import { writeCsvFile } from '../../electron/files/csv-writer.js';
import { DownloadGrants } from '../../electron/files/download-grants.js';
import {
  exportsDir,
  findExport,
  startExport,
  sweepExports,
  writeExport,
  EXPORT_TTL_MS,
} from '../../electron/files/export-store.js';
import { renderPdf } from '../../electron/files/pdf.js';
import { arrayPages, keysetPages } from '../../electron/files/row-pages.js';
import { neutraliseCsvText, type TableColumn } from '../../electron/files/table-columns.js';
import { toCsv } from '../../electron/files/table-export.js';
import { exportTable } from '../../electron/files/write-export.js';
import { writeXlsxFile } from '../../electron/files/xlsx-writer.js';
import { tempDir } from '../support/office-process.js';

interface Row {
  kode: string;
  nama: string;
  kk: number;
  pct: number | null;
  tanggal: string | null;
  at: string;
}
const columns: TableColumn<Row>[] = [
  { key: 'kode', label: 'Kode', kind: 'code', value: (r) => r.kode },
  { key: 'nama', label: 'Nama', kind: 'text', value: (r) => r.nama },
  { key: 'kk', label: 'Jumlah KK', kind: 'integer', value: (r) => r.kk },
  { key: 'pct', label: 'Cakupan (%)', kind: 'decimal', value: (r) => r.pct },
  { key: 'tanggal', label: 'Tanggal', kind: 'date', value: (r) => r.tanggal },
  { key: 'visited_at', label: 'Dikunjungi (WIB)', kind: 'datetime', value: (r) => r.at },
];
const rows: Row[] = [
  { kode: '3316012001000101', nama: 'Jati', kk: 12345, pct: 45.25, tanggal: '2020-09-15', at: '2020-09-14T17:30:00Z' },
  { kode: '33.16.02', nama: 'Say "hi"; then, go', kk: -3, pct: null, tanggal: null, at: '2020-09-15T08:05:00+08:00' },
];
const zone = ZONES.WIB;
const noop = () => {};

describe('CSV injection', () => {
  it.each([
    ['=HYPERLINK("http://x","y")'],
    ["+cmd|' /C calc'!A0"],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['  =1+1'],
    ['"=1+1'],
    ["'=1+1"],
    ['＝1+1'],
  ])('neutralises %j with a leading apostrophe', (text) => {
    expect(neutraliseCsvText(text)).toBe(`'${text}`);
  });

  it.each([['RT 001'], ['33.16.01'], ['2020-09-14T17:30:00+07:00'], ['a=b'], ['Maʼruf'], ['']])(
    'leaves %j alone',
    (text) => {
      expect(neutraliseCsvText(text)).toBe(text);
    },
  );
});

describe('streamed CSV', () => {
  it('writes the machine flavour: comma, LF, dots, ISO dates and times as stored, numbers untouched', async () => {
    const file = path.join(tempDir(), 'm.csv');
    await writeCsvFile(file, { columns, pages: arrayPages(rows) }, 'machine', zone, noop);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      'kode,nama,kk,pct,tanggal,visited_at\n' +
        '3316012001000101,Jati,12345,45.25,2020-09-15,2020-09-14T17:30:00Z\n' +
        '33.16.02,"Say ""hi""; then, go",-3,,,2020-09-15T08:05:00+08:00\n',
    );
  });

  it('writes the Excel (Indonesia) flavour: BOM, semicolon, CRLF, decimal comma, dd/mm/yyyy, the office zone', async () => {
    const file = path.join(tempDir(), 'e.csv');
    await writeCsvFile(file, { columns, pages: arrayPages(rows) }, 'excel', zone, noop);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      '\uFEFFKode;Nama;Jumlah KK;Cakupan (%);Tanggal;Dikunjungi (WIB)\r\n' +
        '3316012001000101;Jati;12345;45,25;15/09/2020;15/09/2020 00.30\r\n' +
        '33.16.02;"Say ""hi""; then, go";-3;;;15/09/2020 07.05\r\n',
    );
  });

  it('neutralises text cells in both flavours, also in the in-memory helper', async () => {
    const hostile: Row = { ...rows[0], nama: '=HYPERLINK("http://evil","klik")' };
    for (const flavour of ['machine', 'excel'] as const) {
      const file = path.join(tempDir(), `${flavour}.csv`);
      await writeCsvFile(file, { columns, pages: arrayPages([hostile]) }, flavour, zone, noop);
      const cells = fs.readFileSync(file, 'utf8').split(/\r?\n/)[1];
      expect(cells).toContain(`"'=HYPERLINK(""http://evil"",""klik"")"`);
    }
    expect(toCsv([{ header: 'nama', value: (r: Row) => r.nama }], [hostile])).toBe(
      `nama\n"'=HYPERLINK(""http://evil"",""klik"")"\n`,
    );
  });
});

describe('streamed XLSX', () => {
  it('writes typed cells: codes as text, numbers, dates and the office wall clock as dates, with formats', async () => {
    const file = path.join(tempDir(), 't.xlsx');
    const hostile = { ...rows[1], nama: '=HYPERLINK("http://evil","klik")' };
    await writeXlsxFile(
      file,
      [
        {
          name: 'Kecamatan: Jati/1',
          title: ['Judul', 'per 15/09/2020'],
          columns,
          pages: arrayPages([rows[0], hostile]),
        },
      ],
      zone,
      noop,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Kecamatan  Jati 1');
    expect(sheet.getRow(1).getCell(1).value).toBe('Judul');
    expect(sheet.getRow(4).values).toEqual([
      undefined,
      'Kode',
      'Nama',
      'Jumlah KK',
      'Cakupan (%)',
      'Tanggal',
      'Dikunjungi (WIB)',
    ]);
    const data = sheet.getRow(5);
    expect(data.getCell(1).value).toBe('3316012001000101');
    expect(data.getCell(1).numFmt).toBe('@');
    expect(data.getCell(3).value).toBe(12345);
    expect(data.getCell(3).numFmt).toBe('#,##0');
    expect(data.getCell(4).value).toBe(45.25);
    expect(data.getCell(5).value).toEqual(new Date(Date.UTC(2020, 8, 15)));
    expect(data.getCell(5).numFmt).toBe('dd/mm/yyyy');
    // 17:30 UTC is 00:30 on the 15th in WIB: the cell holds that wall clock.
    expect(data.getCell(6).value).toEqual(new Date(Date.UTC(2020, 8, 15, 0, 30)));
    // A formula-like name is a plain string cell, never a formula.
    expect(sheet.getRow(6).getCell(2).value).toBe('=HYPERLINK("http://evil","klik")');
    expect(sheet.getRow(6).getCell(2).type).toBe(ExcelJS.ValueType.String);
  });
});

describe('export files', () => {
  it('commits a written file under exports/ with its name and type; a failed one leaves nothing', async () => {
    const dataDir = tempDir();
    const handle = await writeExport(dataDir, 'a/../laporan "harian".csv', 'text/csv', async (file) =>
      fs.writeFileSync(file, 'x,y\n'),
    );
    expect(handle).toMatchObject({ fileName: 'laporan _harian_.csv', mimeType: 'text/csv', size: 4 });
    expect(fs.readFileSync(findExport(dataDir, handle.exportId)!.path, 'utf8')).toBe('x,y\n');
    await expect(
      writeExport(dataDir, 'b.csv', 'text/csv', async (file) => {
        fs.writeFileSync(file, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readdirSync(exportsDir(dataDir)).sort()).toEqual([handle.exportId, `${handle.exportId}.json`].sort());
    expect(findExport(dataDir, '../../etc/passwd')).toBeNull();
  });

  it('sweeps exports nobody took once they are older than the TTL', () => {
    const dataDir = tempDir();
    const pending = startExport(dataDir, 'x.csv', 'text/csv');
    fs.writeFileSync(pending.path, 'x');
    const handle = pending.commit();
    expect(sweepExports(dataDir, Date.now() + EXPORT_TTL_MS - 60_000)).toBe(0);
    expect(sweepExports(dataDir, Date.now() + EXPORT_TTL_MS + 60_000)).toBe(2);
    expect(findExport(dataDir, handle.exportId)).toBeNull();
  });

  it('reports progress per page and writes every row once across sheets', async () => {
    const dataDir = tempDir();
    const seen: number[] = [];
    const many = Array.from({ length: 4500 }, (_, i) => ({ ...rows[0], kode: String(i).padStart(5, '0') }));
    const handle = await exportTable({ dataDir, progress: (p) => seen.push(p.done) }, 'csv', {
      baseName: 'uji',
      machine: columns,
      people: columns,
      zone,
      total: many.length,
      sheets: [
        { name: 'a', pages: () => arrayPages(many.slice(0, 3000)) },
        { name: 'b', pages: () => arrayPages(many.slice(3000)) },
      ],
    });
    expect(handle.fileName).toBe('uji.csv');
    expect(seen).toEqual([2000, 3000, 4500]);
    const lines = fs.readFileSync(findExport(dataDir, handle.exportId)!.path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(4501);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(4500);
  });

  it('pages by key without holding a statement: each page starts after the last key', () => {
    const calls: string[] = [];
    const keys = Array.from({ length: 5 }, (_, i) => `k${i}`);
    const pages = [
      ...keysetPages(
        (after: string, limit) => {
          calls.push(after);
          return keys.filter((k) => k > after).slice(0, limit);
        },
        '',
        (k) => k,
        2,
      ),
    ];
    expect(pages).toEqual([['k0', 'k1'], ['k2', 'k3'], ['k4']]);
    expect(calls).toEqual(['', 'k1', 'k3']);
  });
});

describe('download grants', () => {
  it('give an export to the session that made it, once, until the TTL', () => {
    let now = 0;
    const grants = new DownloadGrants(() => now, 1000);
    grants.grant('s1', 'a'.repeat(32));
    expect(grants.take('s2', 'a'.repeat(32))).toBe(false);
    expect(grants.take('s1', 'a'.repeat(32))).toBe(true);
    expect(grants.take('s1', 'a'.repeat(32))).toBe(false);
    grants.grant('s1', 'b'.repeat(32));
    now = 2000;
    expect(grants.take('s1', 'b'.repeat(32))).toBe(false);
    grants.grant('s1', 'c'.repeat(32));
    grants.revokeOwner('s1');
    expect(grants.take('s1', 'c'.repeat(32))).toBe(false);
  });
});

describe('PDF', () => {
  it('writes a PDF with a footer on every page', async () => {
    const file = path.join(tempDir(), 'u.pdf');
    await renderPdf(
      { title: 'Uji', office: 'KABUPATEN BLORA', printedOn: '2020-06-23' },
      (doc) => {
        doc.text('halaman satu');
        doc.addPage().text('halaman dua');
      },
      file,
    );
    const pdf = fs.readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });
});
