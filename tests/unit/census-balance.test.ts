import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { balanceKecamatan, type BalanceSls } from '../../electron/features/census/auto-balance.js';
import { BALANCE_TOLERANCE, summariseLoads } from '../../common/officer-loads.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { importSamples, OFFICER_SAMPLE, SLS_SAMPLE, snapshot } from '../support/census.js';
import type { ApiError } from '../../electron/api/errors.js';
import { problemText } from '../../common/problems/index.js';
import { runCliInProcess } from '../support/cli.js';
import { tempDir } from '../support/office-process.js';
import { exportBytes } from '../support/exports.js';

/** A deterministic pseudo-random generator, so a failure can be replayed. */
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function villages(counts: number[], kk: (v: number, i: number) => number): BalanceSls[] {
  return counts.flatMap((n, v) =>
    Array.from({ length: n }, (_, i) => ({
      slsId: `33160120${String(v + 1).padStart(2, '0')}${String(i + 1).padStart(4, '0')}00`,
      desaKode: `33.16.01.20${String(v + 1).padStart(2, '0')}`,
      estimatedHouseholds: kk(v, i),
      current: null,
    })),
  );
}

const villagesOf = (plan: Map<string, string>, sls: BalanceSls[], officer: string) =>
  new Set(sls.filter((s) => plan.get(s.slsId) === officer).map((s) => s.desaKode));

describe('auto-balance (pure)', () => {
  it('keeps whole villages together when they fit one PPL each', () => {
    const sls = villages([10, 10, 10, 10], () => 30);
    const plan = balanceKecamatan(sls, ['A', 'B', 'C', 'D']);
    for (const o of ['A', 'B', 'C', 'D']) expect(villagesOf(plan, sls, o).size).toBe(1);
  });

  it('gives every SLS to exactly one PPL and brings all within ±15% on realistic random kecamatan', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seeded(seed);
      const counts = Array.from({ length: 8 + Math.floor(random() * 12) }, () => 6 + Math.floor(random() * 25));
      const sls = villages(counts, () => 15 + Math.floor(random() * 80));
      const total = sls.reduce((s, x) => s + x.estimatedHouseholds, 0);
      const officers = Array.from({ length: Math.max(1, Math.round(total / 300)) }, (_, i) => `P${i}`);
      const plan = balanceKecamatan(sls, officers);
      expect(plan.size).toBe(sls.length);
      const summary = summariseLoads(
        sls.map((s) => ({ officerCode: plan.get(s.slsId)!, estimatedHouseholds: s.estimatedHouseholds })),
        officers,
      );
      expect(summary.unassigned).toBe(0);
      expect(summary.maxDeviation, `seed ${seed}`).toBeLessThanOrEqual(BALANCE_TOLERANCE);
      // A PPL works in one village or in neighbouring ones: their SLS form one run in id order.
      const order = [...sls].sort((a, b) => a.slsId.localeCompare(b.slsId)).map((s) => plan.get(s.slsId));
      const runs = order.filter((o, i) => i === 0 || o !== order[i - 1]).length;
      expect(runs).toBe(officers.length);
    }
  });

  it('keeps current holders where the runs allow, so a second balance moves nothing', () => {
    const random = seeded(7);
    const sls = villages([12, 15, 9, 20], () => 20 + Math.floor(random() * 60));
    const officers = ['A', 'B', 'C', 'D', 'E'];
    const first = balanceKecamatan(sls, officers);
    const second = balanceKecamatan(
      sls.map((s) => ({ ...s, current: first.get(s.slsId)! })),
      [...officers].reverse(),
    );
    expect([...second]).toEqual([...first]);
  });

  it('says when ±15% cannot be reached', () => {
    const sls = villages([5], (_v, i) => (i === 0 ? 1500 : 20));
    const plan = balanceKecamatan(sls, ['A', 'B', 'C']);
    const summary = summariseLoads(
      sls.map((s) => ({ officerCode: plan.get(s.slsId)!, estimatedHouseholds: s.estimatedHouseholds })),
      ['A', 'B', 'C'],
    );
    expect(summary.withinTolerance).toBe(false);
  });
});

