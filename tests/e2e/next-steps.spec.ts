import fs from 'node:fs';
import { expect, setUpBlora, test } from './fixtures.js';

test('on a fresh database the empty SLS and officer lists lead to their imports, whose template re-imports', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Petugas & Penugasan' }).click();

  // No SLS yet: the list says which import fills it, and its button goes there.
  const noSls = page.getByRole('status').filter({ hasText: 'Belum ada SLS' });
  await expect(noSls).toContainText('Impor master SLS di Petugas → Impor & Ekspor.');
  await noSls.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('tab', { name: 'Impor & Ekspor' })).toHaveAttribute('aria-selected', 'true');

  // The panel names the columns the importer reads and hands out a template with that header.
  const slsPanel = page.getByRole('region', { name: 'Impor master SLS' });
  await expect(slsPanel).toContainText('Kolom yang dibaca (baris judul): sls_id, kode_desa, nama_sls, perkiraan_kk');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    slsPanel.getByRole('group', { name: 'Unduh template' }).getByRole('button', { name: 'XLSX' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('template-master-sls.xlsx');
  const template = await download.path();
  // Imported back as it is, its header is accepted: the only problem is that no row is filled in.
  await slsPanel.locator('input[type=file]').setInputFiles({
    name: 'template-master-sls.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: fs.readFileSync(template),
  });
  const rejected = slsPanel.getByRole('alert');
  await expect(rejected).toContainText('Berkas tidak berisi baris data di bawah baris judul.');
  await expect(rejected).not.toContainText('Kolom wajib');

  // No officers yet: the same way to the officer list's import.
  await page.getByRole('tab', { name: 'Petugas & Struktur' }).click();
  const noOfficers = page.getByRole('status').filter({ hasText: 'Belum ada petugas' });
  await expect(noOfficers).toContainText('Impor daftar petugas di Petugas → Impor & Ekspor.');
  await noOfficers.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('region', { name: 'Impor daftar petugas' })).toContainText(
    'kode, nama, peran, kode_kecamatan, atasan (boleh tidak ada), telepon (boleh tidak ada)',
  );

  // No OPD register yet: the integrity overview points to its import, which shows its columns.
  await page.getByRole('button', { name: 'Zona Integritas' }).click();
  await expect(page.getByTestId('zi-opd-grid')).toContainText('Belum ada daftar OPD. Impor daftar OPD');
  await expect(page.getByRole('region', { name: 'Impor daftar OPD' })).toContainText(
    'Kolom yang dibaca (baris judul): kode',
  );

  // Progress with no SLS yet points to the SLS master's import.
  await page.getByRole('button', { name: 'Progres' }).click();
  const noProgress = page.getByRole('status').filter({ hasText: 'Belum ada SLS, jadi belum ada progres' });
  await noProgress.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('tab', { name: 'Impor & Ekspor' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Impor master SLS' })).toBeVisible();

  // No sync package imported yet: the history points to the Import tab.
  await page.getByRole('button', { name: /Sinkronisasi/ }).click();
  await page.getByRole('tab', { name: 'Riwayat impor' }).click();
  const noImports = page.getByRole('status').filter({ hasText: 'Belum ada paket yang diimpor' });
  await noImports.getByRole('button', { name: 'Buka tab Impor' }).click();
  await expect(page.getByRole('tab', { name: 'Impor', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Pilih paket…')).toBeAttached();
});
