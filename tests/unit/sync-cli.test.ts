import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open.js';
import { SAMPLES, seedSampleSlsMaster } from '../support/census-seed.js';
import { runCliInProcess } from '../support/cli.js';
import { runCliProcess, tempDir } from '../support/office-process.js';

async function officeWithSlsMaster(): Promise<string> {
  const db = path.join(tempDir(), 'cli.db');
  expect((await runCliInProcess(['--db', db, 'init', '--kabupaten', '33.16'])).code).toBe(0);
  const opened = openDatabase(db);
  await seedSampleSlsMaster(opened.db);
  opened.close();
  return db;
}

describe('pendopo import sync / export households', () => {
  // A real process: what is tested is its standard output and exit status.
  it('prints one JSON object per file and exits 1 when any file was rejected', async () => {
    const db = await officeWithSlsMaster();
    const good = path.join(SAMPLES, 'sync-rules/ok-base.spsync');
    const bad = path.join(SAMPLES, 'sync-bad/unknown-sls.spsync');
    const run = await runCliProcess(['--db', db, 'import', 'sync', good, bad, good, '--json']);
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[0])).toEqual(['file', 'package_id', 'status', 'counts', 'errors']);
    expect(lines[0]).toMatchObject({
      file: good,
      status: 'imported',
      counts: { new: 12, updated: 0, unchanged: 0, stale: 0, conflict: 0, flagged: 12 },
      errors: [],
    });
    expect(lines[0].package_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines[1]).toMatchObject({ file: bad, status: 'rejected', counts: { new: 0 } });
    expect(lines[1].errors[0]).toEqual({
      line: 9,
      field: 'sls_id',
      message: expect.stringContaining('is not in the SLS master'),
    });
    expect(lines[2]).toMatchObject({ status: 'duplicate', package_id: lines[0].package_id });

    const again = await runCliInProcess(['--db', db, 'import', 'sync', good]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('duplicate');
  });

  it('exports households as CSV with the contract columns', async () => {
    const db = await officeWithSlsMaster();
    const files = fs.readdirSync(path.join(SAMPLES, 'sync')).map((f) => path.join(SAMPLES, 'sync', f));
    expect((await runCliInProcess(['--db', db, 'import', 'sync', ...files])).code).toBe(0);
    const out = path.join(tempDir(), 'households.csv');
    const run = await runCliInProcess(['--db', db, 'export', 'households', '--format', 'csv', '--out', out]);
    expect(run.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('household_id,sls_id,status,members,male,female,visited_at,revision,officer_code');
    expect(lines).toHaveLength(361);
    expect(lines[1]).toBe(
      '3316012001000100-0001,3316012001000100,moved,2,2,0,2020-09-19T17:35:00+07:00,1,PPL-3316-0001',
    );
  });
});
