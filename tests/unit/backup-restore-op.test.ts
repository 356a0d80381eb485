// Restoring a backup from the UI (issue 12): backup.restore through the database threads the desktop
// and office mode run, against real SQLite files — the same checks as `pendopo restore`, a safety
// copy of the current database, and the database swapped while the app keeps answering.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../electron/api/define.js';
import { startBackendThreads, type BackendClient } from '../../electron/backend/threads.js';
import { ADMIN, testBackend } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

const started: BackendClient[] = [];
afterEach(async () => {
  for (const client of started.splice(0)) await client.close();
});

const ok = <T>(result: Awaited<ReturnType<BackendClient['call']>>) => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

const IN_BACKUP = 7; // census.quietDays when the backup is taken
const NOW = 9; // … and in the database afterwards

/** A running office (its threads) with one backup taken at quietDays 7, then changed to 9. */
async function officeWithBackup() {
  const dir = tempDir();
  const dbFile = path.join(dir, 'pendopo.db');
  const dataDir = path.join(dir, 'files');
  const client = await startBackendThreads({ dbFile, dataDir });
  started.push(client);
  ok(await client.call('settings.set', { key: 'census.quietDays', value: IN_BACKUP }, ADMIN));
  const backup = ok<{ name: string }>(await client.call('backup.create', {}, ADMIN)).name;
  ok(await client.call('settings.set', { key: 'census.quietDays', value: NOW }, ADMIN));
  const changes: ChangeEvent[] = [];
  client.onChange((event) => changes.push(event));
  const quietDays = async () =>
    ok<{ key: string; value: unknown }[]>(await client.call('settings.list', {}, ADMIN)).find(
      (s) => s.key === 'census.quietDays',
    )?.value;
  const keptAside = () => fs.readdirSync(dir).filter((name) => name.includes('.before-restore-'));
  return { dir, dbFile, dataDir, client, backup, changes, quietDays, keptAside };
}

function quietDaysIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'census.quietDays'").get() as { value: string };
    return Number(JSON.parse(row.value));
  } finally {
    db.close();
  }
}

