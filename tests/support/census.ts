import fs from 'node:fs';
import path from 'node:path';
import type { TestBackend } from './backend.js';
import { REPO } from './office-process.js';

export const SAMPLES = path.join(REPO, 'tests', 'fixtures', 'samples');
export const SLS_SAMPLE = path.join(SAMPLES, 'sls-blora.csv');
export const OFFICER_SAMPLE = path.join(SAMPLES, 'petugas-blora.csv');

/** Writes a small CSV into the backend's folder and returns its path. */
export function writeFile(backend: TestBackend, name: string, lines: string[]): string {
  const file = path.join(backend.dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

/** Imports the Blora samples: 5,415 SLS and 1,161 officers. */
export async function importSamples(backend: TestBackend): Promise<void> {
  await backend.call('census.sls.import', { file: { path: SLS_SAMPLE } });
  await backend.call('census.officers.import', { file: { path: OFFICER_SAMPLE } });
}

/** Rows of a table, for before/after comparisons that prove nothing changed. */
export function snapshot(backend: TestBackend, table: 'sls' | 'officers' | 'assignments'): unknown[] {
  return backend.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
}

export function auditCount(backend: TestBackend): number {
  return (backend.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
