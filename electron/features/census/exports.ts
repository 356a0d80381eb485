import { formatDateLong, formatNumber } from '../../../common/format.js';
import type { Db } from '../../db/open.js';
import { exportedFile, MIME, type ExportedFile } from '../../files/exported-file.js';
import { renderPdf, type Pdf } from '../../files/pdf.js';
import { toCsv, toXlsx, type ExportColumn } from '../../files/table-export.js';
import { officeSummary } from '../wilayah/service.js';
import type { SlsRow } from './sls.js';

/** An SLS with its place, its PPL and the PPL's supervisors. */
export interface AssignmentExportRow extends Omit<SlsRow, 'version'> {
  pmlKode: string | null;
  pmlNama: string | null;
  kosekaKode: string | null;
  kosekaNama: string | null;
}

/** One row per SLS in scope, assigned or not, with its PPL and the PPL's PML and Koseka. */
export function assignmentRows(db: Db, kecamatanKode?: string): AssignmentExportRow[] {
  return db.$client
    .prepare(
      `SELECT s.sls_id AS slsId, s.desa_kode AS desaKode, d.nama AS desaNama, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
              s.nama, s.perkiraan_kk AS perkiraanKk,
              ppl.kode AS pplKode, ppl.nama AS pplNama, pml.kode AS pmlKode, pml.nama AS pmlNama, ksk.kode AS kosekaKode, ksk.nama AS kosekaNama
         FROM sls s JOIN desa d ON d.kode = s.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
         LEFT JOIN assignments a ON a.sls_id = s.sls_id AND a.end_date IS NULL
         LEFT JOIN officers ppl ON ppl.kode = a.officer_kode
         LEFT JOIN officers pml ON pml.kode = ppl.atasan_kode
         LEFT JOIN officers ksk ON ksk.kode = pml.atasan_kode
        WHERE (@kecamatan IS NULL OR d.kecamatan_kode = @kecamatan)
        ORDER BY s.sls_id`,
    )
    .all({ kecamatan: kecamatanKode ?? null }) as AssignmentExportRow[];
}

/** The CLI's machine-readable contract: officer codes only. */
const CSV_COLUMNS: ExportColumn<AssignmentExportRow>[] = [
  { header: 'sls_id', value: (r) => r.slsId },
  { header: 'kode_desa', value: (r) => r.desaKode },
  { header: 'nama_sls', value: (r) => r.nama },
  { header: 'perkiraan_kk', value: (r) => r.perkiraanKk },
  { header: 'ppl', value: (r) => r.pplKode },
  { header: 'pml', value: (r) => r.pmlKode },
  { header: 'koseka', value: (r) => r.kosekaKode },
];

const officer = (kode: string | null, nama: string | null) => (kode ? `${nama} (${kode})` : '');

/** For people: names with codes. */
const XLSX_COLUMNS: ExportColumn<AssignmentExportRow>[] = [
  { header: 'Kecamatan', value: (r) => r.kecamatanNama, width: 16 },
  { header: 'Desa/Kelurahan', value: (r) => `${r.desaNama} (${r.desaKode})`, width: 30 },
  { header: 'ID SLS', value: (r) => r.slsId, width: 19 },
  { header: 'Nama SLS', value: (r) => r.nama, width: 20 },
  { header: 'Perkiraan KK', value: (r) => r.perkiraanKk, width: 13, numFmt: '#,##0' },
  { header: 'PPL', value: (r) => officer(r.pplKode, r.pplNama), width: 34 },
  { header: 'PML', value: (r) => officer(r.pmlKode, r.pmlNama), width: 34 },
  { header: 'Koseka', value: (r) => officer(r.kosekaKode, r.kosekaNama), width: 34 },
];

function groupByKecamatan(rows: AssignmentExportRow[]): Map<string, AssignmentExportRow[]> {
  const groups = new Map<string, AssignmentExportRow[]>();
  for (const row of rows) {
    const list = groups.get(row.kecamatanKode) ?? [];
    list.push(row);
    groups.set(row.kecamatanKode, list);
  }
  return groups;
}

const scopeName = (kecamatanKode?: string) => (kecamatanKode ? kecamatanKode.replace(/\./g, '') : 'semua');

