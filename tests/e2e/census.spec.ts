import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

test('a coordinator imports the frame and officers, assigns 10 SLS, auto-balances Jati and downloads the XLSX', async ({ page, office }) => {
  test.setTimeout(120_000);
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Petugas & Penugasan' }).click();
  await expect(page.getByRole('heading', { name: 'Petugas & Penugasan', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Impor & Ekspor' }).click();
  await page.locator('input[type=file][aria-label="Impor master SLS"]').setInputFiles(path.join(SAMPLES, 'sls-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'sls-blora.csv diimpor.' })).toContainText('5.415 SLS: 5415 baru');
  await page.locator('input[type=file][aria-label="Impor daftar petugas"]').setInputFiles(path.join(SAMPLES, 'petugas-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'petugas-blora.csv diimpor.' })).toContainText('1161 petugas (16 Koseka, 195 PML, 950 PPL)');

  // Multi-select 10 SLS of Jati and give them to one PPL.
  await page.getByRole('tab', { name: 'SLS & Penugasan' }).click();
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption('33.16.01');
  await expect(page.getByTestId('sls-totals')).toContainText('210 SLS');
  const rows = gridRows(page, 'sls-grid');
  for (let i = 0; i < 10; i++) await rows.nth(i).locator('.ag-selection-checkbox input').check();
  await expect(page.getByTestId('selection-count')).toContainText('10 SLS dipilih');
  await page.getByRole('combobox', { name: 'PPL' }).selectOption('PPL-3316-0001');
  await expect(page.getByTestId('ppl-load-figures')).toHaveText('0 SLS · 0 KK (target 300 KK)');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('status')).toContainText('10 SLS ditugaskan ke PPL-3316-0001');
  await expect(page.getByTestId('ppl-load-figures')).toContainText('10 SLS ·');
  await expect(page.getByTestId('team-load')).toContainText('10 SLS');
  await expect(rows.first()).toContainText('PPL-3316-0001 · Sri Setiawan');

  // History is one click away.
  await rows.first().getByRole('button', { name: /Riwayat SLS/ }).click();
  await expect(page.getByRole('region', { name: /Riwayat 3316012001/ })).toContainText('PPL-3316-0001 · Sri Setiawan');

  // A PPL from another kecamatan triggers the warning.
  await rows.nth(20).locator('.ag-selection-checkbox input').check();
  await page.getByRole('combobox', { name: 'PPL' }).selectOption('PPL-3316-0950');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('alert')).toContainText('1 SLS berada di luar kecamatan PPL-3316-0950');
  await page.getByRole('button', { name: 'Batal' }).click();

  // Auto-balance Jati: preview, then accept.
  await page.getByRole('tab', { name: 'Seimbangkan Otomatis' }).click();
  await page.getByRole('button', { name: 'Buat usulan' }).click();
  await expect(page.getByTestId('balance-summary')).toContainText('Semua PPL dalam batas.');
  await expect(page.getByTestId('balance-loads').locator('tbody tr')).toHaveCount(37);
  await page.getByRole('button', { name: 'Terima usulan' }).click();
  await expect(page.getByRole('status')).toContainText('Usulan diterima: 200 baru');

  // Download the XLSX of Jati.
  await page.getByRole('tab', { name: 'Impor & Ekspor' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Unduh XLSX per kecamatan' }).click()]);
  expect(download.suggestedFilename()).toBe('penugasan-331601.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('Jati')!;
  expect(sheet.rowCount).toBe(4 + 210);
  const pplColumn = sheet.getColumn(6).values.slice(5);
  expect(pplColumn.every((v) => typeof v === 'string' && /\(PPL-3316-\d{4}\)$/.test(v))).toBe(true);
});
