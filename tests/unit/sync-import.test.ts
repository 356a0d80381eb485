import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import { RecordsOutput, textLines } from '../../electron/features/sync/records-output.js';
import { parsePackageInWorker } from '../../electron/features/sync/run-parse-worker.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { SAMPLES, seedAssignments, seedOfficer, seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { household, householdsOf, packagePath, writePackage } from '../support/sync-packages.js';
import { contentDump } from '../support/sync-state.js';
import { exportBytes } from '../support/exports.js';

const sample = (name: string) => ({ file: { path: path.join(SAMPLES, name) } });

describe('field sync import', () => {
  let backend: TestBackend;
  let slsIds: string[];
  let dir: string;
  beforeEach(async () => {
    backend = await bloraBackend();
    slsIds = await seedSampleSlsMaster(backend.database.db);
    dir = tempDir();
  });

  it('accepts the three sample packages; importing them again changes nothing and says so', async () => {
    const files = fs.readdirSync(path.join(SAMPLES, 'sync')).map((f) => `sync/${f}`);
    for (const f of files) {
      const result = await backend.call('sync.import', sample(f));
      expect(result.status).toBe('imported');
      expect(result.counts).toEqual({ new: 120, updated: 0, unchanged: 0, stale: 0, conflict: 0, flagged: 120 });
    }
    const before = contentDump(backend.database.db);
    for (const f of files) {
      const again = await backend.call('sync.import', sample(f));
      expect(again.status).toBe('duplicate');
      expect(again.counts.new).toBe(0);
    }
    expect(contentDump(backend.database.db)).toBe(before);
    expect(backend.database.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(360);
    const history = await backend.call('sync.imports', {});
    expect(history.map((h) => h.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'imported',
      'imported',
      'imported',
    ]);
  });

  it('keeps the highest revision, ignores stale records, and lists same-revision conflicts (sample rules)', async () => {
    expect((await backend.call('sync.import', sample('sync-rules/ok-base.spsync'))).counts).toMatchObject({ new: 12 });
    const update = await backend.call('sync.import', sample('sync-rules/ok-update.spsync'));
    expect(update.counts).toMatchObject({ new: 0, updated: 3, unchanged: 9, conflict: 0 });
    const conflict = await backend.call('sync.import', sample('sync-rules/ok-conflict.spsync'));
    // ok-conflict is at revision 2: the 3 updated households are now at 3, so they are stale.
    expect(conflict.counts).toMatchObject({ new: 0, updated: 0, stale: 3, unchanged: 8, conflict: 1 });
  });

  it('a same-revision conflict keeps the stored record until a person takes the incoming one (audited)', async () => {
    await backend.call('sync.import', sample('sync-rules/ok-base.spsync'));
    const before = contentDump(backend.database.db);
    const result = await backend.call('sync.import', sample('sync-rules/ok-conflict.spsync'));
    expect(result.counts).toEqual({ new: 0, updated: 0, unchanged: 11, stale: 0, conflict: 1, flagged: 0 });
    const [conflict] = await backend.call('sync.conflicts', {});
    const stored = backend.database.sqlite
      .prepare('SELECT members, revision FROM households WHERE household_id = ?')
      .get(conflict.householdId);
    expect(stored).toEqual({ members: conflict.storedMembers, revision: conflict.revision });
    expect(conflict.incomingMembers).not.toBe(conflict.storedMembers);
    // Only the conflict list changed: households are as they were.
    expect(JSON.parse(contentDump(backend.database.db)).households).toEqual(JSON.parse(before).households);

    await backend.call('sync.resolveConflict', { id: conflict.id, choice: 'take' });
    const taken = backend.database.sqlite
      .prepare('SELECT members FROM households WHERE household_id = ?')
      .pluck()
      .get(conflict.householdId);
    expect(taken).toBe(conflict.incomingMembers);
    expect(await backend.call('sync.conflicts', {})).toEqual([]);
    const audit = backend.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE operation = 'sync.resolveConflict'")
      .pluck()
      .all();
    expect(audit).toEqual([`conflict ${conflict.id} at revision 2: took the incoming record`]);
    await expect(backend.call('sync.resolveConflict', { id: conflict.id, choice: 'keep' })).rejects.toThrow(
      /already taken/,
    );
  });

  it('imports households of an officer not assigned to their SLS, and flags them', async () => {
    const db = backend.database.db;
    seedOfficer(db, 'PPL-A');
    seedOfficer(db, 'PPL-B');
    seedAssignments(db, 'PPL-A', slsIds.slice(0, 2));
    seedAssignments(db, 'PPL-B', slsIds.slice(2, 3));
    const file = packagePath(dir, 'a');
    await writePackage(file, { officer: 'PPL-A', lines: householdsOf(slsIds.slice(0, 3), 5) });
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.counts).toEqual({ new: 15, updated: 0, unchanged: 0, stale: 0, conflict: 0, flagged: 5 });
    const flagged = backend.database.sqlite
      .prepare('SELECT DISTINCT sls_id FROM households WHERE flagged = 1')
      .pluck()
      .all();
    expect(flagged).toEqual([slsIds[2]]);
    const grid = await backend.call('sync.households', { slsId: slsIds[2] });
    expect(grid).toHaveLength(5);
    expect(grid[0]).toMatchObject({ officerCode: 'PPL-A', flagged: true, revision: 1, fileName: 'a.spsync' });
  });

  it('checks each package against the SLS master as it is now: an SLS added or removed between packages counts at once', async () => {
    const added = '3316012001990100';
    const newSls = packagePath(dir, 'new-sls');
    await writePackage(newSls, { officer: 'PPL-A', lines: householdsOf([added], 3) });
    const first = packagePath(dir, 'first');
    await writePackage(first, { officer: 'PPL-A', lines: householdsOf(slsIds.slice(0, 1), 3) });
    expect((await backend.call('sync.import', { file: { path: first } })).status).toBe('imported');
    expect((await backend.call('sync.import', { file: { path: newSls } })).errors[0]).toMatchObject({
      code: 'sls.unknown',
    });
    // The clerk adds the SLS (rule 3), then imports again.
    backend.database.sqlite
      .prepare(
        "INSERT INTO sls (sls_id, desa_kode, nama, perkiraan_kk, updated_at) VALUES (?, '33.16.01.2001', 'RT 099', 10, '')",
      )
      .run(added);
    expect((await backend.call('sync.import', { file: { path: newSls } })).status).toBe('imported');
    const removed = slsIds.at(-1)!;
    backend.database.sqlite.prepare('DELETE FROM sls WHERE sls_id = ?').run(removed);
    const gone = packagePath(dir, 'gone');
    await writePackage(gone, { officer: 'PPL-A', lines: householdsOf([removed], 1) });
    expect((await backend.call('sync.import', { file: { path: gone } })).errors[0]).toMatchObject({
      code: 'sls.unknown',
    });
  });

  it('refuses to import while the SLS master is empty, and records the refusal', async () => {
    const empty = await bloraBackend();
    const result = await empty.call('sync.import', sample('sync-rules/ok-base.spsync'));
    expect(result.status).toBe('rejected');
    expect(result.errors[0]).toMatchObject({ code: 'master.empty' });
    expect(empty.database.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(0);
    expect((await empty.call('sync.imports', { status: 'rejected' })).length).toBe(1);
  });

  it('names every bad line and field, e.g. line 7: members: expected integer, got string "4"', async () => {
    const lines: (ReturnType<typeof household> | string)[] = [...householdsOf(slsIds.slice(0, 1), 10)];
    lines[6] = JSON.stringify({ ...household(slsIds[0], 7), members: '4' });
    lines[8] = JSON.stringify({ ...household(slsIds[0], 9), nik: '3316010101010001' });
    const file = packagePath(dir, 'bad-lines');
    await writePackage(file, { officer: 'PPL-A', lines });
    const before = contentDump(backend.database.db);
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => `line ${e.line}: ${e.field}: ${e.message}`)).toEqual([
      'line 7: members: expected integer, got string "4"',
      'line 9: nik: unknown field (not allowed)',
    ]);
    expect(contentDump(backend.database.db)).toBe(before);
    const stored = await backend.call('sync.importErrors', { importId: result.importId });
    expect(stored.errors.map((e) => e.line)).toEqual([7, 9]);
  });

  it('lists errors up to a cap and says how many more there are', async () => {
    const lines = [...householdsOf(slsIds.slice(0, 3), 100)].map((h) => JSON.stringify({ ...h, revision: 0 }));
    const file = packagePath(dir, 'many');
    await writePackage(file, { officer: 'PPL-A', lines });
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.errorCount).toBe(300);
    expect(result.errors).toHaveLength(201);
    expect(result.errors[200].message).toBe('… and 100 more problems');
  });

  it('exports households as CSV with the contract columns', async () => {
    await backend.call('sync.import', sample('sync-rules/ok-base.spsync'));
    const file = await backend.call('sync.exportHouseholds', { format: 'csv' });
    const lines = exportBytes(backend, file).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('household_id,sls_id,status,members,male,female,visited_at,revision,officer_code');
    expect(lines).toHaveLength(13);
    expect(lines[1]).toMatch(/^\d{16}-\d{4},\d{16},[a-z_]+,\d+,\d+,\d+,[^,]+,2,[A-Z0-9-]+$/);
  });
});

