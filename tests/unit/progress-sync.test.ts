// Progress from field data that came in through the real importers, end to end: the office's SLS
// master and officers, an auto-balanced kecamatan, then generated sync packages with updates, stale
// records, conflicts and households of an unassigned SLS. The totals must reconcile at every step.
import path from 'node:path';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../electron/db/migrate.js';
import { summaryFromScratchSql } from '../../electron/features/progress/summary.js';
import { zoneOfArea } from '../../common/time-zone.js';
import type { OpOutput } from '../../electron/api/types.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { importSamples } from '../support/census.js';
import { tempDir } from '../support/office-process.js';
import { household, householdsOf, writePackage, type Household } from '../support/sync-packages.js';

const JATI = '33.16.01';
const PER_SLS = 8;

type Row = OpOutput<'progress.table'>['rows'][number];
const STATUS_KEYS = {
  complete: 'complete',
  online_verified: 'onlineVerified',
  partial: 'partial',
  refused: 'refused',
  not_found: 'notFound',
  moved: 'moved',
} as const;
const COUNT_KEYS = [
  'households',
  'estimatedHouseholds',
  'complete',
  'onlineVerified',
  'partial',
  'refused',
  'notFound',
  'moved',
  'penduduk',
  'sls',
  'quietSls',
] as const;

const kecamatanOf = (slsId: string) => `${slsId.slice(0, 2)}.${slsId.slice(2, 4)}.${slsId.slice(4, 6)}`;
const desaOf = (slsId: string) => `${kecamatanOf(slsId)}.${slsId.slice(6, 10)}`;

