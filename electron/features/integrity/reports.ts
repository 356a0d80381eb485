import { formatDate, formatDateLong, formatNumber, formatPercent } from '../../../common/format.js';
import { maskNip } from '../../../common/nip.js';
import { localDay } from '../../../common/time-zone.js';
import type { Db } from '../../db/open.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { drawTable, type PdfTableColumn } from '../../files/pdf-layout.js';
import { arrayPages, keysetPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportPdf, exportTable, type ExportContext } from '../../files/write-export.js';
import { officeSummary, officeZone } from '../wilayah/service.js';
import { opdDetail } from './detail.js';
import { listOpd, type OpdRow } from './registers.js';

interface PactExportRow {
  id: number;
  opdKode: string;
  opdNama: string;
  nip: string | null;
  nama: string;
  jabatan: string | null;
  status: string;
  pactId: number | null;
  signedAt: string | null;
  eventId: number | null;
}

const PACT_PAGE = `SELECT e.id, e.opd_kode AS opdKode, o.nama AS opdNama, e.nip, e.nama, e.jabatan, e.status,
                          p.id AS pactId, p.signed_at AS signedAt, p.event_id AS eventId
                     FROM employees e
                     JOIN opd o ON o.kode = e.opd_kode
                     LEFT JOIN pacts p ON p.employee_id = e.id AND p.opd_kode = e.opd_kode AND p.status = 'active'
                    WHERE e.left_at IS NULL AND (@opd IS NULL OR e.opd_kode = @opd)
                      AND (e.opd_kode, e.nama, e.id) > (@afterOpd, @afterNama, @afterId)
                    ORDER BY e.opd_kode, e.nama, e.id LIMIT @limit`;

/** The machine CSV contract: `opd_kode,opd_nama,nip_masked,nama,status,signed_at,event` (NIP masked). */
const PACT_MACHINE: TableColumn<PactExportRow>[] = [
  { key: 'opd_kode', label: 'Kode OPD', kind: 'code', value: (r) => r.opdKode, width: 14 },
  { key: 'opd_nama', label: 'Nama OPD', kind: 'text', value: (r) => r.opdNama, width: 40 },
  { key: 'nip_masked', label: 'NIP (disamarkan)', kind: 'code', value: (r) => maskNip(r.nip), width: 22 },
  { key: 'nama', label: 'Nama', kind: 'text', value: (r) => r.nama, width: 28 },
  { key: 'status', label: 'Pakta', kind: 'code', value: (r) => (r.pactId ? 'signed' : 'not_signed') },
  { key: 'signed_at', label: 'Tgl. tanda tangan', kind: 'date', value: (r) => r.signedAt, width: 16 },
  { key: 'event', label: 'Pencanangan (no.)', kind: 'integer', value: (r) => r.eventId, width: 16 },
];

const [opdKode, opdNama, nip, nama, , signedAt, event] = PACT_MACHINE;
const PACT_PEOPLE: TableColumn<PactExportRow>[] = [
  opdKode,
  opdNama,
  nip,
  nama,
  { key: 'jabatan', label: 'Jabatan', kind: 'text', value: (r) => r.jabatan, width: 24 },
  { key: 'status_pegawai', label: 'Status pegawai', kind: 'text', value: (r) => r.status, width: 14 },
  { key: 'status', label: 'Pakta', kind: 'text', value: (r) => (r.pactId ? 'Sudah TTD' : 'Belum TTD'), width: 12 },
  signedAt,
  event,
];

/** One row per current employee of the regency (or of one OPD), NIP masked, in OPD then name order. */
export function exportPacts(db: Db, ctx: ExportContext, format: ExportFormat, opd?: string): Promise<ExportHandle> {
  const page = db.$client.prepare(PACT_PAGE);
  const total = db.$client
    .prepare('SELECT count(*) FROM employees WHERE left_at IS NULL AND (@opd IS NULL OR opd_kode = @opd)')
    .pluck()
    .get({ opd: opd ?? null }) as number;
  const office = officeSummary(db)?.nama ?? '';
  const zone = officeZone(db);
  return exportTable(ctx, format, {
    baseName: opd ? `pakta-${opd}` : 'pakta-integritas',
    machine: PACT_MACHINE,
    people: PACT_PEOPLE,
    zone,
    total,
    sheets: [
      {
        name: opd ? `Pakta ${opd}` : 'Pakta integritas',
        title: [`Pakta integritas per pegawai — ${office}`, `per ${formatDateLong(localDay(new Date(), zone))}`],
        pages: () =>
          keysetPages(
            (after: { opd: string; nama: string; id: number }, limit) =>
              page.all({
                opd: opd ?? null,
                afterOpd: after.opd,
                afterNama: after.nama,
                afterId: after.id,
                limit,
              }) as PactExportRow[],
            { opd: '', nama: '', id: 0 },
            (r) => ({ opd: r.opdKode, nama: r.nama, id: r.id }),
          ),
      },
    ],
  });
}

const KIND_LABEL: Record<string, string> = {
  sekretariat: 'Sekretariat',
  inspektorat: 'Inspektorat',
  badan: 'Badan',
  dinas: 'Dinas',
  kantor: 'Kantor',
  rsud: 'RSUD',
  kecamatan: 'Kecamatan',
  instansi_vertikal: 'Instansi vertikal',
  lainnya: 'Lainnya',
};

