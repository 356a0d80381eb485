import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { runCliInProcess } from '../support/cli.js';
import { tempDir } from '../support/office-process.js';

const SAMPLES = path.resolve('tests/fixtures/samples');
const sample = (name: string) => ({ path: path.join(SAMPLES, name) });

function writeFile(name: string, text: string): { path: string } {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return { path: file };
}

function count(backend: TestBackend, table: string): number {
  return backend.database.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

async function withSamples(): Promise<TestBackend> {
  const backend = await bloraBackend();
  await backend.call('participation.importBaseline', { file: sample('baseline-blora.csv') });
  await backend.call('participation.import', { file: sample('sp-online-blora.csv') });
  return backend;
}

describe('SP Online and baseline import', () => {
  it('imports the samples with progress; a second import changes nothing', async () => {
    const backend = await bloraBackend();
    const seen: number[] = [];
    const baseline = await backend.call('participation.importBaseline', { file: sample('baseline-blora.csv') });
    expect(baseline).toMatchObject({ rows: 295, added: 295, updated: 0 });
    const first = await backend.api.call(
      'participation.import',
      { file: sample('sp-online-blora.csv') },
      { actor: { username: 't', role: 'operator' }, trusted: true, onProgress: (p) => seen.push(p.done) },
    );
    expect(first).toMatchObject({
      rows: 1475,
      added: 1475,
      replaced: 0,
      dates: { first: '2020-02-15', last: '2020-02-19' },
    });
    expect(seen.at(-1)).toBe(1475);
    const again = await backend.call('participation.import', { file: sample('sp-online-blora.csv') });
    expect(again).toMatchObject({ added: 0, replaced: 0, unchanged: 1475 });
    expect(count(backend, 'sp_online_daily')).toBe(1475);
    expect((await backend.call('participation.importBaseline', { file: sample('baseline-blora.csv') })).unchanged).toBe(
      295,
    );
    backend.close();
  });

  it('replaces a later value for the same date and village, reports it, and flags a cumulative drop', async () => {
    const backend = await withSamples();
    const before = backend.database.sqlite
      .prepare("SELECT kk_online FROM sp_online_daily WHERE desa_kode = '33.16.01.2001' AND tanggal = '2020-02-18'")
      .pluck()
      .get() as number;
    const file = writeFile(
      'koreksi.csv',
      `\uFEFFtanggal;kode_desa;kk_online;penduduk_online\r\n2020-02-18;33.16.01.2001;${before + 40};999\r\n2020-02-19;33.16.01.2002;1;2\r\n`,
    );
    const result = await backend.call('participation.import', { file });
    expect(result).toMatchObject({ added: 0, replaced: 2 });
    expect(result.changes[0]).toMatchObject({
      kodeDesa: '33.16.01.2001',
      tanggal: '2020-02-18',
      before: { kkOnline: before },
      after: { kkOnline: before + 40, pendudukOnline: 999 },
    });
    // 2002 dropped to 1 on the 19th; 2001's 19th is now below the corrected 18th: both kept and flagged.
    expect(result.drops.map((d) => `${d.kodeDesa} ${d.tanggal}`)).toEqual([
      '33.16.01.2001 2020-02-19',
      '33.16.01.2002 2020-02-19',
    ]);
    expect(
      backend.database.sqlite
        .prepare("SELECT kk_online FROM sp_online_daily WHERE desa_kode = '33.16.01.2002' AND tanggal = '2020-02-19'")
        .pluck()
        .get(),
    ).toBe(1);
    const dashboard = await backend.call('progress.dashboard', {});
    expect(dashboard.participation.drops).toBe(2);
    backend.close();
  });

  it('rejects a bad file whole, naming row, column and value', async () => {
    const backend = await withSamples();
    const auditBefore = count(backend, 'audit_log');
    const file = writeFile(
      'buruk.csv',
      'Tanggal,KODE_DESA,kk_online,penduduk_online,catatan\n2020-02-20,33.16.01.2001,50,100,ok\n2020-02-30,33.16.01.2002,5,9,\n2020-02-20,33.17.01.2001,5,9,\n2020-02-20,33.16.01.2003,-4,9,\n2020-02-20,33.16.01.2001,51,100,\n',
    );
    const error = await backend.call('participation.import', { file }).catch((e) => e);
    expect(error.code).toBe('REJECTED');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'tanggal', message: expect.stringContaining('2020-02-30') }),
        expect.objectContaining({ line: 5, field: 'kk_online', message: expect.stringContaining('"-4"') }),
        expect.objectContaining({
          line: 6,
          field: 'kode_desa',
          key: 'participation.duplicateDay',
          params: expect.objectContaining({ first: 2 }),
        }),
      ]),
    );
    expect(count(backend, 'sp_online_daily')).toBe(1475);
    // A village outside the regency is refused by the database check, still whole-or-nothing.
    const outside = writeFile(
      'luar.csv',
      'tanggal,kode_desa,kk_online,penduduk_online\n2020-02-20,33.16.01.2001,50,100\n2020-02-20,33.17.01.2001,5,9\n',
    );
    const refused = await backend.call('participation.import', { file: outside }).catch((e) => e);
    expect(refused.issues).toEqual([
      expect.objectContaining({
        line: 3,
        field: 'kode_desa',
        key: 'participation.villageOutside',
        message: expect.stringContaining("not in this office's regency"),
      }),
    ]);
    expect(count(backend, 'sp_online_daily')).toBe(1475);
    const missing = await backend
      .call('participation.importBaseline', { file: writeFile('b.csv', 'kode_desa;kk\n33.16.01.2001;5\n') })
      .catch((e) => e);
    expect(missing.issues).toEqual([
      expect.objectContaining({
        line: 1,
        field: 'penduduk',
        key: 'files.column.missing',
        message: expect.stringContaining('"penduduk" is missing'),
      }),
    ]);
    expect(count(backend, 'audit_log')).toBe(auditBefore);
    backend.close();
  });
});