describe('auto-balance, replacement and exports over the Blora samples', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await bloraBackend();
    await importSamples(backend);
  });
  afterAll(() => backend.close());

  it('proposes for Jati within ±15%, changes nothing until accepted, then applies in one go', async () => {
    const proposal = await backend.call('census.assignments.propose', { kecamatan: '33.16.01' });
    const jatiPpl = (await backend.call('census.officers.list', {})).filter(
      (o) => o.peran === 'PPL' && o.kecamatanKode === '33.16.01',
    );
    expect(proposal.officers.map((o) => o.kode).sort()).toEqual(jatiPpl.map((o) => o.kode).sort());
    expect(proposal.items).toHaveLength(210);
    expect(proposal.withinTolerance).toBe(true);
    expect(proposal.maxDeviation).toBeLessThanOrEqual(0.15);
    expect(proposal.notes).toEqual([]);
    expect((await backend.call('census.sls.list', { kecamatan: '33.16.01' })).every((s) => s.pplKode === null)).toBe(
      true,
    );

    // The coordinator moves one SLS in the preview before accepting; every PPL stays within bounds.
    const items = proposal.items.map(({ slsId, officerCode }) => ({ slsId, officerCode }));
    const kk = new Map(proposal.items.map((i) => [i.slsId, i.estimatedHouseholds]));
    const loads = summariseLoads(
      proposal.items,
      proposal.officers.map((o) => o.kode),
    ).loads;
    const lightest = [...loads].sort((a, b) => a.kk - b.kk)[0].kode;
    const heaviest = [...loads].sort((a, b) => b.kk - a.kk)[0].kode;
    const smallest = items
      .filter((i) => i.officerCode === heaviest)
      .sort((a, b) => kk.get(a.slsId)! - kk.get(b.slsId)!)[0];
    smallest.officerCode = lightest;
    const applied = await backend.call('census.assignments.applyBalance', { kecamatan: '33.16.01', items });
    expect(applied).toMatchObject({ assigned: 210, moved: 0, outOfBounds: [] });
    const sls = await backend.call('census.sls.list', { kecamatan: '33.16.01' });
    expect(sls.find((s) => s.slsId === smallest.slsId)?.pplKode).toBe(lightest);
    expect(sls.every((s) => s.pplKode)).toBe(true);
    const audit = backend.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE operation = 'census.assignments.applyBalance'")
      .all();
    expect(audit).toHaveLength(1);
  });

  it('refuses an edit that puts a PPL outside the load bounds, naming who and by how much, unless confirmed', async () => {
    const proposal = await backend.call('census.assignments.propose', { kecamatan: '33.16.01' });
    const [first, second] = proposal.officers;
    // Everything of the first PPL goes to the second: one at -100%, the other far above.
    const items = proposal.items.map(({ slsId, officerCode }) => ({
      slsId,
      officerCode: officerCode === first.kode ? second.kode : officerCode,
    }));
    const before = snapshot(backend, 'assignments');
    const refusal = await backend.call('census.assignments.applyBalance', { kecamatan: '33.16.01', items }).then(
      () => null,
      (e: unknown) => e as ApiError,
    );
    expect(refusal).toMatchObject({ code: 'REJECTED', key: 'census.balance.outOfBounds', params: { count: 2 } });
    const mean = proposal.meanKk;
    expect(refusal!.issues).toHaveLength(2);
    expect(refusal!.issues!.map((i) => [i.key, i.params])).toEqual(
      expect.arrayContaining([
        ['census.balance.pplBelow', { kode: first.kode, kk: 0, deviation: 100 }],
        [
          'census.balance.pplAbove',
          {
            kode: second.kode,
            kk: first.kk + second.kk,
            deviation: Math.round(((first.kk + second.kk - mean) / mean) * 1000) / 10,
          },
        ],
      ]),
    );
    const below = refusal!.issues!.find((i) => i.params?.kode === first.kode)!;
    expect(problemText('id', below.key!, below.params)).toBe(`${first.kode}: 0 KK, 100% di bawah rata-rata.`);
    expect(snapshot(backend, 'assignments')).toEqual(before);

    const applied = await backend.call('census.assignments.applyBalance', {
      kecamatan: '33.16.01',
      items,
      confirmOutOfBounds: true,
    });
    expect([...applied.outOfBounds].sort()).toEqual([first.kode, second.kode].sort());
    expect((await backend.call('census.officers.list', {})).find((o) => o.kode === first.kode)?.sls).toBe(0);
    const audit = backend.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE operation = 'census.assignments.applyBalance' ORDER BY id DESC")
      .get() as { summary: string };
    expect(audit.summary).toContain('confirmed outside the load bounds: ');
    expect(audit.summary).toContain(first.kode);
  });

  it('refuses items outside the kecamatan and changes nothing', async () => {
    const before = backend.database.sqlite.prepare('SELECT count(*) AS n FROM assignments').get();
    await expect(
      backend.call('census.assignments.applyBalance', {
        kecamatan: '33.16.02',
        items: [{ slsId: '3316012001000100', officerCode: 'PPL-3316-0001' }],
      }),
    ).rejects.toMatchObject({ code: 'REJECTED' });
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM assignments').get()).toEqual(before);
  });

  it('refuses an edited proposal that gives one SLS to two PPL, and changes nothing', async () => {
    const before = backend.database.sqlite.prepare('SELECT count(*) AS n FROM assignments').get();
    const items = [
      { slsId: '3316012001000100', officerCode: 'PPL-3316-0001' },
      { slsId: '3316012001000100', officerCode: 'PPL-3316-0002' },
    ];
    await expect(
      backend.call('census.assignments.applyBalance', { kecamatan: '33.16.01', items }),
    ).rejects.toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('SLS listed more than once: 3316012001000100'),
      key: 'census.balance.twice',
    });
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM assignments').get()).toEqual(before);
  });

  it('exports one CSV row per SLS, assigned or not, with the exact columns', async () => {
    const file = await backend.call('census.assignments.export', { format: 'csv', kecamatan: '33.16.01' });
    const lines = exportBytes(backend, file).toString('utf8').trim().split('\n');
    expect(lines[0]).toBe('sls_id,kode_desa,nama_sls,perkiraan_kk,ppl,pml,koseka');
    expect(lines).toHaveLength(211);
    expect(lines[1]).toMatch(
      /^3316012001\d{6},33\.16\.01\.2001,RT [^,]+,\d+,PPL-3316-\d{4},PML-3316-\d{4},KSK-3316-001$/,
    );
    const all = await backend.call('census.assignments.export', { format: 'csv' });
    const allLines = exportBytes(backend, all).toString('utf8').trim().split('\n');
    expect(allLines).toHaveLength(5416);
    expect(allLines.filter((l) => l.endsWith(',,,'))).toHaveLength(5415 - 210);
  });

  it('exports an XLSX sheet per kecamatan and surat tugas with one page per PPL', async () => {
    const file = await backend.call('census.assignments.export', { format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exportBytes(backend, file) as never);
    expect(workbook.worksheets).toHaveLength(16);
    const jati = workbook.getWorksheet('Jati')!;
    expect(jati.getRow(4).values).toEqual([
      undefined,
      'Kecamatan',
      'Desa/Kelurahan',
      'ID SLS',
      'Nama SLS',
      'Perkiraan KK',
      'PPL',
      'PML',
      'Koseka',
    ]);
    expect(jati.rowCount).toBe(4 + 210);
    const letters = await backend.call('census.assignments.letters', { kecamatan: '33.16.01' });
    const pdf = exportBytes(backend, letters).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    const ppl = new Set((await backend.call('census.sls.list', { kecamatan: '33.16.01' })).map((s) => s.pplKode)).size;
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(ppl);
  });
});

