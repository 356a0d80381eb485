import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  backupDatabase,
  checkDatabaseFile,
  listBackups,
  pruneAutoBackups,
} from '../../electron/features/backup/service.js';
import { restoreDatabase } from '../../electron/features/backup/restore.js';
import { startAutoBackups } from '../../electron/features/backup/schedule.js';
import { registerStoredFile } from '../../electron/files/stored-files.js';
import { testBackend } from '../support/backend.js';
import { runCliInProcess } from '../support/cli.js';
import { tempDir } from '../support/office-process.js';

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('backups', () => {
  it('round-trip: a backup taken while data is being written restores to a consistent, verifiable database', async () => {
    const backend = testBackend();
    const sqlite = backend.database.sqlite;
    sqlite.exec('CREATE TABLE load_test (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)');
    const insert = sqlite.prepare('INSERT INTO load_test (payload) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`row ${i} ${'x'.repeat(200)}`);
    })();
    // Keep writing (audited operations and bulk rows) while the online backup copies pages.
    const target = path.join(tempDir(), 'during.db');
    let writes = 0;
    const backup = backupDatabase(sqlite, target).finally(() => {
      writing = false;
    });
    let writing = true;
    while (writing) {
      await backend.call('settings.set', { key: 'census.quietDays', value: (writes % 80) + 1 });
      insert.run(`late ${writes}`);
      writes++;
      await new Promise((r) => setImmediate(r));
    }
    await backup;
    expect(writes).toBeGreaterThan(0);
    expect(checkDatabaseFile(target)).toMatchObject({ ok: true, integrity: ['ok'] });

    const rows = count(sqlite, 'SELECT count(*) AS n FROM load_test');
    const auditRows = count(sqlite, 'SELECT count(*) AS n FROM audit_log');
    await backend.call('settings.set', { key: 'census.quietDays', value: 90 }); // after the backup: must be gone after restore
    backend.close();

    const { keptAside } = restoreDatabase(backend.database.file, target, { actor: 'tester' });
    expect(keptAside && fs.existsSync(keptAside)).toBe(true);
    const restored = testBackend(backend.dir);
    const copy = restored.database.sqlite;
    // The backup holds a whole transaction-consistent state from some moment during the writes.
    const copiedRows = count(copy, 'SELECT count(*) AS n FROM load_test');
    expect(copiedRows).toBeGreaterThanOrEqual(20_000);
    expect(copiedRows).toBeLessThanOrEqual(rows);
    expect(count(copy, 'SELECT count(*) AS n FROM audit_log')).toBeLessThanOrEqual(auditRows + 1);
    // Opening the restored database recorded the restore, and the head of the chain it replaced.
    expect(copy.prepare('SELECT operation, actor, before FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({
      operation: 'restore',
      actor: 'tester',
      before: expect.stringMatching(/^chain head \d+:[0-9a-f]{64}$/),
    });
    expect((await restored.call('settings.list', {})).find((s) => s.key === 'census.quietDays')?.value).not.toBe(90);
    expect(await restored.call('audit.verify', {})).toMatchObject({ ok: true });
    // The database kept aside still has everything, including the last change.
    const aside = new Database(keptAside!, { readonly: true });
    expect(aside.prepare("SELECT value FROM settings WHERE key = 'census.quietDays'").get()).toEqual({ value: '90' });
    aside.close();
    restored.close();
  });

  it('refuses to restore a file that is not a sound Pendopo database, changing nothing', () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'pendopo.db');
    const backend = testBackend(dir);
    backend.close();
    const before = fs.readFileSync(dbFile);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'SQLite format 3\0 but not really');
    expect(() => restoreDatabase(dbFile, junk, { actor: 'tester' })).toThrow(/cannot be read as a database/);
    const other = path.join(dir, 'other.db');
    new Database(other).exec('CREATE TABLE x (a)');
    expect(() => restoreDatabase(dbFile, other, { actor: 'tester' })).toThrow(/not a Pendopo database/);
    expect(fs.readFileSync(dbFile).equals(before)).toBe(true);
  });

  it('keeps only the last M automatic backups and takes one at start', async () => {
    const backend = testBackend();
    await backend.call('settings.set', { key: 'backup.keep', value: 2 });
    for (const stamp of ['20260101-000000', '20260102-000000', '20260103-000000']) {
      fs.mkdirSync(path.join(backend.dataDir, 'backups'), { recursive: true });
      fs.writeFileSync(path.join(backend.dataDir, 'backups', `pendopo-auto-${stamp}.db`), '');
    }
    fs.writeFileSync(path.join(backend.dataDir, 'backups', 'pendopo-20250101-000000.db'), ''); // manual: never pruned
    const auto = startAutoBackups(backend.database.db, backend.dataDir);
    await auto.first;
    auto.stop();
    const names = listBackups(backend.dataDir).map((b) => b.name);
    expect(names.filter((n) => n.startsWith('pendopo-auto-'))).toHaveLength(2);
    expect(names).not.toContain('pendopo-auto-20260101-000000.db');
    expect(names).toContain('pendopo-20250101-000000.db');
    expect(pruneAutoBackups(backend.dataDir, 1)).toHaveLength(1);
    backend.close();
  });

  it('CLI: backup --out, check (integrity, audit, stored files) and restore', async () => {
    const backend = testBackend();
    await backend.call('settings.set', { key: 'census.quietDays', value: 7 });
    const scan = path.join(backend.dataDir, 'evidence', 'pakta-001.pdf');
    fs.mkdirSync(path.dirname(scan), { recursive: true });
    fs.writeFileSync(scan, 'signed pact scan');
    registerStoredFile(backend.database.db, backend.dataDir, scan);
    backend.close();
    const db = backend.database.file;
    const out = path.join(tempDir(), 'manual.db');
    const backup = await runCliInProcess(['--db', db, 'backup', '--out', out]);
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${out}`);

    const ok = await runCliInProcess(['--db', db, 'check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Stored files: 1 checked, 0 problems');
    fs.writeFileSync(scan, 'a different scan');
    const changed = await runCliInProcess(['--db', db, 'check']);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('evidence/pakta-001.pdf: changed');

    const restore = await runCliInProcess(['--db', db, 'restore', out]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/Restored .*manual\.db; the previous database is kept as .*before-restore/);
    const verify = await runCliInProcess(['--db', db, 'audit', 'verify']);
    expect(verify.code).toBe(0);
    const bad = await runCliInProcess(['--db', db, 'restore', path.join(tempDir(), 'missing.db')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('does not exist');
  });
});
