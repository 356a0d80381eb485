import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { slsPageQuery, slsTotalQuery, type SlsPageQuery } from '../../electron/features/census/sls-page.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';

// Kabupaten Magelang's size: 11,000 SLS. The SLS list never reads households, so a modest number
// of them is generated here (the census generator's visits), not the regency's million.
const SLS = 11_000;
let backend: TestBackend;
beforeAll(async () => {
  backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, {
    slsCount: SLS,
    households: 22_000,
    fieldStart: '2020-09-01',
    fieldDays: 10,
  });
}, 120_000);
afterAll(() => backend?.close());

const page = (query: Partial<SlsPageQuery>) =>
  backend.call('census.sls.page', { offset: 0, limit: 100, filter: {}, ...query });

function plan(q: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = q.toSQL();
  return (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map(
    (r) => r.detail,
  );
}
/** A full read of sls: a SCAN not in an index's order (the page then stops after its rows). */
const fullScan = (lines: string[]) => lines.filter((l) => /^SCAN sls\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));
const sorted = (lines: string[]) => lines.filter((l) => l.includes('TEMP B-TREE'));

describe('sls.page: the census frame a page at a time', () => {
  test('the query plans read an index in the asked order; no temp B-tree for the sorts', () => {
    const db = backend.database.db;
    const queries: SlsPageQuery[] = [
      { offset: 0, limit: 100, filter: {} },
      { offset: 0, limit: 100, filter: { kecamatan: '33.16.01' } },
      { offset: 0, limit: 100, filter: { desa: '33.16.01.2001' } },
      { offset: 0, limit: 100, filter: { text: '3316012' } },
      { offset: 200, limit: 100, sort: { field: 'nama', dir: 'desc' }, filter: {} },
      { offset: 0, limit: 100, sort: { field: 'estimatedHouseholds', dir: 'asc' }, filter: {} },
    ];
    for (const query of queries) {
      const lines = plan(slsPageQuery(db, query));
      expect(fullScan(lines), JSON.stringify({ query, lines })).toEqual([]);
      expect(sorted(lines), JSON.stringify({ query, lines })).toEqual([]);
    }
    for (const filter of [{ kecamatan: '33.16.01' }, { desa: '33.16.01.2001' }]) {
      const lines = plan(slsTotalQuery(db, filter));
      expect(fullScan(lines), JSON.stringify(lines)).toEqual([]);
      expect(lines.join('\n')).toMatch(/SEARCH sls USING INDEX/);
    }
  });

  test('a page is small and fast at 11,000 SLS, with the total over all pages', async () => {
    const started = performance.now();
    const block = await page({ limit: 100 }); // the grid's block
    const ms = performance.now() - started;
    expect(block.total).toBe(SLS);
    expect(block.rows).toHaveLength(100);
    expect(Buffer.byteLength(JSON.stringify(block))).toBeLessThan(30_000);
    // Generous for a loaded 2-core machine; the whole list was 3.2 MB before.
    expect(ms).toBeLessThan(2_000);
    const first = await page({ limit: 500 }); // the most a page may ask for
    expect(first.rows).toHaveLength(500);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(150_000);
    const all = backend.database.sqlite.prepare('SELECT sum(perkiraan_kk) AS kk FROM sls').get() as { kk: number };
    expect(first.kk).toBe(all.kk);
    const ids = first.rows.map((r) => r.slsId);
    expect(ids).toEqual([...ids].sort());
    const next = await page({ offset: 500, limit: 500 });
    expect(next.rows[0].slsId > ids[499]).toBe(true);
  });

  test('filters, sorts and pages agree with the data', async () => {
    const sqlite = backend.database.sqlite;
    const inKecamatan = sqlite
      .prepare(
        "SELECT count(*) AS n FROM sls s JOIN desa d ON d.kode = s.desa_kode WHERE d.kecamatan_kode = '33.16.01'",
      )
      .get() as { n: number };
    const kec = await page({ filter: { kecamatan: '33.16.01' }, limit: 500 });
    expect(kec.total).toBe(inKecamatan.n);
    expect(kec.rows.every((r) => r.kecamatanKode === '33.16.01')).toBe(true);

    const byKk = await page({ sort: { field: 'estimatedHouseholds', dir: 'desc' }, limit: 50 });
    const max = sqlite.prepare('SELECT max(perkiraan_kk) AS m FROM sls').get() as { m: number };
    expect(byKk.rows[0].estimatedHouseholds).toBe(max.m);
    expect(byKk.rows.map((r) => r.estimatedHouseholds)).toEqual(
      byKk.rows.map((r) => r.estimatedHouseholds).sort((a, b) => b - a),
    );

    const someone = kec.rows.find((r) => r.pplKode)!;
    const held = sqlite
      .prepare('SELECT count(*) AS n FROM assignments WHERE officer_kode = ? AND end_date IS NULL')
      .get(someone.pplKode) as { n: number };
    const theirs = await page({ filter: { ppl: someone.pplKode! } });
    expect(theirs.total).toBe(held.n);
    expect(theirs.rows.every((r) => r.pplKode === someone.pplKode)).toBe(true);

    const named = await page({ filter: { text: someone.nama.slice(0, 6) } });
    expect(named.rows.some((r) => r.slsId === someone.slsId)).toBe(true);
    expect(named.rows.every((r) => r.nama.toLowerCase().includes(someone.nama.slice(0, 6).toLowerCase()))).toBe(true);

    // A clerk's % or _ is a character to find, not a wildcard: no SLS name or id holds one.
    for (const text of ['%', '_', '3316_', 'a%b']) expect((await page({ filter: { text } })).total).toBe(0);

    await expect(page({ limit: 501 })).rejects.toThrow();
  });

  test('"assign all matching" assigns exactly the SLS the filter shows', async () => {
    const village = (await page({ filter: { kecamatan: '33.16.02' }, limit: 1 })).rows[0].desaKode;
    const shown = await page({ filter: { desa: village }, limit: 500 });
    const ppl = backend.database.sqlite
      .prepare("SELECT kode FROM officers WHERE peran = 'PPL' AND kecamatan_kode = '33.16.02' AND aktif = 1 LIMIT 1")
      .get() as { kode: string };
    const result = await backend.call('census.assignments.assign', {
      matching: { desa: village },
      officer: ppl.kode,
      reason: 'satu desa satu PPL',
    });
    expect(result.assigned + result.moved + result.unchanged).toBe(shown.total);
    const after = await page({ filter: { desa: village, ppl: ppl.kode }, limit: 500 });
    expect(after.total).toBe(shown.total);
    await expect(
      backend.call('census.assignments.assign', {
        slsIds: [shown.rows[0].slsId],
        matching: { desa: village },
        officer: ppl.kode,
      }),
    ).rejects.toThrow();
  });
});
