import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskNip } from '../../common/nip.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';
import { SAMPLES } from '../support/census-seed.js';
import { exportBytes } from '../support/exports.js';
import { makeNip, seedRegisters } from '../support/integrity.js';
import { REPO, tempDir } from '../support/office-process.js';
import { countColour, overlappingWords, pdfWords, rasterPage, renderPng, type PdfWord } from '../support/pdf-layout.js';

// Every PDF the app writes, rendered with poppler (pdftoppm, pdftotext -bbox) and checked for the
// layout a reader sees. The PNGs are left in test-results/pdf/ to look at.
const PNG_DIR = path.join(REPO, 'test-results', 'pdf');
const SIGNER_NIP = makeNip(7);
let backend: TestBackend;
const files: Record<string, string> = {};

async function save(name: string, handle: Parameters<typeof exportBytes>[1]): Promise<string> {
  const file = path.join(tempDir(), `${name}.pdf`);
  fs.writeFileSync(file, exportBytes(backend, handle));
  return file;
}

beforeAll(async () => {
  backend = await bloraBackend();
  await backend.call('participation.importBaseline', { file: { path: path.join(SAMPLES, 'baseline-blora.csv') } });
  await backend.call('participation.import', { file: { path: path.join(SAMPLES, 'sp-online-blora.csv') } });
  await backend.call('participation.setTarget', { kode: '33.16', targetPct: 20 });
  generateCensusData(backend.database.sqlite, {
    slsCount: 1500,
    households: 30_000,
    fieldStart: '2020-09-01',
    fieldDays: 30,
  });
  await backend.call('settings.set', { key: 'letters.signerName', value: 'Drs. Budi Santoso, M.Si.' });
  await backend.call('settings.set', { key: 'letters.signerNip', value: SIGNER_NIP });
  await backend.call('settings.set', { key: 'letters.signerTitle', value: 'Kepala BPS Kabupaten Blora' });
  const { people } = await seedRegisters(backend, 1, 120);
  await backend.call('integrity.pact.sign', {
    opd: 'OPD-01',
    nips: people
      .filter((p) => p.nip)
      .slice(0, 30)
      .map((p) => p.nip),
    signedAt: '2026-01-10',
  });
  files.letters = await save(
    'surat-tugas',
    await backend.call('census.assignments.letters', { kecamatan: '33.16.01' }),
  );
  files.pact = await save('pakta', await backend.call('integrity.export.signatureList', { opd: 'OPD-01' }));
  files.daily = await save('laporan-harian', await backend.call('progress.dailyReport', { asOf: '2020-02-19' }));
  for (const file of Object.values(files)) renderPng(file, PNG_DIR);
});
afterAll(() => backend.close());

const words = (page: PdfWord[], text: string) => page.filter((w) => w.text === text);

describe('every PDF renders, and no two words overlap on any page', () => {
  it.each(['letters', 'pact', 'daily'])('%s', (name) => {
    const pages = pdfWords(files[name]);
    expect(pages.length).toBeGreaterThan(0);
    expect(renderPng(files[name], path.join(tempDir(), name))).toHaveLength(pages.length);
    for (const [i, page] of pages.entries()) {
      expect(page.length, `page ${i + 1} has text`).toBeGreaterThan(10);
      expect(
        overlappingWords(page).map(([a, b]) => `${a.text} / ${b.text}`),
        `page ${i + 1}`,
      ).toEqual([]);
    }
  });
});

