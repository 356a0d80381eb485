import { formatDate } from '../../../common/format.js';
import type { OfficeZone } from '../../../common/time-zone.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { arrayPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportTable, type ExportContext } from '../../files/write-export.js';
import { roundPct } from '../participation/export.js';
import type { CoverageRow } from './coverage.js';
import type { ProgressTable } from './tables.js';

/** The export contract (issue #5): these columns, in this order. coverage_pct is the raw, uncapped figure. */
export const PROGRESS_COLUMNS: TableColumn<CoverageRow>[] = [
  { key: 'kode', label: 'Kode', kind: 'code', value: (r) => r.kode, width: 20 },
  { key: 'nama', label: 'Nama', kind: 'text', value: (r) => r.nama, width: 30 },
  { key: 'perkiraan_kk', label: 'Perkiraan KK', kind: 'integer', value: (r) => r.estimatedHouseholds, width: 13 },
  { key: 'complete', label: 'Selesai', kind: 'integer', value: (r) => r.complete },
  { key: 'online_verified', label: 'Terverifikasi online', kind: 'integer', value: (r) => r.onlineVerified, width: 20 },
  { key: 'partial', label: 'Sebagian', kind: 'integer', value: (r) => r.partial },
  { key: 'refused', label: 'Menolak', kind: 'integer', value: (r) => r.refused },
  { key: 'not_found', label: 'Tidak ditemukan', kind: 'integer', value: (r) => r.notFound, width: 16 },
  { key: 'moved', label: 'Pindah', kind: 'integer', value: (r) => r.moved },
  { key: 'coverage_pct', label: 'Cakupan (%)', kind: 'decimal', value: (r) => roundPct(r.coveragePct), width: 13 },
];

const LEVEL_LABEL: Record<string, string> = {
  sls: 'SLS',
  desa: 'desa',
  kecamatan: 'kecamatan',
  ppl: 'PPL',
  pml: 'PML',
  koseka: 'Koseka',
};

/** A progress table (what the Progres screen shows) as the machine CSV, the Excel CSV or XLSX (with a title and as-of line). */
export function exportProgress(
  ctx: ExportContext,
  table: ProgressTable,
  format: ExportFormat,
  office: string,
  zone: OfficeZone,
): Promise<ExportHandle> {
  const level = LEVEL_LABEL[table.level] ?? table.level;
  return exportTable(ctx, format, {
    baseName: `progres-${table.level}${table.parent ? `-${table.parent}` : ''}-${table.plan.asOf}`,
    machine: PROGRESS_COLUMNS,
    people: PROGRESS_COLUMNS,
    zone,
    total: table.rows.length,
    sheets: [
      {
        name: `Progres ${level}`,
        title: [`Progres lapangan per ${level} — ${office}`, `per ${formatDate(table.plan.asOf)}`],
        pages: () => arrayPages(table.rows),
      },
    ],
  });
}