const STAGE_LABEL: Record<string, string> = {
  pencanangan: 'Pencanangan',
  pembangunan: 'Pembangunan',
  penilaian_internal: 'Penilaian internal (TPI)',
  pengusulan: 'Pengusulan',
  evaluasi_tpn: 'Evaluasi TPN',
  ditetapkan: 'Ditetapkan',
  perbaikan: 'Perbaikan',
};

/** The machine CSV contract: `kode,nama,jenis,pegawai,signed,signed_pct,stage`, one row per OPD ranked. */
const INTEGRITY_MACHINE: TableColumn<OpdRow>[] = [
  { key: 'kode', label: 'Kode', kind: 'code', value: (r) => r.kode, width: 14 },
  { key: 'nama', label: 'Nama OPD', kind: 'text', value: (r) => r.nama, width: 44 },
  { key: 'jenis', label: 'Jenis', kind: 'code', value: (r) => r.jenis, width: 16 },
  { key: 'pegawai', label: 'Pegawai', kind: 'integer', value: (r) => r.pegawai },
  { key: 'signed', label: 'Sudah TTD', kind: 'integer', value: (r) => r.signed, width: 12 },
  { key: 'signed_pct', label: 'Sudah TTD (%)', kind: 'decimal', value: (r) => r.signedPct, width: 14 },
  { key: 'stage', label: 'Tahapan', kind: 'code', value: (r) => r.stage ?? '', width: 24 },
];

const INTEGRITY_PEOPLE: TableColumn<OpdRow>[] = [
  { key: 'rank', label: 'Peringkat', kind: 'integer', value: (r) => r.rank, width: 10 },
  ...INTEGRITY_MACHINE.map((c) =>
    c.key === 'jenis'
      ? { ...c, kind: 'text' as const, value: (r: OpdRow) => KIND_LABEL[r.jenis] ?? r.jenis }
      : c.key === 'stage'
        ? {
            ...c,
            kind: 'text' as const,
            value: (r: OpdRow) => (r.stage ? (STAGE_LABEL[r.stage] ?? r.stage) : 'Belum mulai'),
          }
        : c,
  ),
];

/** The regency overview (one row per OPD, bounded by the OPD register). */
export function exportIntegrity(db: Db, ctx: ExportContext, format: ExportFormat): Promise<ExportHandle> {
  const rows = listOpd(db);
  const zone = officeZone(db);
  return exportTable(ctx, format, {
    baseName: 'zona-integritas',
    machine: INTEGRITY_MACHINE,
    people: INTEGRITY_PEOPLE,
    zone,
    total: rows.length,
    sheets: [
      {
        name: 'Zona Integritas',
        title: [
          `Zona Integritas — ${officeSummary(db)?.nama ?? ''}`,
          `per ${formatDateLong(localDay(new Date(), zone))}`,
        ],
        pages: () => arrayPages(rows),
      },
    ],
  });
}

const SIGNATURE_COLUMNS: PdfTableColumn[] = [
  { header: 'No', width: 26, align: 'right' },
  { header: 'Nama', width: 140 },
  { header: 'NIP', width: 100 },
  { header: 'Jabatan', width: 105 },
  { header: 'Status', width: 48 },
  { header: 'Tgl. tanda tangan', width: 76 },
];

/** Printable signature list of one OPD: its stage summary, then every employee with signed date and status. */
export function signatureListPdf(db: Db, ctx: ExportContext, kode: string): Promise<ExportHandle> {
  const detail = opdDetail(db, kode);
  const office = officeSummary(db)?.nama ?? 'Pendopo';
  const title = `Daftar Tanda Tangan Pakta Integritas`;
  return exportPdf(
    ctx,
    `pakta-${kode}.pdf`,
    { title, office, printedOn: localDay(new Date(), officeZone(db)) },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).fillColor('#000').text(title);
      doc.font('Helvetica').fontSize(12).text(`${detail.opd.nama} (${detail.opd.kode})`);
      doc.moveDown(0.3).fontSize(10);
      doc.text(
        `Pegawai ${formatNumber(detail.pegawai)} · sudah menandatangani ${formatNumber(detail.signed)} (${formatPercent(detail.signedPct)})`,
      );
      if (detail.declaredAt) doc.text(`Pencanangan terakhir: ${formatDateLong(detail.declaredAt)}`);
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).text('Tahapan');
      doc.font('Helvetica').fontSize(9);
      if (!detail.stages.history.length) doc.text('Belum ada tahapan.');
      for (const s of detail.stages.history) {
        const extra = [
          s.tpiScore != null ? `nilai TPI ${s.tpiScore}` : '',
          s.predicate ? `${s.predicate}, SK ${s.decreeNumber} tgl ${formatDate(s.decreeDate)}` : '',
          s.note,
        ]
          .filter(Boolean)
          .join(' · ');
        doc.text(`${formatDate(s.date)}  ${STAGE_LABEL[s.stage] ?? s.stage}${extra ? ` — ${extra}` : ''}`);
      }
      doc.moveDown(0.8);
      drawTable(
        doc,
        SIGNATURE_COLUMNS,
        detail.employees.map((e, i) => [
          String(i + 1),
          e.nama,
          e.nipMasked || e.status,
          e.jabatan ?? '',
          e.pactId ? 'Sudah' : 'Belum',
          formatDate(e.signedAt),
        ]),
      );
    },
  );
}
