import { exportedFile, MIME, type ExportedFile } from '../../files/exported-file.js';
import { toCsv, toXlsx, type ExportColumn } from '../../files/table-export.js';
import { formatDate } from '../../../common/format.js';
import type { ParticipationLevel, ParticipationRow } from './overview.js';
import { round2 } from '../../../common/numbers.js';

/** Percentages in exports: two decimals, a dot, no % sign (machine-readable). */
export const roundPct = (value: number | null) => (value == null ? null : round2(value));

/** The export contract (issue #5): these columns, in this order. */
export const PARTICIPATION_COLUMNS: ExportColumn<ParticipationRow>[] = [
  { header: 'kode', value: (r) => r.kode, width: 16 },
  { header: 'nama', value: (r) => r.nama, width: 28 },
  { header: 'kk_online', value: (r) => r.kkOnline, numFmt: '#,##0' },
  { header: 'penduduk_online', value: (r) => r.pendudukOnline, numFmt: '#,##0', width: 16 },
  { header: 'kk_baseline', value: (r) => r.kkBaseline, numFmt: '#,##0' },
  { header: 'penduduk_baseline', value: (r) => r.pendudukBaseline, numFmt: '#,##0', width: 18 },
  { header: 'rate_kk_pct', value: (r) => roundPct(r.rateKkPct), numFmt: '0.00' },
  { header: 'target_pct', value: (r) => roundPct(r.targetPct), numFmt: '0.00' },
];

export async function exportParticipation(level: 'kecamatan' | 'desa', data: ParticipationLevel, format: 'csv' | 'xlsx', office: string): Promise<ExportedFile> {
  const rows = [...data.rows].sort((a, b) => a.kode.localeCompare(b.kode));
  const base = `sp-online-${level}-${data.asOf ?? 'kosong'}`;
  if (format === 'csv') return exportedFile(`${base}.csv`, MIME.csv, Buffer.from(toCsv(PARTICIPATION_COLUMNS, rows), 'utf8'));
  const title = [`Partisipasi SP Online per ${level} — ${office}`, data.asOf ? `per ${formatDate(data.asOf)}` : 'belum ada data'];
  return exportedFile(`${base}.xlsx`, MIME.xlsx, await toXlsx([{ name: `SP Online ${level}`, columns: PARTICIPATION_COLUMNS, rows, title }]));
}
