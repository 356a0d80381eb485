import fs from 'node:fs';
import path from 'node:path';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

test('Zona Integritas: import registers, declare with witnesses, sign 10 pacts, refuse an out-of-order stage, print the list', {
  tag: '@journey',
}, async ({ page, office }) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Zona Integritas' }).click();
  await expect(page.getByRole('heading', { name: 'Zona Integritas', level: 1 })).toBeVisible();

  await page
    .locator('input[type=file][aria-label="Impor daftar OPD"]')
    .setInputFiles(path.join(SAMPLES, 'opd-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'opd-blora.csv diimpor.' })).toContainText('40 baru');
  await page
    .locator('input[type=file][aria-label="Impor daftar pegawai"]')
    .setInputFiles(path.join(SAMPLES, 'pegawai-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'pegawai-blora.csv diimpor.' })).toContainText('1.000 baru');
  await expect(page.getByTestId('zi-summary')).toHaveText(
    '40 OPD · 1.000 pegawai · 0 sudah menandatangani pakta (0,0%)',
  );

  // A declaration with two witnesses and its signed document.
  await page.getByRole('tab', { name: 'Pencanangan' }).click();
  await page.getByRole('textbox', { name: 'Tempat' }).fill('Pendopo Rumah Dinas Bupati Blora');
  await page.getByRole('checkbox', { name: 'OPD-01 Sekretariat Daerah' }).check();
  await page.getByRole('textbox', { name: 'Nama saksi 1' }).fill('H. Arief Rohman');
  await page.getByRole('button', { name: '+ Tambah saksi' }).click();
  await page.getByRole('textbox', { name: 'Nama saksi 2' }).fill('Mustopa');
  await page.getByRole('textbox', { name: 'Jabatan saksi 2' }).fill('Ketua DPRD');
  await page
    .getByLabel('Dokumen deklarasi yang ditandatangani')
    .setInputFiles({ name: 'deklarasi.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 deklarasi') });
  await page.getByRole('button', { name: 'Simpan pencanangan' }).click();
  await expect(page.getByRole('status')).toHaveText('Pencanangan #1 dicatat: 1 OPD, 2 saksi.');
  await expect(page.getByTestId('zi-declarations')).toContainText('H. Arief Rohman (Bupati) · Mustopa (Ketua DPRD)');
  await expect(page.getByTestId('zi-declarations')).toContainText('deklarasi.pdf');

  // The OPD's view: tick 10 employees and sign them in one action.
  await page.getByRole('tab', { name: 'Ikhtisar OPD' }).click();
  await page.getByRole('searchbox', { name: 'Cari OPD…' }).fill('Sekretariat Daerah');
  await page.getByTestId('zi-opd-grid').getByText('Sekretariat Daerah', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sekretariat Daerah (OPD-01)' })).toBeVisible();
  await expect(page.getByTestId('opd-signed-pct')).toHaveText('0,0%');
  await expect(page.getByText('0 dari 25 pegawai sudah menandatangani')).toBeVisible();
  await expect(page.getByTestId('zi-employee-grid')).toContainText(/\d{8}\*{8}\d{2}/);
  await expect(page.getByTestId('zi-employee-grid')).not.toContainText(/\d{18}/);
  await expect(page.getByRole('combobox', { name: 'Acara' })).toContainText('#1');
  const ticks = page.getByTestId('zi-employee-grid').getByRole('checkbox', { name: /toggle row selection/ });
  for (let i = 0; i < 10; i++) await ticks.nth(i).check();
  await page.getByRole('button', { name: 'Tandai sudah TTD (10)' }).click();
  await expect(page.getByRole('status')).toHaveText('10 pakta dicatat, 0 sudah ada.');
  await expect(page.getByTestId('opd-signed-pct')).toHaveText('40,0%');
  await expect(page.getByText('10 dari 25 pegawai sudah menandatangani')).toBeVisible();
  // What was stored clears the ticks; the counter only counts pacts that signing would record.
  await expect(ticks.first()).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Tandai sudah TTD (0)' })).toBeDisabled();
  await ticks.nth(0).check();
  await expect(page.getByRole('button', { name: 'Tandai sudah TTD (0)' })).toBeDisabled();
  await ticks.nth(0).uncheck();
  await page.getByRole('radio', { name: 'Belum TTD', exact: true }).check();
  await expect(gridRows(page, 'zi-employee-grid')).toHaveCount(15);
  await page.getByRole('radio', { name: 'Sudah TTD', exact: true }).check();
  await gridRows(page, 'zi-employee-grid').first().locator('[col-id="nama"]').dblclick();
  // The employee's own record is the one place the full NIP shows.
  await expect(page.getByTestId('zi-record-nip')).toHaveText(/^\d{18}$/);
  await expect(page.getByRole('complementary', { name: 'Data pegawai' })).toContainText('berlaku · #1');

  // Stages: the declaration started "pencanangan"; jumping to "pengusulan" is refused.
  await page.getByRole('tab', { name: 'Tahapan' }).click();
  await expect(page.getByTestId('zi-timeline')).toContainText('Pencanangan');
  await page.getByRole('combobox', { name: 'Tahap berikutnya' }).selectOption('pengusulan');
  await page.getByRole('button', { name: 'Simpan tahap' }).click();
  // Said in Indonesian, the stages by their labels (never `"pengusulan" cannot come next`).
  await expect(page.getByRole('alert')).toContainText(
    'OPD-01 sedang di tahap Pencanangan; tahap Pengusulan tidak bisa menyusul. Tahap berikutnya yang boleh: Pembangunan.',
  );
  await expect(page.getByTestId('zi-timeline').locator('li')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Tahap berikutnya' }).selectOption('pembangunan');
  await page.getByRole('button', { name: 'Simpan tahap' }).click();
  await expect(page.getByTestId('zi-timeline').locator('li')).toHaveCount(2);

  // The next stage offered is the one that may follow; the LKE worksheet totals an answer.
  await expect(page.getByRole('combobox', { name: 'Tahap berikutnya' })).toHaveValue('penilaian_internal');
  await page.getByRole('tab', { name: 'LKE' }).click();
  await gridRows(page, 'zi-lke-grid').first().locator('[col-id="achievement"]').dblclick();
  await page.keyboard.type('100');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('zi-lke-totals')).toHaveText('Pengungkit 8 · Hasil 0 · Total 8');

  // The printable signature list.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh daftar tanda tangan (PDF)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('pakta-OPD-01.pdf');
  const bytes = fs.readFileSync(await file.path());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

  // Back on the overview, the OPD leads the ranking.
  await page.getByRole('button', { name: '← Semua OPD' }).click();
  await expect(page.getByTestId('zi-opd-grid').locator('.ag-row[row-index="0"]').first()).toContainText('40,0%');

  // The LKE weights: both grids are tall enough to read (the items grid used to be 2 px high).
  await page.getByRole('tab', { name: 'Bobot LKE' }).click();
  for (const id of ['zi-lke-items', 'zi-lke-marks']) {
    await expect(gridRows(page, id).first()).toBeVisible();
    const box = await page.getByTestId(id).locator('.ag-root-wrapper').boundingBox();
    expect(box?.height ?? 0, id).toBeGreaterThan(120);
  }
});

test('ASN SP Online: a pasted NIP list raises the OPD rate; an unknown NIP is refused masked', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Zona Integritas' }).click();
  await page
    .locator('input[type=file][aria-label="Impor daftar OPD"]')
    .setInputFiles(path.join(SAMPLES, 'opd-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'opd-blora.csv' })).toBeVisible();
  await page
    .locator('input[type=file][aria-label="Impor daftar pegawai"]')
    .setInputFiles(path.join(SAMPLES, 'pegawai-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'pegawai-blora.csv' })).toBeVisible();
  await page.getByRole('tab', { name: 'Partisipasi ASN SP Online' }).click();
  await page
    .getByRole('textbox', { name: /Tempel daftar NIP/ })
    .fill('198405042008081646\n197603262000111699, 199506012021032795');
  await page.getByRole('button', { name: 'Tandai sudah SP Online' }).click();
  await expect(page.getByRole('status')).toHaveText('3 ditandai, 0 sudah tercatat.');
  await expect(page.getByTestId('zi-asn-grid').locator('.ag-row[row-index="0"]').first()).toContainText('OPD-01');
  await page.getByRole('textbox', { name: /Tempel daftar NIP/ }).fill('199901012020011999');
  await page.getByRole('button', { name: 'Tandai sudah SP Online' }).click();
  await expect(page.getByRole('alert')).toContainText('19990101********99');
  await expect(page.getByRole('alert')).not.toContainText('199901012020011999');
});
