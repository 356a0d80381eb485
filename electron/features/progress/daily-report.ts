import type { ExportHandle } from '../../files/exported-file.js';
import type { Pdf } from '../../files/pdf.js';
import { exportPdf, type ExportContext } from '../../files/write-export.js';
import { formatDate, formatDateLong, formatNumber, formatPercent } from '../../../common/format.js';
import { participationHeadline } from '../../../common/headline.js';
import type { CurvePoint } from '../participation/overview.js';
import type { ProgressDashboard } from './dashboard.js';


/** The cumulative rate as a line, the target as a dashed line, drawn with pdfkit's own strokes. */
function drawCurve(doc: Pdf, points: CurvePoint[], targetPct: number | null, box: { x: number; y: number; w: number; h: number }) {
  const values = points.map((p) => p.rateKkPct ?? 0);
  const top = Math.max(5, targetPct ?? 0, ...values) * 1.1;
  const yOf = (v: number) => box.y + box.h - (v / top) * box.h;
  const xOf = (i: number) => box.x + (points.length <= 1 ? box.w / 2 : (i / (points.length - 1)) * box.w);
  doc.save().lineWidth(0.5).strokeColor('#999');
  doc.moveTo(box.x, box.y).lineTo(box.x, box.y + box.h).lineTo(box.x + box.w, box.y + box.h).stroke();
  doc.fontSize(7).fillColor('#666');
  for (const v of [0, top / 2, top]) doc.text(formatPercent(v, 0), box.x - 32, yOf(v) - 3, { width: 28, align: 'right', lineBreak: false });
  points.forEach((p, i) => {
    if (points.length <= 8 || i % Math.ceil(points.length / 8) === 0 || i === points.length - 1) {
      doc.text(formatDate(p.tanggal).slice(0, 5), xOf(i) - 15, box.y + box.h + 4, { width: 30, align: 'center', lineBreak: false });
    }
  });
  if (targetPct != null) {
    doc.lineWidth(1).strokeColor('#c0392b').dash(4, { space: 3 }).moveTo(box.x, yOf(targetPct)).lineTo(box.x + box.w, yOf(targetPct)).stroke().undash();
    doc.fillColor('#c0392b').text(`target ${formatPercent(targetPct)}`, box.x + box.w - 80, yOf(targetPct) - 10, { width: 80, align: 'right', lineBreak: false });
  }
  if (points.length) {
    doc.lineWidth(1.5).strokeColor('#0f6e56');
    points.forEach((_, i) => (i === 0 ? doc.moveTo(xOf(i), yOf(values[i])) : doc.lineTo(xOf(i), yOf(values[i]))));
    doc.stroke();
    points.forEach((_, i) => doc.circle(xOf(i), yOf(values[i]), 1.8).fill('#0f6e56'));
  }
  doc.restore();
}

function drawRanking(doc: Pdf, d: ProgressDashboard, top: number) {
  const coverage = new Map(d.field.kecamatan.map((k) => [k.kode, k]));
  const columns = [
    { title: 'No', w: 25, align: 'right' as const },
    { title: 'Kecamatan', w: 120, align: 'left' as const },
    { title: 'KK online', w: 65, align: 'right' as const },
    { title: 'KK dasar', w: 65, align: 'right' as const },
    { title: 'Partisipasi', w: 60, align: 'right' as const },
    { title: 'Target', w: 50, align: 'right' as const },
    { title: 'Capaian', w: 55, align: 'right' as const },
    { title: 'Cakupan lap.', w: 55, align: 'right' as const },
  ];
  const rowHeight = 13;
  const line = (cells: string[], y: number, bold = false) => {
    let x = 50;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8).fillColor('#111');
    cells.forEach((text, i) => {
      doc.text(text, x, y, { width: columns[i].w - 4, align: columns[i].align, lineBreak: false });
      x += columns[i].w;
    });
  };
  line(columns.map((c) => c.title), top, true);
  doc.moveTo(50, top + rowHeight - 2).lineTo(545, top + rowHeight - 2).lineWidth(0.5).strokeColor('#999').stroke();
  d.participation.rows.forEach((r, i) => {
    line(
      [String(r.rank), r.nama, formatNumber(r.kkOnline), formatNumber(r.kkBaseline), formatPercent(r.rateKkPct), formatPercent(r.targetPct), formatPercent(r.attainmentPct), formatPercent(coverage.get(r.kode)?.coverageShownPct)],
      top + rowHeight * (i + 1),
    );
  });
  doc.font('Helvetica');
}

/** The one-page daily report for the regent's office: headline, kecamatan ranking and the SP Online curve, dated. */
export function dailyReportPdf(ctx: ExportContext, d: ProgressDashboard, printedOn: string): Promise<ExportHandle> {
  const office = d.office?.nama ?? '';
  const date = d.participation.asOf ?? d.plan.asOf;
  return exportPdf(ctx, `laporan-harian-${date}.pdf`, { title: 'Laporan harian sensus', office, printedOn }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).fillColor('#111').text(`Laporan Harian Sensus Penduduk — ${office}`);
    doc.font('Helvetica').fontSize(10).fillColor('#444').text(`Keadaan per ${formatDateLong(date)}`);
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(12).fillColor('#0f6e56').text(`SP Online: ${participationHeadline(d.participation.regency, d.participation.asOf) ?? 'belum ada data'}`);
    const target = d.participation.regency.targetPct;
    doc.font('Helvetica').fontSize(9).fillColor('#333').text(target == null ? 'Target kabupaten belum ditetapkan.' : `Target kabupaten ${formatPercent(target)} dari keluarga menurut data kependudukan.`);
    const field = d.field.regency;
    if (field) {
      const planned = d.plan.expectedPct == null ? '' : `; rencana per ${formatDate(d.plan.asOf)}: ${formatPercent(d.plan.expectedPct)}`;
      doc.text(
        `Pencacahan lapangan: ${formatNumber(field.complete + field.onlineVerified)} dari ${formatNumber(field.perkiraanKk)} perkiraan keluarga tercakup (${formatPercent(field.coverageShownPct)})${planned}; ${formatNumber(d.field.quiet.count)} SLS sepi.`,
      );
    }
    doc.moveDown(0.8);
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#111').text('Kurva kumulatif partisipasi SP Online (% keluarga)');
    const chartTop = doc.y + 8;
    drawCurve(doc, d.participation.curve.points, d.participation.curve.targetPct, { x: 90, y: chartTop, w: 440, h: 150 });
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#111').text('Peringkat kecamatan (capaian terhadap target)', 50, chartTop + 180);
    drawRanking(doc, d, chartTop + 198);
  });
}
