import { expect, gridRows, setUpBlora, test } from './fixtures.js';

test('first run: pick Blora, Wilayah shows its 16 kecamatan and 295 villages', { tag: '@journey' }, async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await expect(page.getByRole('heading', { name: 'Wilayah', level: 1 })).toBeVisible();
  await expect(page.getByTestId('wilayah-summary')).toHaveText('KABUPATEN BLORA · 16 kecamatan · 295 desa/kelurahan');
  await expect(gridRows(page, 'kecamatan-grid')).toHaveCount(16);
  const total = page.getByTestId('kecamatan-grid').locator('.ag-row-pinned');
  await expect(total).toContainText('Jumlah');
  await expect(page.getByTestId('desa-count')).toHaveText('295 ditampilkan');

  await page.getByTestId('kecamatan-grid').getByText('Jati', { exact: true }).click();
  await expect(page.getByTestId('desa-count')).not.toHaveText('295 ditampilkan');
  await page.getByRole('searchbox', { name: 'Saring cepat…' }).fill('xyz-no-such-village');
  await expect(page.getByTestId('desa-count')).toHaveText('0 ditampilkan');
});

test('the language switches to English and stays after a reload, with the chosen kecamatan', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByTestId('kecamatan-grid').getByText('Blora', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Regions', level: 1 })).toBeVisible();
  await expect(page.getByTestId('wilayah-summary')).toHaveText('KABUPATEN BLORA · 16 districts · 295 villages');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Regions', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Village \(desa\/kelurahan\) — Blora/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Officers & Assignments' })).toBeVisible();
});

test('every area of the sidebar opens', { tag: '@journey' }, async ({ page, office }) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  // A saved setting says so.
  const keep = page.getByLabel('Jumlah cadangan otomatis yang disimpan');
  await keep.fill('9');
  await page.getByRole('row').filter({ has: keep }).getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('row').filter({ has: keep }).getByRole('status')).toHaveText('Tersimpan.');
  await expect(keep).toHaveValue('9');
});