describe('backup.restore (Pengaturan → Cadangan, admin)', () => {
  it("swaps in the backup's data while the app runs, keeps the current database aside, and ends every session", async () => {
    const office = await officeWithBackup();
    const steps: number[] = [];
    const restoring = office.client.call('backup.restore', { name: office.backup }, ADMIN, (p) => steps.push(p.done));
    // A call that arrives meanwhile waits for the swap and is answered from the restored database.
    const readMeanwhile = office.quietDays();
    const result = ok<{ backup: string; keptAside: string }>(await restoring);
    expect(result).toMatchObject({
      backup: office.backup,
      keptAside: expect.stringMatching(/^pendopo\.db\.before-restore-/),
    });
    expect(await readMeanwhile).toBe(IN_BACKUP);
    expect(await office.quietDays()).toBe(IN_BACKUP);
    expect(steps.at(-1)).toBe(3);
    // The safety copy is the database as it was just before: quietDays 9.
    expect(office.keptAside()).toEqual([result.keptAside]);
    expect(quietDaysIn(path.join(office.dir, result.keptAside))).toBe(NOW);
    // Every window is told once, touching every topic, and that sessions end.
    const restored = office.changes.filter((c) => c.operation === 'backup.restore');
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      endsSessions: true,
      topics: expect.arrayContaining(['settings', 'sync', 'audit']),
    });
    // The restored audit trail records the restore, by whom and from which backup, and still checks out.
    const trail = ok<{ rows: { operation: string; actor: string; summary: string }[] }>(
      await office.client.call('audit.page', { offset: 0, limit: 5 }, ADMIN),
    );
    expect(trail.rows[0]).toMatchObject({ operation: 'restore', summary: expect.stringContaining(office.backup) });
    expect(ok<{ ok: boolean }>(await office.client.call('backup.check', {}, ADMIN)).ok).toBe(true);
    // The app goes on writing to the restored database.
    ok(await office.client.call('settings.set', { key: 'census.quietDays', value: 8 }, ADMIN));
    expect(await office.quietDays()).toBe(8);
  });

  it.each([
    ['not a database at all', (file: string) => fs.writeFileSync(file, 'this is no backup\n'.repeat(500))],
    [
      'a backup with damaged pages',
      (file: string) => {
        const bytes = fs.readFileSync(file);
        bytes.fill(0x5a, 4096 * 3, bytes.length - 4096);
        fs.writeFileSync(file, bytes);
      },
    ],
  ])('refuses %s with a coded problem, and nothing changes', async (_what, spoil) => {
    const office = await officeWithBackup();
    const bad = path.join(office.dataDir, 'backups', 'pendopo-rusak.db');
    fs.copyFileSync(path.join(office.dataDir, 'backups', office.backup), bad);
    spoil(bad);
    const result = await office.client.call('backup.restore', { name: 'pendopo-rusak.db' }, ADMIN);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'REJECTED',
        key: expect.stringMatching(/^restore\.(damaged|notSqlite)$/),
        params: { file: 'pendopo-rusak.db' },
      },
    });
    expect(await office.quietDays()).toBe(NOW);
    expect(office.keptAside()).toEqual([]);
    expect(office.changes.filter((c) => c.endsSessions)).toEqual([]);
    ok(await office.client.call('settings.set', { key: 'census.quietDays', value: 8 }, ADMIN));
  });

  it('refuses while another program has the database open (the CLI), and the app goes on with the database it had', async () => {
    const office = await officeWithBackup();
    const cli = new Database(office.dbFile);
    cli.prepare('SELECT count(*) FROM settings').get();
    try {
      expect(await office.client.call('backup.restore', { name: office.backup }, ADMIN)).toMatchObject({
        ok: false,
        error: { code: 'REJECTED', key: 'restore.inUse' },
      });
    } finally {
      cli.close();
    }
    expect(await office.quietDays()).toBe(NOW);
    expect(office.changes.filter((c) => c.endsSessions)).toEqual([]);
    // The log file says why, like every failed operation.
    const log = fs
      .readFileSync(path.join(office.dataDir, 'logs', 'pendopo.log'), 'utf8')
      .trim()
      .split('\n');
    expect(log.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ operation: 'backup.restore', key: 'restore.inUse' }),
    );
    ok(await office.client.call('settings.set', { key: 'census.quietDays', value: 8 }, ADMIN));
    expect(await office.quietDays()).toBe(8);
    // Once the other program is gone, the same restore goes through.
    ok(await office.client.call('backup.restore', { name: office.backup }, ADMIN));
    expect(await office.quietDays()).toBe(IN_BACKUP);
  });

  it('restores an uploaded backup, kept in the backups folder; a spoilt upload is refused by its own name and not kept', async () => {
    const office = await officeWithBackup();
    const backups = path.join(office.dataDir, 'backups');
    const bytes = fs.readFileSync(path.join(backups, office.backup));
    const spoilt = Buffer.from(bytes);
    spoilt.fill(0, 0, 100);
    expect(
      await office.client.call(
        'backup.restore',
        { file: { name: 'kiriman.db', base64: spoilt.toString('base64') } },
        ADMIN,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'REJECTED', key: 'restore.notSqlite', params: { file: 'kiriman.db' } },
    });
    expect(fs.readdirSync(backups)).not.toContainEqual(expect.stringMatching(/upload/));
    expect(await office.quietDays()).toBe(NOW);

    const result = ok<{ backup: string; keptAside: string }>(
      await office.client.call(
        'backup.restore',
        { file: { name: 'kiriman.db', base64: bytes.toString('base64') } },
        ADMIN,
      ),
    );
    expect(result.backup).toBe('kiriman.db');
    expect(await office.quietDays()).toBe(IN_BACKUP);
    expect(office.keptAside()).toEqual([result.keptAside]);
    const listed = ok<{ name: string }[]>(await office.client.call('backup.list', {}, ADMIN)).map((b) => b.name);
    expect(listed).toContainEqual(expect.stringMatching(/^pendopo-upload-\d{8}-\d{6}\.db$/));
    // No temporary upload is left behind.
    expect(fs.readdirSync(path.join(office.dataDir, 'incoming'))).toEqual([]);
  });

  it('is for the admin only, and takes only a backup name from the list', async () => {
    const office = await officeWithBackup();
    for (const role of ['operator', 'koordinator', 'timzi', 'pimpinan'] as const)
      expect(
        await office.client.call('backup.restore', { name: office.backup }, { username: role, role }),
      ).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    expect(await office.client.call('backup.restore', { name: '../pendopo.db' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await office.client.call('backup.restore', { name: 'pendopo-none.db' }, ADMIN)).toMatchObject({
      ok: false,
      error: { code: 'REJECTED', key: 'restore.missing' },
    });
    expect(await office.quietDays()).toBe(NOW);
    expect(office.keptAside()).toEqual([]);
  });

  it('is refused where nothing can swap the database (the CLI in-process), which has "pendopo restore" instead', async () => {
    const backend = testBackend();
    try {
      await backend.call('backup.create', {});
      const [backup] = await backend.call('backup.list', {});
      await expect(backend.call('backup.restore', { name: backup.name })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('pendopo restore'),
      });
    } finally {
      backend.close();
    }
  });
});
