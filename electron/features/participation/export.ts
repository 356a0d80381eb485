import { formatDate } from '../../../common/format.js';
import { round2 } from '../../../common/numbers.js';
import type { OfficeZone } from '../../../common/time-zone.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { arrayPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportTable, type ExportContext } from '../../files/write-export.js';
import type { ParticipationLevel, ParticipationRow } from './overview.js';

/** Percentages in exports: two decimals, no % sign (the machine CSV writes a dot). */
export const roundPct = (value: number | null) => (value == null ? null : round2(value));

/** The export contract (issue #5): these columns, in this order. */
export const PARTICIPATION_COLUMNS: TableColumn<ParticipationRow>[] = [
  { key: 'kode', label: 'Kode', kind: 'code', value: (r) => r.kode, width: 16 },
  { key: 'nama', label: 'Nama', kind: 'text', value: (r) => r.nama, width: 28 },
  { key: 'kk_online', label: 'KK online', kind: 'integer', value: (r) => r.kkOnline, width: 12 },
  { key: 'penduduk_online', label: 'Penduduk online', kind: 'integer', value: (r) => r.pendudukOnline, width: 16 },
  { key: 'kk_baseline', label: 'KK dasar', kind: 'integer', value: (r) => r.kkBaseline, width: 12 },
  { key: 'penduduk_baseline', label: 'Penduduk dasar', kind: 'integer', value: (r) => r.pendudukBaseline, width: 16 },
  { key: 'rate_kk_pct', label: 'Partisipasi KK (%)', kind: 'decimal', value: (r) => roundPct(r.rateKkPct), width: 18 },
  { key: 'target_pct', label: 'Target (%)', kind: 'decimal', value: (r) => roundPct(r.targetPct), width: 12 },
];

/** SP Online participation per kecamatan or village, in code order, as of the data's own date. */
export function exportParticipation(
  ctx: ExportContext,
  level: 'kecamatan' | 'desa',
  data: ParticipationLevel,
  format: ExportFormat,
  office: string,
  zone: OfficeZone,
): Promise<ExportHandle> {
  const rows = [...data.rows].sort((a, b) => a.kode.localeCompare(b.kode));
  return exportTable(ctx, format, {
    baseName: `sp-online-${level}-${data.asOf ?? 'kosong'}`,
    machine: PARTICIPATION_COLUMNS,
    people: PARTICIPATION_COLUMNS,
    zone,
    total: rows.length,
    sheets: [
      {
        name: `SP Online ${level}`,
        title: [
          `Partisipasi SP Online per ${level} — ${office}`,
          data.asOf ? `per ${formatDate(data.asOf)}` : 'belum ada data',
        ],
        pages: () => arrayPages(rows),
      },
    ],
  });
}