describe('participation views and targets', () => {
  it('adds villages up to kecamatan and regency; the headline carries its as-of date', async () => {
    const backend = await withSamples();
    const byKecamatan = await backend.call('participation.kecamatan', {});
    expect(byKecamatan.asOf).toBe('2020-02-19');
    const fileTotal = fs
      .readFileSync(path.join(SAMPLES, 'sp-online-blora.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .filter((c) => c[0] === '2020-02-19')
      .reduce((s, c) => s + Number(c[2]), 0);
    expect(byKecamatan.regency.kkOnline).toBe(fileTotal);
    expect(byKecamatan.rows.reduce((s, r) => s + r.kkOnline, 0)).toBe(fileTotal);
    const desa = await backend.call('participation.desa', { kecamatan: '33.16.01' });
    expect(desa.rows.reduce((s, r) => s + r.kkOnline, 0)).toBe(
      byKecamatan.rows.find((r) => r.kode === '33.16.01')!.kkOnline,
    );
    const earlier = await backend.call('participation.kecamatan', { date: '2020-02-16' });
    expect(earlier.asOf).toBe('2020-02-16');
    expect(earlier.regency.kkOnline).toBeLessThan(fileTotal);
    const curve = await backend.call('participation.curve', {});
    expect(curve.points.map((p) => p.tanggal)).toEqual([
      '2020-02-15',
      '2020-02-16',
      '2020-02-17',
      '2020-02-18',
      '2020-02-19',
    ]);
    expect(curve.points.at(-1)!.kkOnline).toBe(fileTotal);
    backend.close();
  });

  it('inherits targets downwards, and a kecamatan target changes the ranking', async () => {
    const backend = await withSamples();
    await backend.call('participation.setTarget', { kode: '33.16', targetPct: 10 });
    let ranking = await backend.call('participation.kecamatan', {});
    expect(ranking.rows.every((r) => r.targetPct === 10)).toBe(true);
    const leader = ranking.rows[0];
    expect(leader.rank).toBe(1);
    await backend.call('participation.setTarget', { kode: leader.kode, targetPct: 60 });
    ranking = await backend.call('participation.kecamatan', {});
    expect(ranking.rows[0].kode).not.toBe(leader.kode);
    expect(ranking.rows.find((r) => r.kode === leader.kode)).toMatchObject({ targetPct: 60, ownTarget: true });
    const villages = await backend.call('participation.desa', { kecamatan: leader.kode });
    expect(villages.rows.every((v) => v.targetPct === 60 && !v.ownTarget)).toBe(true);
    await backend.call('participation.setTarget', { kode: villages.rows[0].kode, targetPct: 5 });
    expect(
      (await backend.call('participation.desa', { kecamatan: leader.kode })).rows.find(
        (v) => v.kode === villages.rows[0].kode,
      )?.targetPct,
    ).toBe(5);
    await backend.call('participation.setTarget', { kode: leader.kode, targetPct: null });
    expect(
      (await backend.call('participation.kecamatan', {})).rows.find((r) => r.kode === leader.kode)?.targetPct,
    ).toBe(10);
    await expect(backend.call('participation.setTarget', { kode: '33.17.01', targetPct: 5 })).rejects.toMatchObject({
      code: 'REJECTED',
    });
    await expect(
      backend.call(
        'participation.setTarget',
        { kode: '33.16', targetPct: 5 },
        { actor: { username: 'p', role: 'pimpinan' } },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    backend.close();
  });

  it('logs jemput bola sessions and shows them with the village curve', async () => {
    const backend = await withSamples();
    const session = await backend.call('participation.addSession', {
      tanggal: '2020-02-17',
      desaKode: '33.16.01.2001',
      tempat: 'Balai desa',
      petugas: 'Sari, Budi',
      kkDibantu: 25,
    });
    const curve = await backend.call('participation.curve', { desa: '33.16.01.2001' });
    expect(curve.points).toHaveLength(5);
    expect(curve.sessions).toEqual([expect.objectContaining({ id: session.id, tempat: 'Balai desa', kkDibantu: 25 })]);
    await expect(
      backend.call('participation.addSession', {
        tanggal: '2020-02-17',
        desaKode: '33.17.01.2001',
        tempat: 'x',
        petugas: 'y',
        kkDibantu: 1,
      }),
    ).rejects.toMatchObject({ code: 'REJECTED' });
    await backend.call('participation.deleteSession', { id: session.id });
    expect(await backend.call('participation.sessions', {})).toEqual([]);
    backend.close();
  });

  it('CLI: imports with --json and exports exactly the contract columns', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await runCliInProcess(['--db', db, 'init', '--kabupaten', '33.16']);
    const baseline = await runCliInProcess([
      '--db',
      db,
      '--json',
      'import',
      'baseline',
      path.join(SAMPLES, 'baseline-blora.csv'),
    ]);
    expect(baseline.code).toBe(0);
    expect(JSON.parse(baseline.stdout)).toMatchObject({ rows: 295, added: 295 });
    const imported = await runCliInProcess([
      '--db',
      db,
      '--json',
      'import',
      'sp-online',
      path.join(SAMPLES, 'sp-online-blora.csv'),
    ]);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 1475, added: 1475 });
    const csv = await runCliInProcess([
      '--db',
      db,
      'export',
      'participation',
      '--level',
      'desa',
      '--format',
      'csv',
      '--date',
      '2020-02-17',
    ]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('kode,nama,kk_online,penduduk_online,kk_baseline,penduduk_baseline,rate_kk_pct,target_pct');
    expect(lines).toHaveLength(296);
    const out = path.join(tempDir(), 'progress.xlsx');
    const progress = await runCliInProcess([
      '--db',
      db,
      'export',
      'progress',
      '--level',
      'koseka',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(progress.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await runCliInProcess(['--db', db, 'export', 'progress', '--level', 'rt', '--format', 'csv'])).code).toBe(
      2,
    );
    const bad = await runCliInProcess(['--db', db, 'import', 'sp-online', path.join(SAMPLES, 'baseline-blora.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('required column "tanggal" is missing');
  }, 120_000);
});