/** CSV (one table) or XLSX (one sheet per kecamatan) of the assignments in scope. */
export async function exportAssignments(db: Db, format: 'csv' | 'xlsx', kecamatanKode?: string): Promise<ExportedFile> {
  const rows = assignmentRows(db, kecamatanKode);
  const name = `penugasan-${scopeName(kecamatanKode)}`;
  if (format === 'csv') return exportedFile(`${name}.csv`, MIME.csv, Buffer.from(toCsv(CSV_COLUMNS, rows), 'utf8'));
  const office = officeSummary(db)?.nama ?? '';
  const asOf = formatDateLong(new Date());
  const sheets = [...groupByKecamatan(rows).values()].map((list) => ({
    name: list[0].kecamatanNama,
    title: [`Penugasan SLS — Kecamatan ${list[0].kecamatanNama} (${list[0].kecamatanKode}), ${office}`, `Per ${asOf}`],
    columns: XLSX_COLUMNS,
    rows: list,
  }));
  return exportedFile(`${name}.xlsx`, MIME.xlsx, await toXlsx(sheets));
}

const LETTER_COLUMNS: { header: string; x: number; width: number; value: (r: AssignmentExportRow, i: number) => string; align?: 'right' }[] = [
  { header: 'No', x: 50, width: 25, value: (_r, i) => String(i + 1) },
  { header: 'ID SLS', x: 78, width: 95, value: (r) => r.slsId },
  { header: 'Nama SLS', x: 176, width: 110, value: (r) => r.nama },
  { header: 'Desa/Kelurahan', x: 290, width: 150, value: (r) => `${r.desaNama}, Kec. ${r.kecamatanNama}` },
  { header: 'Perkiraan KK', x: 444, width: 100, value: (r) => formatNumber(r.perkiraanKk), align: 'right' },
];

/** The SLS of one letter as a table with fixed columns; continues on a new page when long. */
function slsTable(doc: Pdf, list: AssignmentExportRow[]): void {
  const row = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 110) doc.addPage();
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    LETTER_COLUMNS.forEach((c, i) => doc.text(cells[i], c.x, y, { width: c.width, align: c.align ?? 'left', lineBreak: false, ellipsis: true }));
    doc.y = y + 13;
  };
  row(LETTER_COLUMNS.map((c) => c.header), true);
  list.forEach((r, i) => row(LETTER_COLUMNS.map((c) => c.value(r, i)), false));
  doc.font('Helvetica');
}

/** Surat tugas: one page per PPL with active SLS in scope, listing their SLS. */
export async function assignmentLetters(db: Db, kecamatanKode?: string): Promise<ExportedFile> {
  const rows = assignmentRows(db, kecamatanKode).filter((r) => r.pplKode);
  const byPpl = new Map<string, AssignmentExportRow[]>();
  for (const row of rows) {
    const list = byPpl.get(row.pplKode!) ?? [];
    list.push(row);
    byPpl.set(row.pplKode!, list);
  }
  const office = officeSummary(db)?.nama ?? '';
  const bytes = await renderPdf({ title: 'Surat Tugas Pencacahan', office }, (doc) => {
    if (!byPpl.size) doc.fontSize(12).text('Belum ada SLS yang ditugaskan.');
    [...byPpl.values()].forEach((list, index) => {
      if (index > 0) doc.addPage();
      const first = list[0];
      doc.fontSize(15).fillColor('#000').text('SURAT TUGAS', { align: 'center' });
      doc.fontSize(10).text(office, { align: 'center' }).moveDown(1.2);
      doc.fontSize(10).text('Yang bertanda tangan di bawah ini menugaskan:').moveDown(0.4);
      doc.text(`Nama          : ${first.pplNama}`);
      doc.text(`Kode petugas  : ${first.pplKode}`);
      doc.text(`Jabatan       : Petugas Pencacah Lapangan (PPL)`);
      doc.text(`Pemeriksa     : ${officer(first.pmlKode, first.pmlNama) || '-'}`);
      doc.text(`Koseka        : ${officer(first.kosekaKode, first.kosekaNama) || '-'}`);
      const kk = list.reduce((sum, r) => sum + r.perkiraanKk, 0);
      doc.moveDown(0.6).text(`untuk mencacah ${formatNumber(list.length)} SLS berikut (perkiraan ${formatNumber(kk)} KK):`).moveDown(0.4);
      slsTable(doc, list);
      doc.fontSize(10).moveDown(1.5).text(`${formatDateLong(new Date())}`, 50, undefined, { align: 'right' }).moveDown(3).text('Koordinator', { align: 'right' });
    });
  });
  return exportedFile(`surat-tugas-${scopeName(kecamatanKode)}.pdf`, MIME.pdf, bytes);
}
