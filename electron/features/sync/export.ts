// Raw SQL: hot path — 1,000,000 households streamed in keyset pages (bench: export).
import type { Db } from '../../db/open.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { keysetPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportTable, type ExportContext } from '../../files/write-export.js';
import { officeZone } from '../wilayah/service.js';

export interface HouseholdExportRow {
  householdId: string;
  slsId: string;
  status: string;
  members: number;
  male: number;
  female: number;
  visitedAt: string;
  revision: number;
  officerCode: string;
  flagged: number;
}

/** The `export households` machine CSV contract: these columns, in this order; `visited_at` is the tablet's ISO text, unchanged. */
export const HOUSEHOLD_MACHINE_COLUMNS: TableColumn<HouseholdExportRow>[] = [
  { key: 'household_id', label: 'ID rumah tangga', kind: 'code', value: (r) => r.householdId, width: 22 },
  { key: 'sls_id', label: 'ID SLS', kind: 'code', value: (r) => r.slsId, width: 19 },
  { key: 'status', label: 'Status', kind: 'code', value: (r) => r.status, width: 16 },
  { key: 'members', label: 'Anggota', kind: 'integer', value: (r) => r.members },
  { key: 'male', label: 'Laki-laki', kind: 'integer', value: (r) => r.male },
  { key: 'female', label: 'Perempuan', kind: 'integer', value: (r) => r.female },
  { key: 'visited_at', label: 'Dikunjungi', kind: 'datetime', value: (r) => r.visitedAt, width: 26 },
  { key: 'revision', label: 'Revisi', kind: 'integer', value: (r) => r.revision },
  { key: 'officer_code', label: 'Kode petugas', kind: 'code', value: (r) => r.officerCode, width: 16 },
];

export const HOUSEHOLD_STATUS_LABEL: Record<string, string> = {
  complete: 'Selesai',
  online_verified: 'Terverifikasi SP Online',
  partial: 'Sebagian',
  refused: 'Menolak',
  not_found: 'Tidak ditemukan',
  moved: 'Pindah',
};

function peopleColumns(zoneName: string): TableColumn<HouseholdExportRow>[] {
  const [id, sls, , members, male, female, , revision, officer] = HOUSEHOLD_MACHINE_COLUMNS;
  return [
    id,
    sls,
    {
      key: 'status',
      label: 'Status',
      kind: 'text',
      value: (r) => HOUSEHOLD_STATUS_LABEL[r.status] ?? r.status,
      width: 22,
    },
    members,
    male,
    female,
    { key: 'visited_at', label: `Dikunjungi (${zoneName})`, kind: 'datetime', value: (r) => r.visitedAt, width: 18 },
    revision,
    officer,
    { key: 'flagged', label: 'Ditandai', kind: 'text', value: (r) => (r.flagged ? 'ya' : ''), width: 10 },
  ];
}

const SELECT = `SELECT household_id AS householdId, sls_id AS slsId, status, members, male, female, visited_at AS visitedAt,
                       revision, officer_code AS officerCode, flagged
                  FROM households`;

/** Every household's current record, or those of one SLS (what the Sinkronisasi screen shows), in household id order. */
export function exportHouseholds(
  db: Db,
  ctx: ExportContext,
  format: ExportFormat,
  slsId?: string,
): Promise<ExportHandle> {
  const sqlite = db.$client;
  const zone = officeZone(db);
  const page = slsId
    ? sqlite.prepare(`${SELECT} WHERE sls_id = @sls AND household_id > @after ORDER BY household_id LIMIT @limit`)
    : sqlite.prepare(`${SELECT} WHERE household_id > @after ORDER BY household_id LIMIT @limit`);
  const total = (
    slsId
      ? sqlite.prepare('SELECT count(*) FROM households WHERE sls_id = ?').pluck().get(slsId)
      : sqlite.prepare('SELECT count(*) FROM households').pluck().get()
  ) as number;
  return exportTable(ctx, format, {
    baseName: slsId ? `rumah-tangga-${slsId}` : 'rumah-tangga',
    machine: HOUSEHOLD_MACHINE_COLUMNS,
    people: peopleColumns(zone.name),
    zone,
    total,
    sheets: [
      {
        name: slsId ? `SLS ${slsId}` : 'Rumah tangga',
        pages: () =>
          keysetPages(
            (after: string, limit) =>
              page.all(slsId ? { sls: slsId, after, limit } : { after, limit }) as HouseholdExportRow[],
            '',
            (r) => r.householdId,
          ),
      },
    ],
  });
}