describe('surat tugas', () => {
  it('aligns the colons of the officer block in one column on every letter', () => {
    for (const page of pdfWords(files.letters)) {
      const colons = words(page, ':');
      expect(colons).toHaveLength(6);
      const xs = colons.map((c) => c.xMin);
      expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(0.5);
      // Each value starts at the same x after its colon.
      const values = colons.map(
        (c) => page.filter((w) => Math.abs(w.yMin - c.yMin) < 1 && w.xMin > c.xMax).sort((a, b) => a.xMin - b.xMin)[0],
      );
      expect(new Set(values.map((v) => Math.round(v.xMin))).size).toBe(1);
    }
  });

  it('signs with the name, NIP and position set in Pengaturan, below the SLS table', () => {
    const pages = pdfWords(files.letters);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const text = page.map((w) => w.text).join(' ');
      expect(text).toContain('Drs. Budi Santoso, M.Si.');
      expect(text).toContain(`NIP. ${SIGNER_NIP}`);
      expect(text).toContain('Kepala BPS Kabupaten Blora');
      expect(text).toMatch(/Blora, \d{1,2} [A-Z][a-z]+ \d{4}/);
      const nip = words(page, SIGNER_NIP)[0];
      const lastRule = Math.max(...words(page, 'Kec.').map((w) => w.yMax));
      expect(nip.yMin).toBeGreaterThan(lastRule);
      expect(nip.yMax).toBeLessThan(800);
    }
  });

  it('keeps the NIP out of the audit trail when the signer is set', () => {
    const audit = JSON.stringify(
      backend.database.sqlite.prepare("SELECT summary, before, after FROM audit_log WHERE entity = 'setting'").all(),
    );
    expect(audit).toContain(maskNip(SIGNER_NIP));
    expect(audit).not.toContain(SIGNER_NIP);
  });
});

describe('pact signature list', () => {
  it('puts the header, "Tgl. tanda tangan" included, above the first row on every page', () => {
    const pages = pdfWords(files.pact);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const header = ['No', 'Nama', 'NIP', 'Jabatan', 'Status', 'Tgl.', 'tanda', 'tangan'].map(
        (t) => words(page, t)[0],
      );
      expect(header.every(Boolean)).toBe(true);
      const headerBottom = Math.max(...header.map((w) => w.yMax));
      const firstRow = page
        .filter((w) => w.yMin > headerBottom && /^Pegawai$/.test(w.text))
        .sort((a, b) => a.yMin - b.yMin)[0];
      expect(firstRow.yMin - headerBottom).toBeGreaterThan(2);
    }
    const names = pages
      .flat()
      .filter(
        (w, i, all) => w.text === 'Pegawai' && /^\d+$/.test(all[i + 1]?.text ?? '') && w.xMin > 70 && w.xMin < 100,
      );
    expect(names).toHaveLength(120);
  });
});

describe('daily report', () => {
  it('draws the curve and the target with round gridlines, the latest value written at the end', () => {
    const [page] = pdfWords(files.daily);
    const ticks = page.filter((w) => /^\d+%$/.test(w.text) && w.xMax < 90).sort((a, b) => b.yMin - a.yMin);
    expect(ticks.map((t) => t.text)).toEqual(['0%', '10%', '20%', '30%']);
    const gaps = ticks.slice(1).map((t, i) => ticks[i].yMin - t.yMin);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.5);
    const top = ticks.at(-1)!.yMin;
    const bottom = ticks[0].yMax;
    // The latest rate (4,3%) labelled near the right end of the chart, above the 0% line.
    const latest = page.find((w) => w.text === '4,3%' && w.xMin > 400 && w.yMax < bottom && w.yMin > top);
    expect(latest).toBeDefined();
    expect(page.map((w) => w.text).join(' ')).toContain('Target kabupaten 20,0%');
    const raster = rasterPage(files.daily, 1);
    const chart = { x: 92, y: top, w: 440, h: bottom - top };
    expect(countColour(raster, chart, '#0f6e56')).toBeGreaterThan(300);
    expect(countColour(raster, chart, '#c0392b')).toBeGreaterThan(150);
  });

  it('ranks the 16 kecamatan in a table below the chart', () => {
    const [page] = pdfWords(files.daily);
    const header = words(page, 'Kecamatan').find((w) => w.xMin < 150)!;
    const chartBottom = Math.max(...page.filter((w) => w.text === '0%').map((w) => w.yMax));
    expect(header.yMin).toBeGreaterThan(chartBottom + 20);
    const ranks = page
      .filter((w) => /^\d+$/.test(w.text) && w.xMax < 76 && w.yMin > header.yMax)
      .sort((a, b) => a.yMin - b.yMin);
    expect(ranks.map((r) => r.text)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
  });
});
