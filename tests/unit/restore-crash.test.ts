import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/api/host.js';
import { backupDatabase } from '../../electron/features/backup/service.js';
import { ADMIN, testBackend } from '../support/backend.js';
import { REPO, runCliProcess, tempDir } from '../support/office-process.js';

const KILL_HOOK = path.join(REPO, 'tests/support/kill-at-step.mjs');
const OLD = 9; // census.quietDays in the database before the restore
const RESTORED = 7; // … and in the backup

/** A database whose current state (quietDays 9) differs from its backup (quietDays 7), both with audited history. */
async function officeAndBackup(): Promise<{ template: string; backup: string }> {
  const backend = testBackend();
  await backend.call('settings.set', { key: 'census.quietDays', value: RESTORED });
  const backup = path.join(tempDir(), 'backup.db');
  await backupDatabase(backend.database.sqlite, backup);
  await backend.call('settings.set', { key: 'census.quietDays', value: OLD });
  await backend.call('settings.set', { key: 'census.targetLoadKk', value: 300 });
  backend.close();
  return { template: backend.database.file, backup };
}

/** A fresh folder holding a copy of the office's database, as it was before the restore. */
function freshOffice(template: string): { dir: string; dbFile: string } {
  const dir = tempDir();
  const dbFile = path.join(dir, 'pendopo.db');
  fs.copyFileSync(template, dbFile);
  return { dir, dbFile };
}

function restoreKilledAt(dbFile: string, backup: string, step: number) {
  return runCliProcess(['--db', dbFile, 'restore', backup], {
    nodeArgs: ['--import', KILL_HOOK],
    env: { PENDOPO_KILL_DIR: path.dirname(dbFile), PENDOPO_KILL_AT: String(step) },
  });
}

/** What the office finds at its next start: which database, whether it checks out, and what was left lying around. */
async function nextStart(dbFile: string) {
  const backend = startBackend({ dbFile, mustExist: true });
  try {
    const check = (await backend.api.call('backup.check', {}, { actor: ADMIN })) as { ok: boolean };
    const quietDays = (
      backend.database.sqlite.prepare("SELECT value FROM settings WHERE key = 'census.quietDays'").get() as {
        value: string;
      }
    ).value;
    const restores = (
      backend.database.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE operation = 'restore'").get() as {
        n: number;
      }
    ).n;
    const dir = path.dirname(dbFile);
    const leftovers = fs.readdirSync(dir).filter((name) => /\.restoring|restore-journal|\.partial$|\.tmp$/.test(name));
    return { checkOk: check.ok, quietDays: Number(quietDays), restores, leftovers };
  } finally {
    backend.close();
  }
}

describe('restore killed at the wrong moment', () => {
  it('at every file step (each copy, sync, rename and removal): the next start has the old or the restored database, checked and clean', async () => {
    const { template, backup } = await officeAndBackup();
    const counted = freshOffice(template);
    const whole = await restoreKilledAt(counted.dbFile, backup, 0);
    expect(whole.code, whole.stderr).toBe(0);
    const steps = Number(/kill-at-step: (\d+) steps/.exec(whole.stderr)![1]);
    expect(steps).toBeGreaterThanOrEqual(3);

    const outcomes: string[] = [];
    for (let step = 1; step <= steps; step++) {
      const office = freshOffice(template);
      const run = await restoreKilledAt(office.dbFile, backup, step);
      expect(run.signal, `step ${step}: ${run.stderr}`).toBe('SIGKILL');
      expect(fs.existsSync(office.dbFile), `step ${step}: a database file is there`).toBe(true);
      const found = await nextStart(office.dbFile);
      expect(found.checkOk, `step ${step}`).toBe(true);
      expect(found.leftovers, `step ${step}`).toEqual([]);
      if (found.quietDays === RESTORED) expect(found.restores, `step ${step}: the restore is recorded once`).toBe(1);
      else expect(found, `step ${step}: rolled back`).toMatchObject({ quietDays: OLD, restores: 0 });
      outcomes.push(found.quietDays === RESTORED ? 'restored' : 'old');
    }
    // Killed early the old database stays; killed late the restore is completed; never anything else.
    expect(outcomes[0]).toBe('old');
    expect(outcomes.at(-1)).toBe('restored');
    expect(outcomes.join(' ')).toMatch(/^(old )*(restored ?)+$/);
  }, 600_000);

  it('"check" after a killed restore reports the database it finds, and never creates one', async () => {
    const { template, backup } = await officeAndBackup();
    const office = freshOffice(template);
    // Step 3 is inside the work (after the copy aside, before the commit).
    expect((await restoreKilledAt(office.dbFile, backup, 3)).signal).toBe('SIGKILL');
    const check = await runCliProcess(['--db', office.dbFile, '--json', 'check']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, audit: { ok: true } });

    const missing = path.join(tempDir(), 'never-created.db');
    const none = await runCliProcess(['--db', missing, 'check']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('There is no database at');
    expect(fs.existsSync(missing)).toBe(false);
    for (const command of [['audit', 'verify'], ['backup']]) {
      expect((await runCliProcess(['--db', missing, ...command])).code, command.join(' ')).toBe(1);
      expect(fs.existsSync(missing)).toBe(false);
    }
  }, 120_000);

  it('an office left without its database by the old restore (moved aside, copy unfinished) gets it back at start', async () => {
    const { template, backup } = await officeAndBackup();
    const office = freshOffice(template);
    const aside = `${office.dbFile}.before-restore-20260101-101010`;
    fs.renameSync(office.dbFile, aside);
    fs.writeFileSync(`${office.dbFile}.restoring`, fs.readFileSync(backup).subarray(0, 4096)); // half a copy
    expect(await nextStart(office.dbFile)).toEqual({ checkOk: true, quietDays: OLD, restores: 0, leftovers: [] });
  });

  it('refuses to restore over a database another Pendopo has open, changing nothing', async () => {
    const { template, backup } = await officeAndBackup();
    const office = freshOffice(template);
    const running = new Database(office.dbFile);
    running.pragma('journal_mode = WAL');
    running.prepare('SELECT count(*) FROM settings').get();
    try {
      const run = await runCliProcess(['--db', office.dbFile, 'restore', backup]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('open in another Pendopo');
    } finally {
      running.close();
    }
    expect(await nextStart(office.dbFile)).toMatchObject({ quietDays: OLD, restores: 0, leftovers: [] });
  }, 60_000);
});
