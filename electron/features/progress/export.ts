import { exportedFile, MIME, type ExportedFile } from '../../files/exported-file.js';
import { toCsv, toXlsx, type ExportColumn } from '../../files/table-export.js';
import { formatDate } from '../../../common/format.js';
import { roundPct } from '../participation/export.js';
import type { CoverageRow } from './coverage.js';
import type { ProgressTable } from './tables.js';


/** The export contract (issue #5): these columns, in this order. coverage_pct is the raw, uncapped figure. */
export const PROGRESS_COLUMNS: ExportColumn<CoverageRow>[] = [
  { header: 'kode', value: (r) => r.kode, width: 20 },
  { header: 'nama', value: (r) => r.nama, width: 30 },
  { header: 'perkiraan_kk', value: (r) => r.perkiraanKk, numFmt: '#,##0' },
  { header: 'complete', value: (r) => r.complete, numFmt: '#,##0' },
  { header: 'online_verified', value: (r) => r.onlineVerified, numFmt: '#,##0', width: 16 },
  { header: 'partial', value: (r) => r.partial, numFmt: '#,##0' },
  { header: 'refused', value: (r) => r.refused, numFmt: '#,##0' },
  { header: 'not_found', value: (r) => r.notFound, numFmt: '#,##0' },
  { header: 'moved', value: (r) => r.moved, numFmt: '#,##0' },
  { header: 'coverage_pct', value: (r) => roundPct(r.coveragePct), numFmt: '0.00', width: 14 },
];

export type ExportFormat = 'csv' | 'xlsx';

/** A progress table as CSV (the machine contract) or XLSX (with a title and as-of line). */
export async function exportProgress(table: ProgressTable, format: ExportFormat, office: string): Promise<ExportedFile> {
  const base = `progres-${table.level}${table.parent ? `-${table.parent}` : ''}-${table.plan.asOf}`;
  if (format === 'csv') return exportedFile(`${base}.csv`, MIME.csv, Buffer.from(toCsv(PROGRESS_COLUMNS, table.rows), 'utf8'));
  const title = [`Progres lapangan per ${table.level} — ${office}`, `per ${formatDate(table.plan.asOf)}`];
  return exportedFile(`${base}.xlsx`, MIME.xlsx, await toXlsx([{ name: `Progres ${table.level}`, columns: PROGRESS_COLUMNS, rows: table.rows, title }]));
}
