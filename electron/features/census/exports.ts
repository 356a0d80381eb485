// Raw SQL: hot path — exports stream every SLS in keyset pages (bench: export).
import { formatDateLong, formatNumber } from '../../../common/format.js';
import { localDay } from '../../../common/time-zone.js';
import type { Db } from '../../db/open.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { drawTable, labelledLines, signatureBlock, type PdfTableColumn } from '../../files/pdf-layout.js';
import { keysetPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportPdf, exportTable, type ExportContext } from '../../files/write-export.js';
import { officeSummary, officeZone } from '../wilayah/service.js';
import { letterSigner } from './signer.js';
import type { SlsRow } from './sls.js';

/** An SLS with its place, its PPL and the PPL's supervisors. */
export interface AssignmentExportRow extends Omit<SlsRow, 'version'> {
  pmlKode: string | null;
  pmlNama: string | null;
  kosekaKode: string | null;
  kosekaNama: string | null;
}

const SELECT = `SELECT s.sls_id AS slsId, s.desa_kode AS desaKode, d.nama AS desaNama, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
              s.nama, s.perkiraan_kk AS estimatedHouseholds,
              ppl.kode AS pplKode, ppl.nama AS pplNama, pml.kode AS pmlKode, pml.nama AS pmlNama, ksk.kode AS kosekaKode, ksk.nama AS kosekaNama
         FROM sls s JOIN desa d ON d.kode = s.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
         LEFT JOIN assignments a ON a.sls_id = s.sls_id AND a.end_date IS NULL
         LEFT JOIN officers ppl ON ppl.kode = a.officer_kode
         LEFT JOIN officers pml ON pml.kode = ppl.atasan_kode
         LEFT JOIN officers ksk ON ksk.kode = pml.atasan_kode`;

/** One row per SLS in scope, assigned or not, with its PPL and the PPL's PML and Koseka (for the letters: bounded by the SLS count). */
export function assignmentRows(db: Db, kecamatanKode?: string): AssignmentExportRow[] {
  return db.$client
    .prepare(`${SELECT} WHERE (@kecamatan IS NULL OR d.kecamatan_kode = @kecamatan) ORDER BY s.sls_id`)
    .all({ kecamatan: kecamatanKode ?? null }) as AssignmentExportRow[];
}

/** The same rows a page at a time, in SLS id order. */
function assignmentPages(db: Db, kecamatanKode: string | null) {
  const page = db.$client.prepare(
    `${SELECT} WHERE s.sls_id > @after AND (@kecamatan IS NULL OR d.kecamatan_kode = @kecamatan) ORDER BY s.sls_id LIMIT @limit`,
  );
  return keysetPages(
    (after: string, limit) => page.all({ after, limit, kecamatan: kecamatanKode }) as AssignmentExportRow[],
    '',
    (r) => r.slsId,
  );
}

/** The CLI's machine-readable contract: officer codes only. */
const MACHINE_COLUMNS: TableColumn<AssignmentExportRow>[] = [
  { key: 'sls_id', label: 'ID SLS', kind: 'code', value: (r) => r.slsId },
  { key: 'kode_desa', label: 'Kode desa', kind: 'code', value: (r) => r.desaKode },
  { key: 'nama_sls', label: 'Nama SLS', kind: 'text', value: (r) => r.nama },
  { key: 'perkiraan_kk', label: 'Perkiraan KK', kind: 'integer', value: (r) => r.estimatedHouseholds },
  { key: 'ppl', label: 'PPL', kind: 'code', value: (r) => r.pplKode },
  { key: 'pml', label: 'PML', kind: 'code', value: (r) => r.pmlKode },
  { key: 'koseka', label: 'Koseka', kind: 'code', value: (r) => r.kosekaKode },
];

const officer = (kode: string | null, nama: string | null) => (kode ? `${nama} (${kode})` : '');

/** For people: names with codes. */
const PEOPLE_COLUMNS: TableColumn<AssignmentExportRow>[] = [
  { key: 'kecamatan', label: 'Kecamatan', kind: 'text', value: (r) => r.kecamatanNama, width: 16 },
  { key: 'desa', label: 'Desa/Kelurahan', kind: 'text', value: (r) => `${r.desaNama} (${r.desaKode})`, width: 30 },
  { key: 'sls_id', label: 'ID SLS', kind: 'code', value: (r) => r.slsId, width: 19 },
  { key: 'nama_sls', label: 'Nama SLS', kind: 'text', value: (r) => r.nama, width: 20 },
  { key: 'perkiraan_kk', label: 'Perkiraan KK', kind: 'integer', value: (r) => r.estimatedHouseholds, width: 13 },
  { key: 'ppl', label: 'PPL', kind: 'text', value: (r) => officer(r.pplKode, r.pplNama), width: 34 },
  { key: 'pml', label: 'PML', kind: 'text', value: (r) => officer(r.pmlKode, r.pmlNama), width: 34 },
  { key: 'koseka', label: 'Koseka', kind: 'text', value: (r) => officer(r.kosekaKode, r.kosekaNama), width: 34 },
];

const scopeName = (kecamatanKode?: string) => (kecamatanKode ? kecamatanKode.replace(/\./g, '') : 'semua');

