// The database threads of the desktop app and office mode: one writer, readers with their own
// connections, change events after each committed write.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../electron/api/define.js';
import { startBackend } from '../../electron/api/host.js';
import { startBackendThreads, type BackendClient } from '../../electron/backend/threads.js';
import { ADMIN } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { householdsOf, writePackage } from '../support/sync-packages.js';

const started: BackendClient[] = [];
afterEach(async () => {
  for (const client of started.splice(0)) await client.close();
});

async function threads(dir = tempDir()) {
  const client = await startBackendThreads({ dbFile: path.join(dir, 'p.db'), dataDir: path.join(dir, 'files') });
  started.push(client);
  return { client, dir, dbFile: path.join(dir, 'p.db') };
}

const ok = <T>(result: Awaited<ReturnType<BackendClient['call']>>) => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

describe('database threads (desktop and office mode)', () => {
  it('answer calls, with typed errors; a call after they stopped answers at once', async () => {
    const { client } = await threads();
    expect(await client.call('wilayah.office.get', {}, ADMIN)).toEqual({ ok: true, value: null });
    expect(await client.call('wilayah.office.setup', { kabupaten: '33.16' }, ADMIN)).toMatchObject({
      ok: true,
      value: { kecamatan: 16, desa: 295 },
    });
    // The write is committed before its answer, so the next read (on a reader's connection) sees it.
    expect(await client.call('wilayah.office.get', {}, ADMIN)).toMatchObject({
      ok: true,
      value: { kabupaten: '33.16' },
    });
    expect(await client.call('no.such', {}, ADMIN)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(client.isPublic('users.auth.login')).toBe(true);
    expect(client.isPublic('sync.import')).toBe(false);
    await client.close();
    expect(await client.call('wilayah.office.get', {}, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('restart Pendopo') },
    });
  });

  it('report why they cannot open a database from a newer version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    await expect(startBackendThreads({ dbFile: file, dataDir: dir })).rejects.toMatchObject({
      code: 'DATABASE_TOO_NEW',
    });
  });

  it('answer reads while a long import is being written, and announce the write once it is committed', async () => {
    const { client, dir, dbFile } = await threads();
    ok(await client.call('wilayah.office.setup', { kabupaten: '33.16' }, ADMIN));
    // The SLS master straight into the file (another connection): the writer sees it at its next call.
    const { bloraMaster } = await seedIntoFile(dbFile);
    const big = path.join(dir, 'big.spsync');
    await writePackage(big, { officer: 'PPL-A', lines: householdsOf(bloraMaster.slice(0, 1000), 150) });
    const changes: ChangeEvent[] = [];
    client.onChange((event) => changes.push(event));
    const events: string[] = [];
    let writing!: () => void;
    const writeStarted = new Promise<void>((resolve) => (writing = resolve));
    const imported = client
      .call(
        'sync.import',
        { file: { name: 'big.spsync', base64: fs.readFileSync(big).toString('base64') } },
        ADMIN,
        (p) => {
          if (p.label === 'apply') writing();
        },
      )
      .then((result) => {
        events.push('import answered');
        return result;
      });
    // Once the writer is inside the import's transaction, a reader still answers, from the last commit.
    await writeStarted;
    const dashboard = ok<{ field: { regency: { households: number } } }>(
      await client.call('progress.dashboard', {}, ADMIN),
    );
    events.push('dashboard answered');
    expect(dashboard.field.regency.households).toBe(0);
    expect(changes.filter((c) => c.operation === 'sync.import')).toEqual([]);
    expect(ok<{ status: string }>(await imported).status).toBe('imported');
    expect(events).toEqual(['dashboard answered', 'import answered']);
    expect(changes.find((c) => c.operation === 'sync.import')).toMatchObject({
      topics: expect.arrayContaining(['sync', 'progress', 'audit']),
    });
    const after = ok<{ field: { regency: { households: number } } }>(
      await client.call('progress.dashboard', {}, ADMIN),
    );
    expect(after.field.regency.households).toBe(150_000);
  });

  it('announce writes committed by another process (the CLI importing while office mode runs)', async () => {
    const { client, dbFile } = await threads();
    ok(await client.call('wilayah.office.setup', { kabupaten: '33.16' }, ADMIN));
    const changes: ChangeEvent[] = [];
    client.onChange((event) => changes.push(event));
    // Another process (here: another connection) commits: the writer notices within its watch interval.
    await seedIntoFile(dbFile);
    await expect.poll(() => changes.map((c) => c.operation), { timeout: 20_000 }).toContain('external');
  });
});

describe('connections', () => {
  it("a reader's connection refuses to write", async () => {
    const dir = tempDir();
    const writer = startBackend({ dbFile: path.join(dir, 'p.db') });
    const reader = startBackend({ dbFile: path.join(dir, 'p.db'), reader: true });
    await expect(reader.api.call('wilayah.office.setup', { kabupaten: '33.16' }, { actor: ADMIN })).rejects.toThrow(
      /readonly/,
    );
    expect(await reader.api.call('wilayah.office.get', {}, { actor: ADMIN })).toBeNull();
    reader.close();
    writer.close();
  });

  it('a big write leaves no big WAL behind', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'p.db');
    const backend = startBackend({ dbFile, bigWalBytes: 1024 * 1024 });
    await backend.api.call('wilayah.office.setup', { kabupaten: '33.16' }, { actor: ADMIN });
    const master = await seedSampleSlsMaster(backend.database.db);
    const file = path.join(dir, 'a.spsync');
    await writePackage(file, { officer: 'PPL-A', lines: householdsOf(master.slice(0, 200), 100) });
    expect(
      await backend.api.call('sync.import', { file: { path: file } }, { actor: ADMIN, trusted: true }),
    ).toMatchObject({ status: 'imported' });
    // 20,000 households write several MB of WAL; the commit checkpointed and truncated it.
    expect(fs.statSync(`${dbFile}-wal`).size).toBeLessThan(1024 * 1024);
    expect(backend.database.sqlite.prepare('SELECT count(*) FROM households').pluck().get()).toBe(20_000);
    backend.close();
  });
});

/** Writes the sample SLS master into the database file through its own connection, as another process would. */
async function seedIntoFile(dbFile: string) {
  const { openDatabase } = await import('../../electron/db/open.js');
  const other = openDatabase(dbFile);
  try {
    return { bloraMaster: await seedSampleSlsMaster(other.db) };
  } finally {
    other.close();
  }
}
