import { describe, expect, it } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';
import { rebuildProgressSummary, summaryFromScratchSql } from '../../electron/features/progress/summary.js';
import { zoneOfArea } from '../../common/time-zone.js';
import { exportBytes } from '../support/exports.js';

const FIELD = { fieldStart: '2020-09-01', fieldDays: 30 };

function sqlCount(
  backend: { database: { sqlite: { prepare(sql: string): { pluck(): { get(): unknown } } } } },
  sql: string,
): number {
  return backend.database.sqlite.prepare(sql).pluck().get() as number;
}

describe('field coverage', () => {
  it('reconciles: kecamatan add up to the regency, every level counts every stored household', async () => {
    const backend = await bloraBackend();
    const generated = generateCensusData(backend.database.sqlite, {
      slsCount: 1500,
      households: 60_000,
      ...FIELD,
      visitedShare: 0.7,
    });
    const stored = sqlCount(backend, 'SELECT count(*) FROM households');
    expect(generated.households).toBe(stored);
    const dashboard = await backend.call('progress.dashboard', { asOf: '2020-09-20' });
    const regency = dashboard.field.regency!;
    expect(regency.households).toBe(stored);
    expect(regency.sls).toBe(1500);
    expect(regency.estimatedHouseholds).toBe(sqlCount(backend, 'SELECT sum(perkiraan_kk) FROM sls'));
    expect(regency.complete).toBe(sqlCount(backend, "SELECT count(*) FROM households WHERE status = 'complete'"));
    expect(regency.refused).toBe(generated.byStatus.refused);
    for (const key of [
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
    ] as const) {
      expect(
        dashboard.field.kecamatan.reduce((s, k) => s + k[key], 0),
        key,
      ).toBe(regency[key]);
    }
    for (const level of ['desa', 'sls', 'ppl', 'pml', 'koseka'] as const) {
      const table = await backend.call('progress.table', { level, asOf: '2020-09-20' });
      expect(
        table.rows.reduce((s, r) => s + r.households, 0),
        level,
      ).toBe(stored);
    }
    // The daily trend counts the covered households once each.
    expect(dashboard.field.trend.cumulative.at(-1)).toBe(regency.complete + regency.onlineVerified);
    expect(dashboard.field.kecamatan).toHaveLength(16);
    backend.close();
  });

  it('drills kecamatan → desa → SLS and PML → PPL → SLS; coverage is capped for display only', async () => {
    const backend = await bloraBackend();
    generateCensusData(backend.database.sqlite, { slsCount: 600, households: 20_000, ...FIELD });
    const sqlite = backend.database.sqlite;
    // One SLS over-covered: more households than its estimate.
    const over = sqlite
      .prepare("SELECT sls_id FROM sls WHERE sls_id LIKE '3316012001%' ORDER BY sls_id LIMIT 1")
      .pluck()
      .get() as string;
    sqlite.prepare('UPDATE sls SET perkiraan_kk = 5 WHERE sls_id = ?').run(over);
    const desa = await backend.call('progress.table', { level: 'desa', parent: '33.16.01' });
    expect(desa.rows.length).toBeGreaterThan(5);
    expect(desa.rows.every((r) => r.kode.startsWith('33.16.01.'))).toBe(true);
    const sls = await backend.call('progress.table', { level: 'sls', parent: '33.16.01.2001' });
    const overRow = sls.rows.find((r) => r.kode === over)!;
    expect(overRow.coveragePct!).toBeGreaterThan(100);
    expect(overRow.coverageShownPct).toBe(100);
    const pml = (await backend.call('progress.table', { level: 'pml' })).rows[0];
    const ppl = await backend.call('progress.table', { level: 'ppl', parent: pml.kode });
    expect(ppl.rows.reduce((s, r) => s + r.households, 0)).toBe(pml.households);
    const underPpl = await backend.call('progress.table', { level: 'sls', parent: ppl.rows[0].kode });
    expect(underPpl.rows.reduce((s, r) => s + r.households, 0)).toBe(ppl.rows[0].households);
    backend.close();
  });

  it('rebuilds the summary exactly after a writer that bypassed it (hand edits, scripts)', async () => {
    const backend = await bloraBackend();
    generateCensusData(backend.database.sqlite, { slsCount: 300, households: 9_000, ...FIELD });
    const sqlite = backend.database.sqlite;
    const summary = () =>
      sqlite.prepare('SELECT sls_id, day, status, households, members FROM progress_sls_day ORDER BY 1, 2, 3').all();
    const truth = () => sqlite.prepare(`${summaryFromScratchSql(zoneOfArea('33.16'))} ORDER BY 1, 2, 3`).all();
    expect(summary()).toEqual(truth());
    sqlite
      .prepare(
        "UPDATE households SET status = 'complete', visited_at = '2020-09-29T17:10:00Z' WHERE household_id IN (SELECT household_id FROM households WHERE status = 'refused' LIMIT 50)",
      )
      .run();
    sqlite.prepare('UPDATE households SET members = members + 1 WHERE rowid % 7 = 0').run();
    sqlite.prepare('DELETE FROM households WHERE rowid % 11 = 0').run();
    expect(summary()).not.toEqual(truth());
    rebuildProgressSummary(backend.database.db);
    expect(summary()).toEqual(truth());
    // 17.10 UTC is 00.10 WIB on the 30th: counted on the office's day.
    expect(
      sqlite
        .prepare("SELECT sum(households) FROM progress_sls_day WHERE day = '2020-09-30' AND status = 'complete'")
        .pluck()
        .get(),
    ).toBeGreaterThanOrEqual(50);
    backend.close();
  });

  it('shows expected-by-today from the field dates and lists quiet SLS', async () => {
    const backend = await bloraBackend();
    generateCensusData(backend.database.sqlite, {
      slsCount: 300,
      households: 6_000,
      fieldStart: '2020-09-01',
      fieldDays: 10,
      visitedShare: 0.5,
    });
    await backend.call('settings.set', { key: 'census.fieldStart', value: '2020-09-01' });
    await backend.call('settings.set', { key: 'census.fieldEnd', value: '2020-09-30' });
    await backend.call('settings.set', { key: 'census.quietDays', value: 5 });
    const early = await backend.call('progress.dashboard', { asOf: '2020-09-15' });
    expect(early.plan.expectedPct).toBeCloseTo(50, 5);
    expect(early.field.regency!.aheadPct).toBeCloseTo(Math.min(100, early.field.regency!.coveragePct!) - 50, 5);
    const late = await backend.call('progress.dashboard', { asOf: '2020-10-31' });
    expect(late.plan.expectedPct).toBe(100);
    // Nothing was visited after 2020-09-10 and every SLS is under-covered: all quiet by the end of October.
    expect(late.field.quiet.count).toBe(300);
    expect(late.field.quiet.listed[0].daysQuiet).toBeGreaterThanOrEqual(21);
    const before = await backend.call('progress.dashboard', { asOf: '2020-09-03' });
    expect(before.field.quiet.count).toBeLessThan(300);
    backend.close();
  });

  it('exports exactly the contract columns in CSV and a readable XLSX', async () => {
    const backend = await bloraBackend();
    generateCensusData(backend.database.sqlite, { slsCount: 300, households: 6_000, ...FIELD });
    const csv = await backend.call('progress.export', { level: 'kecamatan', format: 'csv' });
    const lines = exportBytes(backend, csv).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'kode,nama,perkiraan_kk,complete,online_verified,partial,refused,not_found,moved,coverage_pct',
    );
    expect(lines).toHaveLength(17);
    const sum = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[3]), 0);
    expect(sum).toBe(
      backend.database.sqlite.prepare("SELECT count(*) FROM households WHERE status = 'complete'").pluck().get(),
    );
    const xlsx = await backend.call('progress.export', { level: 'ppl', format: 'xlsx' });
    expect(exportBytes(backend, xlsx).subarray(0, 2).toString()).toBe('PK');
    const pdf = await backend.call('progress.dailyReport', {});
    expect(exportBytes(backend, pdf).subarray(0, 5).toString()).toBe('%PDF-');
    backend.close();
  });
});
