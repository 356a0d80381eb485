import path from 'node:path';
import { expect, setUpBlora, test } from './fixtures.js';

const REAL = path.resolve(import.meta.dirname, '../fixtures/real/office');

test('a clerk imports an officer list saved as Windows-1252 and is told so; an .xls and rounded codes are refused in Indonesian with what to do', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Petugas & Penugasan' }).click();
  await page.getByRole('tab', { name: 'Impor & Ekspor' }).click();
  const sls = page.locator('input[type=file][aria-label="Impor master SLS"]');
  const officers = page.locator('input[type=file][aria-label="Impor daftar petugas"]');
  const slsPanel = page.getByRole('region', { name: 'Impor master SLS' });
  const officersPanel = page.getByRole('region', { name: 'Impor daftar petugas' });

  await officers.setInputFiles(path.join(REAL, 'petugas.excel97.xls'));
  await expect(officersPanel.getByRole('alert')).toContainText('berkas Excel lama (.xls)');
  await expect(officersPanel.getByRole('alert')).toContainText('simpan sebagai .xlsx atau CSV (UTF-8)');

  await sls.setInputFiles(path.join(REAL, 'sls.codes-as-numbers.xlsx'));
  const refused = slsPanel.getByRole('alert');
  await expect(refused).toContainText('tidak ada yang diimpor');
  await expect(refused.getByRole('region', { name: 'Masalah' })).toContainText('Format kolom sls_id sebagai Teks');

  await sls.setInputFiles(path.join(REAL, 'sls.codes-as-text.xlsx'));
  await expect(slsPanel.getByRole('status')).toContainText('sls.codes-as-text.xlsx diimpor.');
  await expect(slsPanel.getByRole('status')).toContainText('5.416 SLS');

  await officers.setInputFiles(path.join(REAL, 'petugas.win1252.csv'));
  const done = officersPanel.getByRole('status');
  await expect(done).toContainText('petugas.win1252.csv diimpor.');
  await expect(done).toContainText('1.161 petugas');
  await expect(done).toContainText('dibaca sebagai Windows-1252');

  await page.getByRole('tab', { name: 'Petugas & Struktur' }).click();
  await expect(page.getByText('Ma’ruf Hidayat').first()).toBeVisible();
});
