import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/files/pdf.js';
import { toCsv, toXlsx, type ExportColumn } from '../../electron/files/table-export.js';

interface Row {
  kode: string;
  nama: string;
  kk: number;
}
const columns: ExportColumn<Row>[] = [
  { header: 'kode', value: (r) => r.kode },
  { header: 'nama', value: (r) => r.nama },
  { header: 'kk', value: (r) => r.kk, numFmt: '#,##0' },
];
const rows: Row[] = [
  { kode: '33.16.01', nama: 'Jati', kk: 12345 },
  { kode: '33.16.02', nama: 'Say "hi", then go', kk: 0 },
];

describe('exports', () => {
  it('write CSV with quoting where needed', () => {
    expect(toCsv(columns, rows)).toBe('kode,nama,kk\n33.16.01,Jati,12345\n33.16.02,"Say ""hi"", then go",0\n');
  });

  it('write an XLSX whose cells read back as typed values', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([{ name: 'Kecamatan', columns, rows, title: ['Judul'] }])) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('Kecamatan');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Judul');
    expect(sheet?.getRow(3).values).toEqual([undefined, 'kode', 'nama', 'kk']);
    expect(sheet?.getRow(4).getCell(3).value).toBe(12345);
  });

  it('write a PDF with a footer on every page', async () => {
    const pdf = await renderPdf({ title: 'Uji', office: 'KABUPATEN BLORA', printedAt: new Date(2020, 5, 23) }, (doc) => {
      doc.text('halaman satu');
      doc.addPage().text('halaman dua');
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
  });
});
