import { expect, gridRows, setUpBlora, test } from './fixtures.js';

/** A day as the office writes it (dd/mm/yyyy) in its own zone, `offset` days from today. */
function officeDay(offset = 0): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-GB', { timeZone: 'Asia/Jakarta' });
}

for (const locale of ['id-ID', 'en-US']) {
  test.describe(`browser locale ${locale}`, () => {
    test.use({ locale, viewport: { width: 1366, height: 768 } });

    test('date fields read and write dd/mm/yyyy and say plainly when a text is no date', async ({ page, office }) => {
      await setUpBlora(page, office);
      await page.getByRole('button', { name: /Pengaturan/ }).click();
      await page.getByRole('tab', { name: 'Jejak audit' }).click();
      const rows = gridRows(page, 'audit-grid');
      await expect(rows.first()).toBeVisible();
      const all = await rows.count();
      // The trail's times are written the office's way too.
      await expect(page.getByTestId('audit-grid')).toContainText(officeDay());

      const from = page.getByRole('textbox', { name: 'Dari tanggal' });
      await expect(from).toHaveAttribute('placeholder', 'hh/bb/tttt');
      await from.fill(officeDay(1));
      await expect(rows).toHaveCount(0);
      await from.fill(officeDay());
      await expect(from).toHaveValue(officeDay());
      await expect(rows).toHaveCount(all);

      // 31 February is refused in words, and filters nothing.
      await from.fill('31/02/2026');
      await expect(page.getByRole('alert')).toHaveText('Tulis tanggal sebagai hh/bb/tttt, misalnya 17/08/2026.');
      await expect(from).toHaveAttribute('aria-invalid', 'true');
      await expect(rows).toHaveCount(all);

      const to = page.getByRole('textbox', { name: 'Sampai tanggal' });
      await to.fill(officeDay(-1));
      await expect(rows).toHaveCount(0);
      await to.fill('');
      await expect(rows).toHaveCount(all);

      // In English the field still reads day first.
      await from.fill(officeDay());
      await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
      const fromEn = page.getByRole('textbox', { name: 'From date' });
      await expect(fromEn).toHaveValue(officeDay());
      await expect(fromEn).toHaveAttribute('placeholder', 'dd/mm/yyyy');
      await expect(rows).toHaveCount(all);
    });

    test('Pengaturan keeps the field-work dates as typed, dd/mm/yyyy', async ({ page, office }) => {
      await setUpBlora(page, office);
      await page.getByRole('button', { name: /Pengaturan/ }).click();
      await page.getByRole('tab', { name: 'Pengaturan kantor' }).click();
      const start = page.getByRole('textbox', { name: 'Mulai pencacahan lapangan' });
      await start.fill('1/9/2026');
      const row = page.getByRole('row').filter({ has: start });
      await row.getByRole('button', { name: 'Simpan' }).click();
      await expect(row.getByRole('button', { name: 'Simpan' })).toBeDisabled();
      await page.reload();
      await page.getByRole('tab', { name: 'Pengaturan kantor' }).click();
      await expect(page.getByRole('textbox', { name: 'Mulai pencacahan lapangan' })).toHaveValue('01/09/2026');
    });
  });
}
