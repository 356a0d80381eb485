import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackendWorker } from '../../electron/main/backend-client.js';
import { ADMIN } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

const workerScript = new URL('../support/backend-worker-ts.mjs', import.meta.url);

describe('backend worker (the thread that owns the database in the desktop app)', () => {
  it('answers calls, with progress and typed errors', async () => {
    const dir = tempDir();
    const client = await startBackendWorker(workerScript, { dbFile: path.join(dir, 'p.db'), dataDir: path.join(dir, 'files') });
    expect(await client.call('office.get', {}, ADMIN)).toEqual({ ok: true, value: null });
    const setup = await client.call('office.setup', { kabupaten: '33.16' }, ADMIN);
    expect(setup).toMatchObject({ ok: true, value: { kecamatan: 16, desa: 295 } });
    expect(await client.call('no.such', {}, ADMIN)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    await client.close();
    // A call after the worker stopped answers at once instead of hanging the window.
    expect(await client.call('office.get', {}, ADMIN)).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('restart Pendopo') } });
  });

  it('reports why it cannot open a database from a newer version', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'newer.db');
    const db = new Database(file);
    db.pragma('user_version = 9999');
    db.close();
    await expect(startBackendWorker(workerScript, { dbFile: file, dataDir: dir })).rejects.toMatchObject({ code: 'DATABASE_TOO_NEW' });
  });
});
