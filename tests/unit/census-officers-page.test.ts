import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  officerPageQuery,
  officerTotalQuery,
  type OfficerPageQuery,
} from '../../electron/features/census/officers-page.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';

// 7,000 SLS give about 1,170 PPL, 240 PML and 16 Koseka: more officers than Blora's 1,161.
const SLS = 7_000;
let backend: TestBackend;
let officerCount: number;
beforeAll(async () => {
  backend = await bloraBackend();
  const summary = generateCensusData(backend.database.sqlite, {
    slsCount: SLS,
    households: 7_000,
    fieldStart: '2020-09-01',
    fieldDays: 10,
  });
  officerCount = summary.officers.ppl + summary.officers.pml + summary.officers.koseka;
}, 120_000);
afterAll(() => backend?.close());

const page = (query: Partial<OfficerPageQuery>) =>
  backend.call('census.officers.page', { offset: 0, limit: 100, filter: {}, ...query });
const sqlite = () => backend.database.sqlite;

function plan(q: { toSQL(): { sql: string; params: unknown[] } }): string[] {
  const { sql, params } = q.toSQL();
  return (
    sqlite()
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(...params) as { detail: string }[]
  ).map((r) => r.detail);
}
/** A read of a whole table not in an index's order, for the page or for one row's load. */
const fullScans = (lines: string[]) =>
  lines.filter((l) => /^SCAN (officers|assignments|sls|a|s|t)\b/.test(l) && !/USING (COVERING )?INDEX/.test(l));
const sorted = (lines: string[]) => lines.filter((l) => l.includes('TEMP B-TREE'));

