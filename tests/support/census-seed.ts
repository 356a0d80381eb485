// Test-only seeding of the coordinators' desk tables (SLS master, officers, assignments) with plain
// inserts, so the sync tests do not depend on that feature's importers.
import path from 'node:path';
import type { Db } from '../../electron/db/open.js';
import { readTableFile } from '../../electron/files/table-file.js';
import { REPO } from './office-process.js';

export const SAMPLES = path.join(REPO, 'tests', 'fixtures', 'samples');

/** Loads the sample SLS master (5,415 SLS of Blora) into `sls`; returns the SLS ids. */
export async function seedSampleSlsMaster(db: Db): Promise<string[]> {
  const table = await readTableFile(path.join(SAMPLES, 'sls-blora.csv'));
  const insert = db.$client.prepare(
    'INSERT INTO sls (sls_id, desa_kode, nama, perkiraan_kk, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  db.$client.transaction(() => {
    for (const { values } of table.rows)
      insert.run(values.sls_id, values.kode_desa, values.nama_sls, Number(values.perkiraan_kk), now);
  })();
  return table.rows.map((r) => r.values.sls_id);
}

/** A PPL of kecamatan 33.16.01 with this code. */
export function seedOfficer(db: Db, kode: string, kecamatan = '33.16.01'): void {
  db.$client
    .prepare("INSERT INTO officers (kode, nama, peran, kecamatan_kode, updated_at) VALUES (?, ?, 'PPL', ?, ?)")
    .run(kode, `Petugas ${kode}`, kecamatan, new Date().toISOString());
}

/** Gives each SLS to `officer` (an open assignment). */
export function seedAssignments(db: Db, officer: string, slsIds: readonly string[]): void {
  const insert = db.$client.prepare(
    "INSERT INTO assignments (sls_id, officer_kode, start_date, created_at) VALUES (?, ?, '2020-09-01', ?)",
  );
  const now = new Date().toISOString();
  db.$client.transaction(() => {
    for (const id of slsIds) insert.run(id, officer, now);
  })();
}