/** Today in Blora's zone (WIB), YYYY-MM-DD, by Intl: the office day an import made now belongs to, whatever the PC's zone. */
const localToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Jakarta' });

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('progress from real field sync imports', () => {
  let backend: TestBackend;
  let dir: string;
  /** What the office should hold: the highest revision of each household, first arrival kept on conflicts. */
  const expected = new Map<string, Household>();
  const slsOf = new Map<string, string[]>();
  let ppl: string[];
  let otherKecamatanSls: string[];
  const importedAt = new Map<string, string>();

  const sqlite = () => backend.database.sqlite;
  const all = <T>(sql: string, ...args: unknown[]) =>
    sqlite()
      .prepare(sql)
      .all(...args) as T[];
  const scalar = (sql: string, ...args: unknown[]) =>
    sqlite()
      .prepare(sql)
      .pluck()
      .get(...args) as number;

  async function importPackage(name: string, officer: string, lines: Household[]) {
    const file = path.join(dir, `${name}.spsync`);
    const manifest = await writePackage(file, { officer, lines });
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.status, name).toBe('imported');
    importedAt.set(name, (await backend.call('sync.imports', { search: String(manifest.package_id) }))[0].importedAt);
    return { result, file };
  }

  const slsRow = async (slsId: string, asOf?: string) =>
    (await backend.call('progress.table', { level: 'sls', parent: desaOf(slsId), asOf })).rows.find(
      (r) => r.kode === slsId,
    )!;
  const kecamatanRow = async (kode: string) =>
    (await backend.call('progress.dashboard', {})).field.kecamatan.find((r) => r.kode === kode)!;

  beforeAll(async () => {
    backend = await bloraBackend();
    dir = tempDir();
    await importSamples(backend);
    const proposal = await backend.call('census.assignments.propose', { kecamatan: JATI });
    await backend.call('census.assignments.applyBalance', {
      kecamatan: JATI,
      items: proposal.items.map(({ slsId, officerCode }) => ({ slsId, officerCode })),
    });
    for (const { slsId, officerCode } of proposal.items)
      slsOf.set(officerCode, [...(slsOf.get(officerCode) ?? []), slsId]);
    ppl = [...slsOf.keys()].sort();
    otherKecamatanSls = all<{ sls_id: string }>(
      "SELECT sls_id FROM sls WHERE sls_id LIKE '331602%' ORDER BY sls_id LIMIT 3",
    ).map((r) => r.sls_id);

    // Every PPL of Jati sends the households of their SLS.
    for (const officer of ppl) {
      const lines = [...householdsOf(slsOf.get(officer)!, PER_SLS)];
      await importPackage(`base-${officer}`, officer, lines);
      for (const h of lines) expected.set(h.household_id, h);
    }
    // The first PPL also reports three SLS of another kecamatan, not assigned to them: imported, flagged.
    const stray = [...householdsOf(otherKecamatanSls, PER_SLS)];
    const strayImport = await importPackage('stray', ppl[0], stray);
    expect(strayImport.result.counts).toMatchObject({ new: stray.length, flagged: stray.length });
    for (const h of stray) expected.set(h.household_id, h);
  }, 300_000);

  afterAll(() => backend?.close());

  it('applies updates, ignores stale records and keeps conflicts for a person; a package imported twice counts once', async () => {
    const [first, second] = ppl;
    const updatedSls = slsOf.get(first)!.slice(0, 2);
    const updates = updatedSls.flatMap((s) => [1, 2, 3, 4].map((n) => household(s, n, 2, n + 100)));
    expect((await importPackage('update', first, updates)).result.counts).toMatchObject({
      updated: updates.length,
      new: 0,
    });
    for (const h of updates) expected.set(h.household_id, h);

    // The tablet re-sends its old revision-1 records: stale for the updated ones, unchanged for the rest.
    const stale = updatedSls.flatMap((s) => [1, 2, 3, 4, 5, 6].map((n) => household(s, n, 1)));
    expect((await importPackage('stale', first, stale)).result.counts).toMatchObject({
      stale: 8,
      unchanged: 4,
      new: 0,
      updated: 0,
    });

    // Same revision, different content: two at revision 1 (another PPL's SLS), one at revision 2.
    const conflictSls = slsOf.get(second)![0];
    const conflicting = [
      household(conflictSls, 1, 1, 201),
      household(conflictSls, 2, 1, 202),
      household(updatedSls[0], 1, 2, 301),
    ];
    expect((await importPackage('conflict', second, conflicting)).result.counts).toMatchObject({
      conflict: 3,
      new: 0,
      updated: 0,
    });

    const again = await backend.call('sync.import', { file: { path: path.join(dir, `base-${first}.spsync`) } });
    expect(again.status).toBe('duplicate');

    expect(scalar('SELECT count(*) FROM households')).toBe(expected.size);
    expect((await backend.call('progress.dashboard', {})).field.openConflicts).toBe(3);
  });

  it('reconciles: kecamatan add up to the regency, households counted = stored = sent, by status as sent', async () => {
    const dashboard = await backend.call('progress.dashboard', {});
    const regency = dashboard.field.regency!;
    expect(regency.households).toBe(expected.size);
    expect(regency.households).toBe(scalar('SELECT count(*) FROM households'));
    expect(regency.sls).toBe(scalar('SELECT count(*) FROM sls'));
    for (const key of COUNT_KEYS)
      expect(
        dashboard.field.kecamatan.reduce((s, k) => s + k[key], 0),
        key,
      ).toBe(regency[key]);

    // Per kecamatan and status, exactly what the packages said once rules 4 and 5 are applied.
    const byKecamatan = new Map<string, Record<string, number>>();
    for (const h of expected.values()) {
      const counts = byKecamatan.get(kecamatanOf(h.sls_id)) ?? {};
      counts[STATUS_KEYS[h.status]] = (counts[STATUS_KEYS[h.status]] ?? 0) + 1;
      byKecamatan.set(kecamatanOf(h.sls_id), counts);
    }
    expect([...byKecamatan.keys()].sort()).toEqual([JATI, '33.16.02']);
    for (const row of dashboard.field.kecamatan) {
      const want = byKecamatan.get(row.kode) ?? {};
      for (const key of Object.values(STATUS_KEYS)) expect(row[key], `${row.kode} ${key}`).toBe(want[key] ?? 0);
    }
    // Every other level counts every stored household once.
    for (const level of ['desa', 'sls', 'ppl', 'pml', 'koseka'] as const) {
      const table = await backend.call('progress.table', { level });
      expect(
        table.rows.reduce((s, r) => s + r.households, 0),
        level,
      ).toBe(expected.size);
    }
    // The flagged households sit in an SLS nobody holds: the officer levels show them as unassigned.
    const unassigned = (await backend.call('progress.table', { level: 'ppl' })).rows.find((r) => r.kode === '-')!;
    expect(unassigned.households).toBe(otherKecamatanSls.length * PER_SLS);
  });

  it('keeps the progress summary equal to a fresh GROUP BY over households', () => {
    expect(all('SELECT sls_id, day, status, households, members FROM progress_sls_day ORDER BY 1, 2, 3')).toEqual(
      all(`${summaryFromScratchSql(zoneOfArea('33.16'))} ORDER BY 1, 2, 3`),
    );
  });

  it('dates each SLS by the last accepted package that wrote to it, not by stale, unchanged or conflicting ones', async () => {
    const [first, second] = ppl;
    const updated = slsOf.get(first)![0];
    const untouchedByUpdate = slsOf.get(first)![2];
    const conflicted = slsOf.get(second)![0];
    expect((await slsRow(updated)).lastSyncAt).toBe(importedAt.get('update'));
    expect((await slsRow(untouchedByUpdate)).lastSyncAt).toBe(importedAt.get(`base-${first}`));
    expect((await slsRow(conflicted)).lastSyncAt).toBe(importedAt.get(`base-${second}`));
    expect((await slsRow(otherKecamatanSls[0])).lastSyncAt).toBe(importedAt.get('stray'));
    expect((await kecamatanRow(JATI)).lastSyncAt).toBe(importedAt.get('update'));
    // The kept table equals the definition computed from scratch: households.package_id → sync_imports.
    expect(all('SELECT sls_id, imported_at FROM sls_last_sync ORDER BY sls_id')).toEqual(all(LAST_SYNC_FROM_SCRATCH));
  });

  it('calls an SLS quiet when no package wrote to it for the set days, whatever the visit dates say', async () => {
    const today = localToday();
    await backend.call('settings.set', { key: 'census.fieldStart', value: addDays(today, -10) });
    await backend.call('settings.set', { key: 'census.fieldEnd', value: addDays(today, 20) });
    await backend.call('settings.set', { key: 'census.quietDays', value: 3 });
    const synced = slsOf.get(ppl[0])![0];
    // Visited in September 2020 (the packages' visit dates), synced today: not quiet today, quiet in three days.
    expect((await slsRow(synced, today)).lastDay).toMatch(/^2020-09-/);
    expect((await slsRow(synced, today)).quietSls).toBe(0);
    expect((await slsRow(synced, addDays(today, 3))).quietSls).toBe(1);

    const neverSynced = scalar(
      'SELECT count(*) FROM sls WHERE perkiraan_kk > 0 AND sls_id NOT IN (SELECT sls_id FROM households)',
    );
    const underCovered = scalar(
      `SELECT count(*) FROM sls s WHERE s.perkiraan_kk > 0
          AND (SELECT count(*) FROM households h WHERE h.sls_id = s.sls_id AND h.status IN ('complete', 'online_verified')) < s.perkiraan_kk`,
    );
    const now = await backend.call('progress.dashboard', { asOf: today });
    expect(now.field.quiet.count).toBe(neverSynced);
    expect(now.field.regency!.quietSls).toBe(neverSynced);
    expect(now.field.quiet.listed[0].daysQuiet).toBe(10);
    const later = await backend.call('progress.dashboard', { asOf: addDays(today, 3) });
    expect(later.field.quiet.count).toBe(underCovered);
    expect(later.field.quiet.count).toBeGreaterThan(neverSynced);
  });

  it('moves the counts at every level when a conflict is resolved by taking the incoming record', async () => {
    const conflicts = await backend.call('sync.conflicts', {});
    const conflict = conflicts.find((c) => c.revision === 1 && c.incomingStatus !== c.storedStatus)!;
    const slsId = backend.database.sqlite
      .prepare('SELECT sls_id FROM households WHERE household_id = ?')
      .pluck()
      .get(conflict.householdId) as string;
    const from = STATUS_KEYS[conflict.storedStatus];
    const to = STATUS_KEYS[conflict.incomingStatus];
    const before = {
      sls: await slsRow(slsId),
      kecamatan: await kecamatanRow(JATI),
      regency: (await backend.call('progress.dashboard', {})).field.regency!,
    };

    await backend.call('sync.resolveConflict', { id: conflict.id, choice: 'take' });

    const after = {
      sls: await slsRow(slsId),
      kecamatan: await kecamatanRow(JATI),
      regency: (await backend.call('progress.dashboard', {})).field.regency!,
    };
    for (const level of ['sls', 'kecamatan', 'regency'] as const) {
      const moved = (row: Row, key: keyof Row) => (row[key] as number) - (before[level][key] as number);
      expect(moved(after[level], from), `${level} ${from}`).toBe(-1);
      expect(moved(after[level], to), `${level} ${to}`).toBe(1);
      expect(moved(after[level], 'households'), level).toBe(0);
    }
    // The household now comes from the conflicting package, so that package last touched its SLS.
    expect(after.sls.lastSyncAt).toBe(importedAt.get('conflict'));
    expect(all('SELECT sls_id, imported_at FROM sls_last_sync ORDER BY sls_id')).toEqual(all(LAST_SYNC_FROM_SCRATCH));
    expect(all('SELECT sls_id, day, status, households, members FROM progress_sls_day ORDER BY 1, 2, 3')).toEqual(
      all(`${summaryFromScratchSql(zoneOfArea('33.16'))} ORDER BY 1, 2, 3`),
    );

    // Keeping the stored record of another changes no count; the open conflicts go down one by one.
    const kept = conflicts.find((c) => c.id !== conflict.id)!;
    await backend.call('sync.resolveConflict', { id: kept.id, choice: 'keep' });
    const final = await backend.call('progress.dashboard', {});
    for (const key of COUNT_KEYS)
      if (key !== 'quietSls') expect(final.field.regency![key], key).toBe(after.regency[key]);
    expect(final.field.openConflicts).toBe(1);
  });

  it('fills the last sync of data imported before it was kept (the backfill migration gives the same table)', () => {
    const kept = all('SELECT * FROM sls_last_sync ORDER BY sls_id');
    const backfill = loadMigrations().find((m) => m.tag.endsWith('_sync_sls_last_backfill'))!;
    sqlite().exec('DELETE FROM sls_last_sync');
    for (const statement of backfill.statements) sqlite().exec(statement);
    expect(all('SELECT * FROM sls_last_sync ORDER BY sls_id')).toEqual(kept);
  });
});

const LAST_SYNC_FROM_SCRATCH = `
  SELECT h.sls_id, max(i.imported_at) AS imported_at
    FROM households h JOIN sync_imports i ON i.package_id = h.package_id AND i.status = 'imported'
   GROUP BY h.sls_id ORDER BY h.sls_id`;