describe('officers.page: the officer registry a page at a time', () => {
  test('there are over 1,000 officers, and a page carries 100 with their loads', async () => {
    expect(officerCount).toBeGreaterThan(1_000);
    const first = await page({});
    expect(first.total).toBe(officerCount);
    expect(first.rows).toHaveLength(100);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(40_000);
    const codes = first.rows.map((r) => r.kode);
    expect(codes).toEqual([...codes].sort());
    const next = await page({ offset: 100 });
    expect(next.rows[0].kode > codes[99]).toBe(true);
    await expect(page({ limit: 501 })).rejects.toThrow();

    // The loads are the ones the assignments hold.
    const ppl = (await page({ filter: { peran: 'PPL' }, limit: 5 })).rows[0];
    const held = sqlite()
      .prepare(
        `SELECT count(*) AS sls, sum(s.perkiraan_kk) AS kk FROM assignments a JOIN sls s ON s.sls_id = a.sls_id
          WHERE a.officer_kode = ? AND a.end_date IS NULL`,
      )
      .get(ppl.kode) as { sls: number; kk: number };
    expect({ sls: ppl.sls, kk: ppl.kk }).toEqual(held);
    expect(ppl.sls).toBeGreaterThan(0);
    const pml = (await page({ filter: { peran: 'PML' }, limit: 1 })).rows[0];
    const team = sqlite()
      .prepare('SELECT count(*) AS n FROM officers WHERE atasan_kode = ? AND aktif = 1')
      .get(pml.kode) as {
      n: number;
    };
    expect(pml.teamSize).toBe(team.n);
    expect(pml.teamSize).toBeGreaterThan(0);
  });

  test('filters by role, kecamatan, supervisor, status and text agree with the data', async () => {
    const count = (where: string, ...params: unknown[]) =>
      (
        sqlite()
          .prepare(`SELECT count(*) AS n FROM officers WHERE ${where}`)
          .get(...params) as { n: number }
      ).n;

    const jatiPpl = await page({ filter: { kecamatan: '33.16.01', peran: 'PPL', aktif: true }, limit: 500 });
    expect(jatiPpl.total).toBe(count("kecamatan_kode = '33.16.01' AND peran = 'PPL' AND aktif = 1"));
    expect(jatiPpl.total).toBeLessThan(officerCount / 10);
    expect(jatiPpl.rows.every((r) => r.kecamatanKode === '33.16.01' && r.peran === 'PPL' && r.aktif)).toBe(true);

    const koseka = await page({ filter: { peran: 'KOSEKA' } });
    expect(koseka.total).toBe(16);

    const lead = jatiPpl.rows[0].atasanKode!;
    const team = await page({ filter: { atasan: lead } });
    expect(team.total).toBe(count('atasan_kode = ?', lead));
    expect(team.rows.every((r) => r.atasanKode === lead)).toBe(true);

    // Part of a code, any case, within the kecamatan; or part of a name.
    const code = jatiPpl.rows[3].kode;
    const byCode = await page({ filter: { kecamatan: '33.16.01', text: code.slice(-4).toLowerCase() } });
    expect(byCode.rows.map((r) => r.kode)).toContain(code);
    expect(byCode.rows.every((r) => r.kode.includes(code.slice(-4)) && r.kecamatanKode === '33.16.01')).toBe(true);
    const byName = await page({ filter: { text: 'koseka 33.16.0' } });
    expect(byName.total).toBe(9);
    expect((await page({ filter: { text: '%' } })).total).toBe(0);

    sqlite().prepare('UPDATE officers SET aktif = 0 WHERE kode = ?').run(code);
    const stillActive = await page({ filter: { kecamatan: '33.16.01', peran: 'PPL', aktif: true }, limit: 500 });
    expect(stillActive.total).toBe(jatiPpl.total - 1);
    expect(stillActive.rows.map((r) => r.kode)).not.toContain(code);
    sqlite().prepare('UPDATE officers SET aktif = 1 WHERE kode = ?').run(code);
  });

  test('sorts by name, role and load, both ways, ties by code', async () => {
    const byName = await page({ sort: { field: 'nama', dir: 'desc' }, limit: 50 });
    const max = sqlite().prepare('SELECT max(nama) AS m FROM officers').get() as { m: string };
    expect(byName.rows[0].nama).toBe(max.m);
    const names = byName.rows.map((r) => r.nama);
    expect(names).toEqual([...names].sort().reverse());
    const byRole = await page({ sort: { field: 'peran', dir: 'asc' }, limit: 20 });
    // Alphabetical by the stored role: the 16 Koseka, then PML.
    expect(byRole.rows.map((r) => r.peran)).toEqual([...Array(16).fill('KOSEKA'), ...Array(4).fill('PML')]);
    expect(byRole.rows.map((r) => r.kode)).toEqual(byRole.rows.map((r) => r.kode).sort());
    // The heaviest PPL of Jati first, as the assignments say.
    const heaviest = await page({ sort: { field: 'kk', dir: 'desc' }, filter: { kecamatan: '33.16.01' }, limit: 10 });
    const top = sqlite()
      .prepare(
        `SELECT max(kk) AS kk FROM (SELECT sum(s.perkiraan_kk) AS kk FROM assignments a JOIN sls s ON s.sls_id = a.sls_id
           JOIN officers o ON o.kode = a.officer_kode WHERE a.end_date IS NULL AND o.kecamatan_kode = '33.16.01' GROUP BY a.officer_kode)`,
      )
      .get() as { kk: number };
    expect(heaviest.rows[0].kk).toBe(top.kk);
    const loads = heaviest.rows.map((r) => r.kk);
    expect(loads).toEqual([...loads].sort((a, b) => b - a));
    const fewest = await page({ sort: { field: 'sls', dir: 'asc' }, filter: { peran: 'PPL' }, limit: 10 });
    const least = sqlite()
      .prepare(
        `SELECT min((SELECT count(*) FROM assignments a WHERE a.officer_kode = o.kode AND a.end_date IS NULL)) AS n
           FROM officers o WHERE o.peran = 'PPL'`,
      )
      .get() as { n: number };
    expect(fewest.rows[0].sls).toBe(least.n);
  });

  test('the query plans read an index in the asked order; loads come from indexes too', () => {
    const db = backend.database.db;
    const queries: OfficerPageQuery[] = [
      { offset: 0, limit: 100, filter: {} },
      { offset: 0, limit: 100, filter: { kecamatan: '33.16.01' } },
      { offset: 0, limit: 50, filter: { kecamatan: '33.16.01', peran: 'PPL', aktif: true, text: 'sri' } },
      { offset: 0, limit: 100, filter: { peran: 'PML' } },
      { offset: 200, limit: 100, sort: { field: 'nama', dir: 'desc' }, filter: {} },
      { offset: 0, limit: 100, sort: { field: 'peran', dir: 'asc' }, filter: {} },
    ];
    for (const query of queries) {
      const lines = plan(officerPageQuery(db, query));
      const why = JSON.stringify({ query, lines });
      expect(fullScans(lines), why).toEqual([]);
      expect(sorted(lines), why).toEqual([]);
      // Each row's SLS and families through the officer's assignments, its team through the supervisor index.
      expect(lines.join('\n'), why).toMatch(/SEARCH a USING INDEX assignments_officer_idx/);
      expect(lines.join('\n'), why).toMatch(/SEARCH t USING INDEX officers_atasan_idx/);
    }
    // The PPL picker reads only the kecamatan's PPL.
    const picker = plan(officerPageQuery(db, queries[2])).join('\n');
    expect(picker).toMatch(
      /SEARCH officers USING INDEX officers_kecamatan_peran_idx \(kecamatan_kode=\? AND peran=\?\)/,
    );
    for (const [filter, index] of [
      [{ kecamatan: '33.16.01' }, 'officers_kecamatan_kode_idx'],
      [{ peran: 'PPL' as const }, 'officers_peran_kode_idx'],
    ] as const) {
      const lines = plan(officerTotalQuery(db, filter));
      expect(fullScans(lines), JSON.stringify(lines)).toEqual([]);
      expect(lines.join('\n')).toMatch(new RegExp(`SEARCH officers USING (COVERING )?INDEX ${index}`));
    }
  });

  test("the load card's read: one PPL, their PML and the PML's active team", async () => {
    const ppl = (await page({ filter: { kecamatan: '33.16.02', peran: 'PPL' }, limit: 1 })).rows[0];
    const load = await backend.call('census.officers.load', { kode: ppl.kode });
    expect(load?.officer).toEqual(ppl);
    expect(load?.lead?.kode).toBe(ppl.atasanKode);
    const team = await page({ filter: { atasan: ppl.atasanKode!, aktif: true }, limit: 500 });
    expect(load?.team).toEqual({
      size: team.total,
      sls: team.rows.reduce((s, o) => s + o.sls, 0),
      kk: team.rows.reduce((s, o) => s + o.kk, 0),
    });
    expect(await backend.call('census.officers.load', { kode: 'NOBODY' })).toBeNull();
  });
});
