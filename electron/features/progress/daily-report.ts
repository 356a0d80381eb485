import type { ExportHandle } from '../../files/exported-file.js';
import type { Pdf } from '../../files/pdf.js';
import { drawTable, type PdfTableColumn } from '../../files/pdf-layout.js';
import { exportPdf, type ExportContext } from '../../files/write-export.js';
import { formatDate, formatDateLong, formatNumber, formatPercent } from '../../../common/format.js';
import { participationHeadline } from '../../../common/headline.js';
import type { CurvePoint } from '../participation/overview.js';
import type { ProgressDashboard } from './dashboard.js';
import type { ChainHead } from '../audit/head.js';

const CURVE = '#0f6e56';
const TARGET = '#c0392b';
const AXIS = '#666';

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) giving about four gridlines up to `top`. */
export function niceStep(top: number): number {
  const raw = Math.max(top, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/**
 * The cumulative rate as a line with its latest value written at its end, the target as a dashed
 * line, round gridlines in per cent, a date under every few points (never crowded), and a legend.
 */
function drawCurve(
  doc: Pdf,
  points: CurvePoint[],
  targetPct: number | null,
  box: { x: number; y: number; w: number; h: number },
) {
  const values = points.map((p) => p.rateKkPct ?? 0);
  const step = niceStep(Math.max(targetPct ?? 0, ...values, 1) * 1.1);
  const top = step * Math.ceil((Math.max(targetPct ?? 0, ...values, 1) * 1.1) / step);
  const yOf = (v: number) => box.y + box.h - (v / top) * box.h;
  const xOf = (i: number) => box.x + (points.length <= 1 ? box.w / 2 : (i / (points.length - 1)) * box.w);
  const digits = step < 1 ? 1 : 0;
  doc.save();
  doc.font('Helvetica').fontSize(7);
  for (let v = 0; v <= top + 1e-9; v += step) {
    doc
      .lineWidth(0.4)
      .strokeColor(v === 0 ? AXIS : '#ddd')
      .moveTo(box.x, yOf(v))
      .lineTo(box.x + box.w, yOf(v))
      .stroke();
    doc
      .fillColor(AXIS)
      .text(formatPercent(v, digits), box.x - 36, yOf(v) - 3, { width: 32, align: 'right', lineBreak: false });
  }
  doc
    .lineWidth(0.4)
    .strokeColor(AXIS)
    .moveTo(box.x, box.y)
    .lineTo(box.x, box.y + box.h)
    .stroke();
  const every = Math.max(1, Math.ceil(points.length / Math.floor(box.w / 45)));
  points.forEach((p, i) => {
    const last = i === points.length - 1;
    if (i % every !== 0 && !last) return;
    if (last && i % every !== 0 && xOf(i) - xOf(i - (i % every)) < 40) return;
    doc.fillColor(AXIS).text(formatDate(p.tanggal).slice(0, 5), xOf(i) - 18, box.y + box.h + 4, {
      width: 36,
      align: 'center',
      lineBreak: false,
    });
  });
  if (targetPct != null) {
    doc
      .lineWidth(1)
      .strokeColor(TARGET)
      .dash(4, { space: 3 })
      .moveTo(box.x, yOf(targetPct))
      .lineTo(box.x + box.w, yOf(targetPct))
      .stroke()
      .undash();
  }
  if (!points.length) {
    doc
      .fillColor(AXIS)
      .fontSize(9)
      .text('Belum ada data SP Online.', box.x, box.y + box.h / 2 - 5, { width: box.w, align: 'center' });
  } else {
    doc.lineWidth(1.5).strokeColor(CURVE);
    points.forEach((_, i) => {
      if (i === 0) doc.moveTo(xOf(i), yOf(values[i]));
      else doc.lineTo(xOf(i), yOf(values[i]));
    });
    doc.stroke();
    points.forEach((_, i) => {
      doc.circle(xOf(i), yOf(values[i]), 1.8).fill(CURVE);
    });
    const lastX = xOf(points.length - 1);
    const lastY = yOf(values.at(-1)!);
    doc
      .font('Helvetica-Bold')
      .fontSize(8)
      .fillColor(CURVE)
      .text(formatPercent(values.at(-1)!), lastX - 60, lastY - 12, { width: 58, align: 'right', lineBreak: false });
  }
  // Legend, under the dates.
  const legendY = box.y + box.h + 18;
  doc
    .lineWidth(1.5)
    .strokeColor(CURVE)
    .moveTo(box.x, legendY + 3)
    .lineTo(box.x + 16, legendY + 3)
    .stroke();
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#333')
    .text('Partisipasi KK (kumulatif)', box.x + 20, legendY, { lineBreak: false });
  if (targetPct != null) {
    doc
      .lineWidth(1)
      .strokeColor(TARGET)
      .dash(4, { space: 3 })
      .moveTo(box.x + 130, legendY + 3)
      .lineTo(box.x + 146, legendY + 3)
      .stroke()
      .undash();
    doc
      .fillColor('#333')
      .text(`Target kabupaten ${formatPercent(targetPct)}`, box.x + 150, legendY, { lineBreak: false });
  }
  doc.restore();
}

const RANKING_COLUMNS: PdfTableColumn[] = [
  { header: 'No', width: 25, align: 'right' },
  { header: 'Kecamatan', width: 110 },
  { header: 'KK online', width: 60, align: 'right' },
  { header: 'KK dasar', width: 60, align: 'right' },
  { header: 'Partisipasi', width: 60, align: 'right' },
  { header: 'Target', width: 50, align: 'right' },
  { header: 'Capaian target', width: 60, align: 'right' },
  { header: 'Cakupan lapangan', width: 70, align: 'right' },
];

/**
 * The one-page daily report for the regent's office: headline, the SP Online curve and the kecamatan
 * ranking, dated. Its footer carries the audit chain head of the moment (`pendopo check --head` checks
 * a printed one), so cutting off the newest audit entries later can be told from paper.
 */
export function dailyReportPdf(
  ctx: ExportContext,
  d: ProgressDashboard,
  printedOn: string,
  auditHead: ChainHead | null = null,
): Promise<ExportHandle> {
  const office = d.office?.nama ?? '';
  const date = d.participation.asOf ?? d.plan.asOf;
  return exportPdf(ctx, `laporan-harian-${date}.pdf`, { title: 'Laporan harian sensus', office, printedOn }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(15).fillColor('#111').text(`Laporan Harian Sensus Penduduk — ${office}`);
    doc
      .font('Helvetica')
      .fontSize(10)
      .fillColor('#444')
      .text(`Keadaan per ${formatDateLong(date)}`);
    doc.moveDown(0.8);
    doc
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor(CURVE)
      .text(`SP Online: ${participationHeadline(d.participation.regency, d.participation.asOf) ?? 'belum ada data'}`);
    const target = d.participation.regency.targetPct;
    doc
      .font('Helvetica')
      .fontSize(9)
      .fillColor('#333')
      .text(
        target == null
          ? 'Target kabupaten belum ditetapkan.'
          : `Target kabupaten ${formatPercent(target)} dari keluarga menurut data kependudukan.`,
      );
    const field = d.field.regency;
    if (field) {
      const planned =
        d.plan.expectedPct == null
          ? ''
          : `; rencana per ${formatDate(d.plan.asOf)}: ${formatPercent(d.plan.expectedPct)}`;
      doc.text(
        `Pencacahan lapangan: ${formatNumber(field.complete + field.onlineVerified)} dari ${formatNumber(field.estimatedHouseholds)} perkiraan keluarga tercakup (${formatPercent(field.coverageShownPct)})${planned}; ${formatNumber(d.field.quiet.count)} SLS sepi.`,
      );
    }
    doc.moveDown(0.8);
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#111')
      .text('Kurva kumulatif partisipasi SP Online (% keluarga)');
    const chartTop = doc.y + 10;
    drawCurve(doc, d.participation.curve.points, d.participation.curve.targetPct, {
      x: 90,
      y: chartTop,
      w: 440,
      h: 150,
    });
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .fillColor('#111')
      .text('Peringkat kecamatan (capaian terhadap target)', 50, chartTop + 192);
    doc.moveDown(0.3);
    const coverage = new Map(d.field.kecamatan.map((k) => [k.kode, k]));
    drawTable(
      doc,
      RANKING_COLUMNS,
      d.participation.rows.map((r) => [
        String(r.rank),
        r.nama,
        formatNumber(r.kkOnline),
        formatNumber(r.kkBaseline),
        formatPercent(r.rateKkPct),
        formatPercent(r.targetPct),
        formatPercent(r.attainmentPct),
        formatPercent(coverage.get(r.kode)?.coverageShownPct),
      ]),
    );
    if (auditHead) {
      doc
        .font('Helvetica')
        .fontSize(7)
        .fillColor('#666')
        .text(`Kepala rantai audit: ${auditHead.id}:${auditHead.hash.slice(0, 16)}`, 50, doc.page.height - 67, {
          lineBreak: false,
        });
    }
  });
}
