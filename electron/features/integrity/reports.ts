import { formatDate, formatDateLong, formatNumber, formatPercent } from '../../../common/format.js';
import type { Db } from '../../db/open.js';
import { exportedFile, MIME, type ExportedFile } from '../../files/exported-file.js';
import { renderPdf } from '../../files/pdf.js';
import { toCsv, toXlsx, type ExportColumn } from '../../files/table-export.js';
import { officeSummary } from '../wilayah/service.js';
import { opdDetail } from './detail.js';
import { listEmployees, listOpd, type EmployeeRow, type OpdRow } from './registers.js';

export type TableFormat = 'csv' | 'xlsx';

async function tableFile<R>(base: string, format: TableFormat, columns: ExportColumn<R>[], rows: R[], title?: string[]): Promise<ExportedFile> {
  if (format === 'csv') return exportedFile(`${base}.csv`, MIME.csv, Buffer.from(toCsv(columns, rows), 'utf8'));
  return exportedFile(`${base}.xlsx`, MIME.xlsx, await toXlsx([{ name: base, columns, rows, title }]));
}

type PactExportRow = EmployeeRow & { opdNama: string };

/** One row per current employee (NIP masked): `opd_kode,opd_nama,nip_masked,nama,status,signed_at,event`. */
export function exportPacts(db: Db, format: TableFormat, opdKode?: string): Promise<ExportedFile> {
  const names = new Map(listOpd(db).map((o) => [o.kode, o.nama]));
  const rows: PactExportRow[] = listEmployees(db, opdKode).map((e) => ({ ...e, opdNama: names.get(e.opdKode) ?? '' }));
  const columns: ExportColumn<PactExportRow>[] = [
    { header: 'opd_kode', value: (r) => r.opdKode, width: 14 },
    { header: 'opd_nama', value: (r) => r.opdNama, width: 40 },
    { header: 'nip_masked', value: (r) => r.nipMasked, width: 22 },
    { header: 'nama', value: (r) => r.nama, width: 28 },
    { header: 'status', value: (r) => (r.pactId ? 'signed' : 'not_signed') },
    { header: 'signed_at', value: (r) => r.signedAt ?? '', width: 12 },
    { header: 'event', value: (r) => r.eventId ?? '' },
  ];
  return tableFile(opdKode ? `pakta-${opdKode}` : 'pakta-integritas', format, columns, rows);
}

/** The regency overview, one row per OPD ranked: `kode,nama,jenis,pegawai,signed,signed_pct,stage`. */
export function exportIntegrity(db: Db, format: TableFormat): Promise<ExportedFile> {
  const columns: ExportColumn<OpdRow>[] = [
    { header: 'kode', value: (r) => r.kode, width: 14 },
    { header: 'nama', value: (r) => r.nama, width: 44 },
    { header: 'jenis', value: (r) => r.jenis, width: 16 },
    { header: 'pegawai', value: (r) => r.pegawai, numFmt: '#,##0' },
    { header: 'signed', value: (r) => r.signed, numFmt: '#,##0' },
    { header: 'signed_pct', value: (r) => r.signedPct, numFmt: '0.0' },
    { header: 'stage', value: (r) => r.stage ?? '', width: 20 },
  ];
  const office = officeSummary(db);
  return tableFile('zona-integritas', format, columns, listOpd(db), [`Zona Integritas — ${office?.nama ?? ''}`, `per ${formatDateLong(new Date())}`]);
}

const STAGE_LABEL: Record<string, string> = {
  pencanangan: 'Pencanangan',
  pembangunan: 'Pembangunan',
  penilaian_internal: 'Penilaian internal (TPI)',
  pengusulan: 'Pengusulan',
  evaluasi_tpn: 'Evaluasi TPN',
  ditetapkan: 'Ditetapkan',
  perbaikan: 'Perbaikan',
};

/** Printable signature list of one OPD: its stage summary, then every employee with signed date and status. */
export async function signatureListPdf(db: Db, kode: string): Promise<ExportedFile> {
  const detail = opdDetail(db, kode);
  const office = officeSummary(db)?.nama ?? 'Pendopo';
  const title = `Daftar Tanda Tangan Pakta Integritas`;
  const bytes = await renderPdf({ title, office }, (doc) => {
    doc.fontSize(14).fillColor('#000').text(title);
    doc.fontSize(12).text(`${detail.opd.nama} (${detail.opd.kode})`);
    doc.moveDown(0.3).fontSize(10);
    doc.text(`Pegawai ${formatNumber(detail.pegawai)} · sudah menandatangani ${formatNumber(detail.signed)} (${formatPercent(detail.signedPct)})`);
    if (detail.declaredAt) doc.text(`Pencanangan terakhir: ${formatDateLong(detail.declaredAt)}`);
    doc.moveDown(0.3).fontSize(11).text('Tahapan');
    doc.fontSize(9);
    if (!detail.stages.history.length) doc.text('Belum ada tahapan.');
    for (const s of detail.stages.history) {
      const extra = [s.tpiScore != null ? `nilai TPI ${s.tpiScore}` : '', s.predicate ? `${s.predicate}, SK ${s.decreeNumber} tgl ${formatDate(s.decreeDate)}` : '', s.note].filter(Boolean).join(' · ');
      doc.text(`${formatDate(s.date)}  ${STAGE_LABEL[s.stage] ?? s.stage}${extra ? ` — ${extra}` : ''}`);
    }
    doc.moveDown(0.6);
    const cols = [
      { label: 'No', width: 28 },
      { label: 'Nama', width: 150 },
      { label: 'NIP', width: 110 },
      { label: 'Jabatan', width: 105 },
      { label: 'Status', width: 52 },
      { label: 'Tgl. tanda tangan', width: 50 },
    ];
    const row = (cells: string[], bold = false) => {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      let x = 50;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
      cells.forEach((text, i) => {
        doc.text(text, x, y, { width: cols[i].width - 4, lineBreak: false, ellipsis: true });
        x += cols[i].width;
      });
      doc.moveTo(50, y + 11).lineTo(545, y + 11).strokeColor('#ccc').stroke();
      doc.x = 50;
      doc.y = y + 14;
    };
    row(cols.map((c) => c.label), true);
    detail.employees.forEach((e, i) =>
      row([String(i + 1), e.nama, e.nipMasked || e.status, e.jabatan, e.pactId ? 'Sudah' : 'Belum', formatDate(e.signedAt)]),
    );
  });
  return exportedFile(`pakta-${kode}.pdf`, MIME.pdf, bytes);
}