describe('field sync: reading happens off the calling thread', () => {
  it('parses and validates in a worker thread, reporting progress back', async () => {
    const slsIds = (await seedSampleSlsMaster((await bloraBackend()).database.db)).slice(0, 100);
    const dir = tempDir();
    const file = packagePath(dir, 'threaded');
    await writePackage(file, { officer: 'PPL-A', lines: householdsOf(slsIds, 100) });
    const progress: number[] = [];
    const parsed = await parsePackageInWorker(
      { file, recordsFile: path.join(dir, 'records.tsv'), kabupaten: '33.16' },
      { stamp: 1, ids: slsIds.join(' ') },
      (p) => progress.push(p.done),
    );
    expect(parsed).toMatchObject({ ok: true, lines: 10_000 });
    expect(parsed.threadId).not.toBe(threadId);
    expect(progress.length).toBeGreaterThan(0);
    // A small package's records come back in memory; no records file was written.
    expect(parsed.records!.split('\n')).toHaveLength(10_001);
    expect(fs.existsSync(path.join(dir, 'records.tsv'))).toBe(false);
  });

  it('spills the records of a big package to the records file and reads them back in order', () => {
    const file = path.join(tempDir(), 'records.tsv');
    const output = new RecordsOutput(file, 100);
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}\n`);
    for (const line of lines) output.write(line);
    expect(output.close()).toBeNull();
    expect(fs.readFileSync(file, 'utf8')).toBe(lines.join(''));
    const small = new RecordsOutput(path.join(tempDir(), 'never.tsv'), 100);
    small.write('a\tb\n');
    small.write('c\td');
    expect([...textLines(small.close()!)]).toEqual(['a\tb', 'c\td']);
  });
});
