import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { generateCensusData } from '../support/census-data.js';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve('tests/fixtures/samples');

/** Field data written straight into the office's database, as the field-sync importer would leave it. */
function addFieldData(dbFile: string) {
  const sqlite = new Database(dbFile);
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const generated = generateCensusData(sqlite, {
    slsCount: 1200,
    households: 30_000,
    fieldStart: '2020-09-01',
    fieldDays: 20,
    visitedShare: 0.8,
  });
  sqlite.close();
  return generated;
}

async function importFile(page: Page, title: string, file: string) {
  await page.locator(`input[type=file][aria-label="${title}"]`).setInputFiles(path.join(SAMPLES, file));
  await expect(page.getByRole('status').filter({ hasText: `${file} diimpor.` })).toBeVisible();
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(await file.path()) };
}

/** Strongly coloured pixels in the left two thirds of a chart (the plot; the legend sits on the right). */
function colouredPlotPixels(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator('canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement) => {
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d')!;
      context.drawImage(canvas, 0, 0);
      const { data } = context.getImageData(0, 0, Math.floor(canvas.width * 0.66), canvas.height);
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
        if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
      }
      return coloured;
    });
}

const firstRanked = (page: Page) => gridRows(page, 'sponline-ranking').and(page.locator('[row-index="0"]'));

test('SP Online and progress: import the samples, set a target, drill to an SLS, download XLSX and PDF', {
  tag: '@journey',
}, async ({ page, office }) => {
  await setUpBlora(page, office);
  const generated = addFieldData(office.dbFile);

  await page.getByRole('button', { name: 'SP Online' }).click();
  await importFile(page, 'Impor data dasar penduduk', 'baseline-blora.csv');
  await importFile(page, 'Impor partisipasi harian', 'sp-online-blora.csv');
  await expect(page.getByTestId('sponline-headline')).toHaveText(
    /^[\d.]+ keluarga, [\d.]+ penduduk — \d+,\d% per 19\/02\/2020$/,
  );
  await expect(gridRows(page, 'sponline-ranking')).toHaveCount(16);

  // A regency target, then a much higher one for the leading kecamatan: it loses first place.
  const form = page.getByRole('form', { name: 'Target' });
  await form.getByLabel('Target (% KK)').fill('10');
  await form.getByRole('button', { name: 'Simpan target' }).click();
  await expect(page.getByTestId('sponline-ranking')).toContainText('10,0%');
  const leader = await firstRanked(page).getAttribute('row-id');
  expect(leader).toMatch(/^33\.16\.\d{2}$/);
  await form.getByLabel('Tempat').selectOption(leader!);
  await form.getByLabel('Target (% KK)').fill('60');
  await form.getByRole('button', { name: 'Simpan target' }).click();
  await expect(form.getByRole('status')).toContainText('disimpan');
  await expect(firstRanked(page)).not.toHaveAttribute('row-id', leader!);
  await expect(page.getByTestId('sponline-ranking').locator(`[row-id="${leader}"]`)).toContainText('60,0%');

  const xlsx = await download(page, () =>
    page.getByRole('group', { name: 'Ekspor kecamatan' }).getByRole('button', { name: 'XLSX' }).click(),
  );
  expect(xlsx.name).toMatch(/^sp-online-kecamatan-2020-02-19\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
  // The same table for an Indonesian Excel: BOM, semicolons, a decimal comma, Indonesian headers.
  const villages = page.getByRole('group', { name: 'Ekspor desa' });
  await expect(villages.getByRole('button')).toHaveText(['XLSX', 'CSV (Excel Indonesia)', 'CSV (mesin)']);
  const excel = await download(page, () => villages.getByRole('button', { name: 'CSV (Excel Indonesia)' }).click());
  expect(excel.name).toBe('sp-online-desa-2020-02-19-excel.csv');
  const excelText = excel.bytes.toString('utf8');
  expect(
    excelText.startsWith(
      '\uFEFFKode;Nama;KK online;Penduduk online;KK dasar;Penduduk dasar;Partisipasi KK (%);Target (%)\r\n',
    ),
  ).toBe(true);
  expect(excelText.split('\r\n')[1]).toMatch(/^33\.16\.\d{2}\.\d{4};[^;]+;\d+;\d+;\d+;\d+;\d+(,\d+)?;/);
  const machine = await download(page, () => villages.getByRole('button', { name: 'CSV (mesin)' }).click());
  expect(machine.bytes.toString('utf8').split('\n')[0]).toBe(
    'kode,nama,kk_online,penduduk_online,kk_baseline,penduduk_baseline,rate_kk_pct,target_pct',
  );
  // In English the same three formats.
  await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await expect(page.getByRole('group', { name: 'Export villages' }).getByRole('button')).toHaveText([
    'XLSX',
    'CSV (Excel Indonesia)',
    'CSV (machine)',
  ]);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('id');

  // The dashboard: headline with its date, then kecamatan → desa → SLS.
  await page.getByRole('button', { name: 'Progres' }).click();
  await expect(page.getByTestId('tile-sponline')).toContainText('per 19/02/2020');
  await expect(page.getByTestId('tile-field')).toContainText('keluarga');
  // The trend chart draws its lines (kode with dots used to be read as paths: an empty chart).
  const trend = page.getByTestId('trend-chart');
  await expect(trend.locator('canvas').first()).toBeVisible();
  await expect(trend.locator('.ag-charts-no-data-overlay')).toHaveCount(0);
  await expect.poll(() => colouredPlotPixels(page, 'trend-chart')).toBeGreaterThan(200);
  await expect(gridRows(page, 'coverage-grid')).toHaveCount(16);
  await page.getByTestId('coverage-grid').getByText('Jati', { exact: true }).click();
  await expect(page.getByTestId('coverage-breadcrumb')).toContainText('Kecamatan Jati');
  await expect(gridRows(page, 'coverage-grid').first()).toHaveAttribute('row-id', /^33\.16\.01\.\d{4}$/);
  await gridRows(page, 'coverage-grid').first().click();
  await expect(page.getByTestId('coverage-breadcrumb')).toContainText('· SLS');
  // The grid swaps its rows after the breadcrumb changes: wait until only SLS rows are shown.
  await expect
    .poll(async () => {
      const slsIds = await gridRows(page, 'coverage-grid').evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('row-id')),
      );
      return slsIds.length > 0 && slsIds.every((id) => /^3316\d{12}$/.test(id ?? ''));
    })
    .toBe(true);

  const sheet = await download(page, () =>
    page.getByRole('group', { name: 'Ekspor tabel ini' }).getByRole('button', { name: 'XLSX' }).click(),
  );
  expect(sheet.name).toMatch(/^progres-sls-33\.16\.01\.\d{4}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(sheet.bytes.subarray(0, 2).toString()).toBe('PK');
  const pdf = await download(page, () => page.getByRole('button', { name: 'Laporan harian (PDF)' }).click());
  expect(pdf.name).toBe('laporan-harian-2020-02-19.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // The field tile counts every generated covered household.
  const covered = (generated.byStatus.complete ?? 0) + (generated.byStatus.online_verified ?? 0);
  await expect(page.getByTestId('tile-field')).toContainText(`${covered.toLocaleString('id-ID')} keluarga`);
});
