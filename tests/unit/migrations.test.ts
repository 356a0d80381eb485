import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/open.js';
import { loadMigrations, migrateDatabase } from '../../electron/db/migrate.js';
import { tempDir } from '../support/office-process.js';
import { localDay, zoneOfArea } from '../../common/time-zone.js';

const migrations = loadMigrations();
const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function rawDb(file: string) {
  const db = new Database(file);
  opened.push(db);
  return db;
}

describe('migrations', () => {
  it('bring a new file to the latest schema with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'new.db');
    const { sqlite, migration, close } = openDatabase(file);
    expect(migration).toEqual({ from: 0, to: migrations.length, backupFile: null });
    expect(sqlite.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    close();
  });

  it('leave an up-to-date database untouched on the next start', () => {
    const file = path.join(tempDir(), 'again.db');
    openDatabase(file).close();
    const second = openDatabase(file);
    expect(second.migration.backupFile).toBeNull();
    expect(second.migration.from).toBe(migrations.length);
    second.close();
  });

  it('refuse a database written by a newer version, naming both versions', () => {
    const file = path.join(tempDir(), 'newer.db');
    openDatabase(file).close();
    rawDb(file).pragma(`user_version = ${migrations.length + 3}`);
    expect(() => openDatabase(file)).toThrow(/newer version of Pendopo \(schema \d+, this app knows \d+\)/);
  });

  // Every migration is applied on top of a database holding data at the version before it.
  it.each(migrations.map((m) => [m.version, m.tag]))(
    'migration %i (%s) applies over data and writes a backup first',
    (version) => {
      const dir = tempDir();
      const file = path.join(dir, 'step.db');
      const db = rawDb(file);
      migrateDatabase(db, file, migrations.slice(0, version - 1));
      db.exec("CREATE TABLE IF NOT EXISTS test_marker(x); INSERT INTO test_marker VALUES ('kept')");
      const report = migrateDatabase(db, file, migrations);
      expect(report).toMatchObject({ from: version - 1, to: migrations.length });
      const backup = rawDb(report.backupFile as string);
      expect(backup.pragma('user_version', { simple: true })).toBe(version - 1);
      expect(backup.prepare('SELECT x FROM test_marker').get()).toEqual({ x: 'kept' });
      expect(db.prepare('SELECT x FROM test_marker').get()).toEqual({ x: 'kept' });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    },
  );

  it.each([
    ['33.16', 'WIB'],
    ['51.71', 'WITA'],
    ['91.71', 'WIT'],
  ])(
    'the summary migration recounts visits on the office day of %s (%s), whatever offset the tablet wrote',
    (kabupaten) => {
      const file = path.join(tempDir(), 'zone.db');
      const db = rawDb(file);
      const summary = migrations.findIndex((m) => m.tag.endsWith('_scale_summary'));
      migrateDatabase(db, file, migrations.slice(0, summary));
      db.pragma('foreign_keys = OFF');
      db.prepare("INSERT INTO settings (key, value) VALUES ('office.kabupaten', ?)").run(JSON.stringify(kabupaten));
      const insert = db.prepare(
        "INSERT INTO households (household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, package_id) VALUES (?, 'S1', 'complete', 2, 1, 1, ?, 1, 'P', 'pkg')",
      );
      const visits = [
        '2020-09-14T16:30:00Z',
        '2020-09-14T23:30:00+07:00',
        '2020-09-15T00:30:00+08:00',
        '2020-09-15T00:30:00+09:00',
        '2020-09-14T15:10:00+00:00',
      ];
      visits.forEach((visitedAt, i) => {
        insert.run(`H${i}`, visitedAt);
      });
      migrateDatabase(db, file, migrations);
      const zone = zoneOfArea(kabupaten);
      const want = new Map<string, number>();
      for (const visit of visits) want.set(localDay(visit, zone), (want.get(localDay(visit, zone)) ?? 0) + 1);
      const got = db.prepare('SELECT day, households FROM progress_sls_day ORDER BY day').all() as {
        day: string;
        households: number;
      }[];
      expect(new Map(got.map((r) => [r.day, r.households]))).toEqual(want);
    },
  );

  it('write no backup for an empty new file', () => {
    const dir = tempDir();
    openDatabase(path.join(dir, 'fresh.db')).close();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});