/** The kecamatan with SLS in scope, with how many. */
function kecamatanInScope(db: Db, kecamatanKode?: string) {
  return db.$client
    .prepare(
      `SELECT k.kode, k.nama, count(*) AS sls FROM sls s JOIN desa d ON d.kode = s.desa_kode JOIN kecamatan k ON k.kode = d.kecamatan_kode
        WHERE (@kecamatan IS NULL OR k.kode = @kecamatan) GROUP BY k.kode ORDER BY k.kode`,
    )
    .all({ kecamatan: kecamatanKode ?? null }) as { kode: string; nama: string; sls: number }[];
}

/** One row per SLS in scope: machine CSV (codes), Excel CSV, or XLSX with one sheet per kecamatan. */
export function exportAssignments(
  db: Db,
  ctx: ExportContext,
  format: ExportFormat,
  kecamatanKode?: string,
): Promise<ExportHandle> {
  const kecamatan = kecamatanInScope(db, kecamatanKode);
  const office = officeSummary(db)?.nama ?? '';
  const zone = officeZone(db);
  const asOf = formatDateLong(localDay(new Date(), zone));
  const sheets =
    format === 'xlsx'
      ? kecamatan.map((k) => ({
          name: k.nama,
          title: [`Penugasan SLS — Kecamatan ${k.nama} (${k.kode}), ${office}`, `Per ${asOf}`],
          pages: () => assignmentPages(db, k.kode),
        }))
      : [{ name: 'Penugasan', pages: () => assignmentPages(db, kecamatanKode ?? null) }];
  return exportTable(ctx, format, {
    baseName: `penugasan-${scopeName(kecamatanKode)}`,
    machine: MACHINE_COLUMNS,
    people: PEOPLE_COLUMNS,
    sheets,
    total: kecamatan.reduce((s, k) => s + k.sls, 0),
    zone,
  });
}

const LETTER_COLUMNS: PdfTableColumn[] = [
  { header: 'No', width: 28, align: 'right' },
  { header: 'ID SLS', width: 100 },
  { header: 'Nama SLS', width: 110 },
  { header: 'Desa/Kelurahan', width: 177 },
  { header: 'Perkiraan KK', width: 80, align: 'right' },
];

/** Surat tugas: one letter per PPL with active SLS in scope, listing their SLS, signed by the signer set in Pengaturan. */
export function assignmentLetters(db: Db, ctx: ExportContext, kecamatanKode?: string): Promise<ExportHandle> {
  const byPpl = new Map<string, AssignmentExportRow[]>();
  for (const row of assignmentRows(db, kecamatanKode)) {
    if (!row.pplKode) continue;
    const list = byPpl.get(row.pplKode) ?? [];
    list.push(row);
    byPpl.set(row.pplKode, list);
  }
  const office = officeSummary(db)?.nama ?? '';
  const today = localDay(new Date(), officeZone(db));
  const signer = letterSigner(db, today);
  return exportPdf(
    ctx,
    `surat-tugas-${scopeName(kecamatanKode)}.pdf`,
    { title: 'Surat Tugas Pencacahan', office, printedOn: today },
    (doc) => {
      if (!byPpl.size) doc.fontSize(12).text('Belum ada SLS yang ditugaskan.');
      [...byPpl.values()].forEach((list, index) => {
        if (index > 0) doc.addPage();
        const first = list[0];
        doc.font('Helvetica-Bold').fontSize(15).fillColor('#000').text('SURAT TUGAS', { align: 'center' });
        doc.font('Helvetica').fontSize(10).text(office, { align: 'center' }).moveDown(1.2);
        doc.text(`Yang bertanda tangan di bawah ini, ${signer.title}, menugaskan kepada:`).moveDown(0.4);
        labelledLines(
          doc,
          [
            ['Nama', first.pplNama ?? ''],
            ['Kode petugas', first.pplKode ?? ''],
            ['Jabatan', 'Petugas Pencacah Lapangan (PPL)'],
            ['Kecamatan', first.kecamatanNama],
            ['Pemeriksa (PML)', officer(first.pmlKode, first.pmlNama)],
            ['Koseka', officer(first.kosekaKode, first.kosekaNama)],
          ],
          { x: 70, labelWidth: 100 },
        );
        const kk = list.reduce((sum, r) => sum + r.estimatedHouseholds, 0);
        doc
          .moveDown(0.6)
          .text(`untuk mencacah ${formatNumber(list.length)} SLS berikut (perkiraan ${formatNumber(kk)} KK):`, 50)
          .moveDown(0.4);
        drawTable(
          doc,
          LETTER_COLUMNS,
          list.map((r, i) => [
            String(i + 1),
            r.slsId,
            r.nama,
            `${r.desaNama}, Kec. ${r.kecamatanNama}`,
            formatNumber(r.estimatedHouseholds),
          ]),
          { fontSize: 9 },
        );
        doc
          .font('Helvetica')
          .fontSize(10)
          .moveDown(0.8)
          .text('Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung jawab.', 50)
          .moveDown(1.2);
        signatureBlock(doc, signer);
      });
    },
  );
}
