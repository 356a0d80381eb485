import fs from 'node:fs';
import { expect, gridRows, importBloraFrame, setUpBlora, test } from './fixtures.js';

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

  // The Import tab says what a package holds and that there is no template (the tablets make packages)…
  const expects = page.getByTestId('sync-expects');
  await expect(expects).toContainText('paket .spsync (arsip ZIP), satu per sinkronisasi petugas');
  await expect(expects).toContainText('manifest.json — keterangan paket: kode petugas (PPL)');
  await expect(expects).toContainText(
    'households.jsonl — satu baris per rumah tangga: ID rumah tangga, SLS (16 angka)',
  );
  await expect(expects).toContainText('Tidak ada template: paket dibuat aplikasi lapangan di tablet');
  await expect(page.getByRole('region', { name: 'Impor', exact: true }).getByRole('group')).toHaveCount(0);
  // …and, with no SLS master yet, that it must be imported first, with the way there.
  const noMaster = page.getByRole('status').filter({ hasText: 'Belum ada master SLS, jadi paket belum bisa diimpor' });
  await noMaster.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('region', { name: 'Impor master SLS' })).toBeVisible();

  // No conflict: what would bring one, and the way to the Import tab.
  await page.getByRole('button', { name: /Sinkronisasi/ }).click();
  await page.getByRole('tab', { name: 'Konflik' }).click();
  const noConflicts = page.getByRole('status').filter({ hasText: 'Tidak ada konflik yang menunggu keputusan' });
  await expect(noConflicts).toContainText('revisi yang sama dari satu rumah tangga dengan isi berbeda');
  await noConflicts.getByRole('button', { name: 'Buka tab Impor' }).click();
  await expect(page.getByRole('tab', { name: 'Impor', exact: true })).toHaveAttribute('aria-selected', 'true');

  // Households per SLS with no SLS: the way to the SLS master's import.
  await page.getByRole('tab', { name: 'Rumah tangga per SLS' }).click();
  const noSlsToPick = page.getByRole('status').filter({ hasText: 'Belum ada SLS. Impor master SLS' });
  await noSlsToPick.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('region', { name: 'Impor master SLS' })).toBeVisible();

  // The places are there from the setup, but no SLS yet: Wilayah says why its SLS counts are 0.
  await page.getByRole('button', { name: 'Wilayah', exact: true }).click();
  const noSlsInPlaces = page.getByRole('status').filter({ hasText: 'kolom SLS dan perkiraan KK masih 0' });
  await noSlsInPlaces.getByRole('button', { name: 'Buka Impor & Ekspor' }).click();
  await expect(page.getByRole('region', { name: 'Impor master SLS' })).toBeVisible();

  // SP Online with no target: the ranking says why Target is empty and where to set one; a target ends the hint.
  await page.getByRole('button', { name: 'SP Online' }).click();
  const ranking = page.getByRole('region', { name: 'Peringkat kecamatan' });
  await expect(ranking.getByRole('status')).toHaveText(
    'Belum ada target SP Online, jadi kolom Target dan Capaian target kosong. Isi Target (% KK) untuk kabupaten di atas; kecamatan dan desa mengikutinya.',
  );
  const targetForm = page.getByRole('form', { name: 'Target' });
  // The regency by its name, which says what it is (not "Kabupaten KABUPATEN BLORA").
  await expect(targetForm.getByLabel('Tempat').locator('option').first()).toHaveText('KABUPATEN BLORA (—)');
  await targetForm.getByLabel('Target (% KK)').fill('80');
  await targetForm.getByRole('button', { name: 'Simpan target' }).click();
  await expect(targetForm).toContainText('disimpan');
  await expect(ranking.getByRole('status')).toHaveCount(0);
});

test('after a reload the breadcrumbs name their places, officers and SLS, not their codes; an SLS with no household says where they come from', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  // The SLS master, the officers and three SLS of Jati given to one PPL.
  await importBloraFrame(office, { assign: true });

  // By place: Kabupaten › Kecamatan Jati › Desa <name>, the same after a reload.
  await page.getByRole('button', { name: 'Progres' }).click();
  const breadcrumb = page.getByTestId('coverage-breadcrumb');
  await page.getByTestId('coverage-grid').getByText('Jati', { exact: true }).click();
  await expect(breadcrumb).toContainText('Kecamatan Jati');
  const village = gridRows(page, 'coverage-grid').first();
  await expect(village).toHaveAttribute('row-id', /^33\.16\.01\.\d{4}$/);
  const villageName = (await village.locator('[col-id="nama"]').textContent())?.trim() ?? '';
  await village.click();
  await expect(breadcrumb).toContainText(`Desa ${villageName}`);
  await page.reload();
  await expect(breadcrumb).toContainText(`Kecamatan Jati › Desa ${villageName}`);
  await expect(breadcrumb.getByRole('button')).not.toContainText([/33\.16/]);

  // By officer: Koseka › PML › PPL, named after a reload too.
  await page.getByRole('button', { name: 'Per petugas' }).click();
  for (const [level, code] of [
    ['Koseka', 'KSK-3316-001'],
    ['PML', 'PML-3316-0001'],
    ['PPL', 'PPL-3316-0001'],
  ]) {
    const row = page.getByTestId('coverage-grid').locator(`[row-id="${code}"]`);
    const name = (await row.locator('[col-id="nama"]').textContent())?.trim() ?? '';
    await row.click();
    await expect(breadcrumb).toContainText(`${level} ${name}`);
  }
  const named = (await breadcrumb.textContent())?.trim() ?? '';
  await page.reload();
  await expect(breadcrumb).toHaveText(named);
  await expect(breadcrumb).toContainText('Koseka Dewi Sari › PML Dewi Purnomo › PPL Sri Setiawan');
  await expect(breadcrumb).not.toContainText('3316-');

  // An SLS from the drill-down, before any package: its name heads the panel (also after a reload),
  // and the empty list says where its households come from.
  await page.goto(new URL('/#/sinkronisasi?tab=households&sls=3316012001000100', office.url).href);
  const panel = page.getByRole('heading', { name: /RT 001 RW 001 · 3316012001000100/ });
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(panel).toBeVisible();
  const noHouseholds = page
    .getByRole('status')
    .filter({ hasText: 'Belum ada rumah tangga yang diterima dari SLS ini' });
  await noHouseholds.getByRole('button', { name: 'Buka tab Impor' }).click();
  await expect(page.getByRole('tab', { name: 'Impor', exact: true })).toHaveAttribute('aria-selected', 'true');
  // With the master imported the Import tab no longer asks for it.
  await expect(page.getByTestId('sync-expects')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Belum ada master SLS' })).toHaveCount(0);
});