describe('census CLI', () => {
  it('imports, assigns, balances and exports through the same services', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const cli = (...args: string[]) => runCliInProcess(['--db', db, ...args]);
    await cli('init', '--kabupaten', '33.16');
    const sls = await cli('import', 'sls', SLS_SAMPLE, '--json');
    expect(sls.code).toBe(0);
    expect(JSON.parse(sls.stdout)).toMatchObject({ rows: 5415, added: 5415 });
    expect((await cli('import', 'officers', OFFICER_SAMPLE)).stdout).toContain(
      '1161 officers (16 Koseka, 195 PML, 950 PPL)',
    );
    const assign = await cli(
      'assign',
      '3316012001000100',
      '3316022001000100',
      '--to',
      'PPL-3316-0001',
      '--reason',
      'awal',
    );
    expect(assign.stdout).toContain('PPL-3316-0001: 2 assigned');
    expect(assign.stdout).toContain('Warning: 1 SLS lie outside');
    const preview = await cli('assign', 'auto', '--kecamatan', '33.16.01', '--json');
    const proposal = JSON.parse(preview.stdout);
    expect(proposal).toMatchObject({ withinTolerance: true, applied: null });
    expect(proposal.maxDeviation).toBeLessThanOrEqual(0.15);
    expect((await cli('assign', 'auto', '--kecamatan', '33.16.01')).stdout).toMatch(
      /max deviation from the mean \d+,\d%/,
    );
    const applied = await cli('assign', 'auto', '--kecamatan', '33.16.01', '--apply');
    expect(applied.stdout).toContain('Applied: 209 assigned');
    const csv = await cli('export', 'assignments', '--kecamatan', '33.16.01', '--format', 'csv');
    expect(csv.stdout.split('\n').filter((l) => /,PPL-3316-\d{4},/.test(l))).toHaveLength(210);
    const bad = await cli('assign', '3316012001000100', '--to', 'PML-3316-0001');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('only a PPL can hold SLS');
    expect((await cli('export', 'assignments', '--format', 'pdf')).code).toBe(2);
  }, 60_000);

  it('applies a proposal that cannot stay within ±15% only with --accept-out-of-bounds; a move needs --reason', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'bounds.db');
    const cli = (...args: string[]) => runCliInProcess(['--db', db, ...args]);
    const file = (name: string, lines: string[]) => {
      fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
      return path.join(dir, name);
    };
    await cli('init', '--kabupaten', '33.16');
    const sls = ['3316012001000100', '3316012001000200', '3316012001000300'];
    const frame = file('sls.csv', [
      'sls_id,kode_desa,nama_sls,perkiraan_kk',
      `${sls[0]},33.16.01.2001,RT 001,1000`,
      `${sls[1]},33.16.01.2001,RT 002,20`,
      `${sls[2]},33.16.01.2001,RT 003,20`,
    ]);
    expect((await cli('import', 'sls', frame)).code).toBe(0);
    const officers = file('petugas.csv', [
      'kode,nama,peran,kode_kecamatan,atasan,telepon',
      'K1,Koseka Jati,KOSEKA,33.16.01,,',
      'M1,Pml Satu,PML,33.16.01,K1,',
      'P1,Ppl Satu,PPL,33.16.01,M1,',
      'P2,Ppl Dua,PPL,33.16.01,M1,',
    ]);
    expect((await cli('import', 'officers', officers)).code).toBe(0);

    const refused = await cli('assign', 'auto', '--kecamatan', '33.16.01', '--apply');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('puts 2 PPL outside ±15% of the mean load of 520 households');
    expect(refused.stderr).toMatch(/P2: 40 households, 92\.3% below the mean/);
    expect(refused.stderr).toMatch(/P1: 1,000 households, 92\.3% above the mean/);
    const list = await cli('export', 'assignments', '--format', 'csv');
    expect(list.stdout.split('\n').filter((l) => /,P\d,/.test(l))).toHaveLength(0);
    const applied = await cli('assign', 'auto', '--kecamatan', '33.16.01', '--apply', '--accept-out-of-bounds');
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Applied: 3 assigned');

    const holder = (await cli('export', 'assignments', '--format', 'csv')).stdout.includes(
      `${sls[0]},33.16.01.2001,RT 001,1000,P1,`,
    )
      ? 'P1'
      : 'P2';
    const other = holder === 'P1' ? 'P2' : 'P1';
    const noReason = await cli('assign', sls[0], '--to', other);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('1 SLS are held by another PPL: write why they move');
    expect((await cli('assign', sls[0], '--to', other, '--reason', 'dibagi ulang')).code).toBe(0);
  }, 60_000);
});
