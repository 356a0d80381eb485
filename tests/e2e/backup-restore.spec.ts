import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { runCliProcess } from '../support/office-process.js';
import { addUser, expect, login, setUpBlora, test } from './fixtures.js';

const OPERATOR = { username: 'petugas', password: 'rahasia-petugas-1', role: 'operator' };
const target = (p: Page) => p.getByLabel('Target beban KK per PPL');

async function openBackups(page: Page) {
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await page.getByRole('tab', { name: 'Cadangan' }).click();
}

test('the admin restores a backup from Pengaturan: asked first, a damaged file refused, then everyone logs in to the backup', async ({
  page,
  office,
  browser,
}) => {
  await addUser(office, OPERATOR);
  await setUpBlora(page, office);
  // The office as it is in the backup: target 300. Then a change the restore will replace: 250.
  await openBackups(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  const backupName = (await download).suggestedFilename();
  await page.getByRole('tab', { name: 'Pengaturan kantor' }).click();
  await target(page).fill('250');
  await page
    .getByRole('row', { name: /Target beban KK per PPL/ })
    .getByRole('button', { name: 'Simpan' })
    .click();
  await expect(page.getByText('Tersimpan.')).toBeVisible();

  // An operator at another desk: no backups tab, no restore button.
  const other = await (await browser.newContext()).newPage();
  await login(other, office, OPERATOR);
  await other.getByRole('button', { name: /Pengaturan/ }).click();
  await expect(target(other)).toHaveValue('250');
  await expect(other.getByRole('tab', { name: 'Cadangan' })).toHaveCount(0);
  await expect(other.getByRole('button', { name: /Pulihkan/ })).toHaveCount(0);

  // A damaged backup file picked from the disk is refused with what to do, and nothing changes.
  const damaged = path.join(path.dirname(office.dbFile), 'kiriman-rusak.db');
  fs.writeFileSync(damaged, 'bukan cadangan\n'.repeat(400));
  await page.getByRole('tab', { name: 'Cadangan' }).click();
  await page.getByLabel('Pulihkan dari berkas…').setInputFiles(damaged);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Pulihkan cadangan kiriman-rusak.db?');
  await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('kiriman-rusak.db bukan basis data yang dapat dibaca');
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await expect(dialog).toBeHidden();
  await expect(target(other)).toHaveValue('250');

  // The real backup: the dialog names it and its time and says newer changes are replaced.
  await page.getByRole('button', { name: `Pulihkan ${backupName}` }).click();
  await expect(dialog).toContainText(`Pulihkan cadangan ${backupName}?`);
  await expect(dialog).toContainText(/dikembalikan seperti pada \d\d\/\d\d\/\d{4} \d\d\.\d\d/);
  await expect(dialog).toContainText('Semua perubahan setelah waktu itu');
  await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();

  // Both desks are back at the login screen, told why; the admin also sees where the previous database went.
  // The swap restarts every database thread: on a loaded machine that takes well over the usual 10 s.
  for (const p of [page, other]) {
    await expect(p.getByRole('heading', { name: 'Masuk ke Pendopo' })).toBeVisible({ timeout: 60_000 });
    await expect(p.getByText('Basis data baru saja dipulihkan dari cadangan oleh admin')).toBeVisible();
  }
  await expect(page.getByTestId('restore-result')).toContainText(
    new RegExp(
      `Dipulihkan dari ${backupName.replace('.', '\\.')}\\. Basis data sebelumnya disimpan sebagai pendopo\\.db\\.before-restore-`,
    ),
  );
  // The operator's old session is gone on the server too, not only on the screen.
  const stale = await other.request.post(`${office.url}api/call/settings.list`, { data: {} });
  expect(stale.status()).toBe(401);
  const keptAside = fs.readdirSync(path.dirname(office.dbFile)).filter((n) => n.includes('.before-restore-'));
  expect(keptAside).toHaveLength(1);

  // Logged in again, the data is the backup's.
  await login(page, office);
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await expect(target(page)).toHaveValue('300');
  await login(other, office, OPERATOR);
  await other.getByRole('button', { name: /Pengaturan/ }).click();
  await expect(target(other)).toHaveValue('300');
});

test('a backup file from before any account was made: after restoring it, the office asks for its first admin', async ({
  page,
  office,
}) => {
  const early = path.join(path.dirname(office.dbFile), 'awal.db');
  const init = await runCliProcess(['--db', early, 'init', '--kabupaten', '33.16']);
  expect(init.code).toBe(0);
  await setUpBlora(page, office);
  await openBackups(page);
  await page.getByLabel('Pulihkan dari berkas…').setInputFiles(early);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Basis data akan diganti dengan isi berkas ini');
  await dialog.getByRole('button', { name: 'Ya, pulihkan' }).click();
  await expect(page.getByRole('heading', { name: 'Buat akun admin' })).toBeVisible({ timeout: 60_000 });
  // The uploaded file is kept with the backups, and the previous database beside the database.
  const backups = fs.readdirSync(path.join(path.dirname(office.dbFile), 'pendopo-files', 'backups'));
  expect(backups).toContainEqual(expect.stringMatching(/^pendopo-upload-\d{8}-\d{6}\.db$/));
  expect(fs.readdirSync(path.dirname(office.dbFile)).filter((n) => n.includes('.before-restore-'))).toHaveLength(1);
});
