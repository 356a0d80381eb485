import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  householdsPageQuery,
  importsPageQuery,
  syncSlsPageQuery,
} from '../../electron/features/sync/sls-households-page.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';

// A regency at the size issue 13 names: 11,000 SLS and 1,000,000 households.
const SLS = 11_000;
const HOUSEHOLDS = 1_000_000;
let backend: TestBackend;
beforeAll(async () => {
  backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, {
    slsCount: SLS,
    households: HOUSEHOLDS,
    fieldStart: '2020-09-01',
    fieldDays: 20,
  });
}, 600_000);
afterAll(() => backend?.close());

function plan(q: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = q.toSQL();
  return (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}
/** A read of a whole table not in an index's order, or a sort of what was read. */
const badSteps = (lines: string[]) =>
  lines
    .filter((l) => /^SCAN (households|sls)\b/.test(l) && !/USING (COVERING )?INDEX/.test(l))
    .concat(lines.filter((l) => l.includes('TEMP B-TREE') && !l.includes('households')));

describe('Sinkronisasi lists a page at a time at 11,000 SLS / 1,000,000 households', () => {
  test('plans: SLS in id order with each count from the households index; one SLS by its index', () => {
    const db = backend.database.db;
    for (const q of [
      syncSlsPageQuery(db, { offset: 0, limit: 100, filter: {} }),
      syncSlsPageQuery(db, { offset: 5_000, limit: 100, filter: { text: '331601' } }),
    ]) {
      const lines = plan(q);
      expect(badSteps(lines), lines.join('\n')).toEqual([]);
      expect(lines.join('\n')).toMatch(/SEARCH h USING COVERING INDEX households_sls_status_idx \(sls_id=\?\)/);
    }
    const one = plan(householdsPageQuery(db, { offset: 0, limit: 100, slsId: '3316012001000100' }));
    expect(one.join('\n')).toMatch(/SEARCH households USING INDEX households_sls_status_idx \(sls_id=\?\)/);
    // Sorting one SLS's households (at most ~2,000: perkiraan_kk ≤ 2,000) by id is not a scan of the table.
    expect(one.filter((l) => /^SCAN households/.test(l))).toEqual([]);
  });

  test('an answer is small and fast, its figures the data', async () => {
    const sqlite = backend.database.sqlite;
    const started = performance.now();
    const first = await backend.call('sync.slsPage', { offset: 0, limit: 100, filter: {} });
    const ms = performance.now() - started;
    expect(first.total).toBe(SLS);
    expect(first.rows).toHaveLength(100);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(100_000);
    expect(ms).toBeLessThan(2_000); // generous for a loaded 2-core machine
    const row = first.rows[37];
    const counted = sqlite.prepare('SELECT count(*) AS n FROM households WHERE sls_id = ?').get(row.slsId) as {
      n: number;
    };
    expect(row.households).toBe(counted.n);
    expect(row.households).toBeGreaterThan(0);

    const busiest = sqlite
      .prepare('SELECT sls_id AS slsId, count(*) AS n FROM households GROUP BY sls_id ORDER BY n DESC LIMIT 1')
      .get() as { slsId: string; n: number };
    const page = await backend.call('sync.householdsPage', { slsId: busiest.slsId, offset: 0, limit: 100 });
    expect(page.total).toBe(busiest.n);
    expect(page.rows.length).toBe(Math.min(100, busiest.n));
    expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(100_000);
    const ids = page.rows.map((r) => r.householdId);
    expect(ids).toEqual([...ids].sort());

    // Arriving with an SLS chosen: its row number in the list, so the grid scrolls there.
    const far = sqlite.prepare('SELECT sls_id AS id FROM sls ORDER BY sls_id LIMIT 1 OFFSET 7321').get() as {
      id: string;
    };
    const around = await backend.call('sync.slsPage', { offset: 7300, limit: 100, filter: {}, position: far.id });
    expect(around.position).toBe(7321);
    expect(around.rows[21].slsId).toBe(far.id);
  });

  test('the import history: newest first from the primary key, filters counted over every page', async () => {
    const sqlite = backend.database.sqlite;
    const lines = plan(importsPageQuery(backend.database.db, { offset: 0, limit: 100, filter: {} }));
    expect(
      lines.filter((l) => l.includes('TEMP B-TREE')),
      lines.join('\n'),
    ).toEqual([]);
    const all = sqlite.prepare('SELECT count(*) AS n, max(id) AS last FROM sync_imports').get() as {
      n: number;
      last: number;
    };
    expect(all.n).toBeGreaterThan(100);
    const first = await backend.call('sync.importsPage', { offset: 0, limit: 100, filter: {} });
    expect(first.total).toBe(all.n);
    expect(first.rows[0].id).toBe(all.last);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(100_000);
    const officer = first.rows[0].officerCode!;
    const theirs = sqlite.prepare('SELECT count(*) AS n FROM sync_imports WHERE officer_code = ?').get(officer) as {
      n: number;
    };
    const filtered = await backend.call('sync.importsPage', { offset: 0, limit: 500, filter: { officer } });
    expect(filtered.total).toBe(theirs.n);
    expect(filtered.rows.every((r) => r.officerCode === officer)).toBe(true);
  });
});
