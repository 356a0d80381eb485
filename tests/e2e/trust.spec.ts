import path from 'node:path';
import { startOfficeProcess, tempDir } from '../support/office-process.js';
import { addUser, E2E_ADMIN, expect, gridRows, login, setUpBlora, test } from './fixtures.js';

test('first run on a new install: create the admin, then choose the regency', async ({ page }) => {
  const fresh = await startOfficeProcess();
  try {
    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'Buat akun admin' })).toBeVisible();
    await page.getByLabel('Nama lengkap').fill('Kepala Seksi');
    await page.getByLabel('Nama pengguna').fill('kasi');
    await page.getByLabel('Kata sandi', { exact: true }).fill('rahasia-kantor-1');
    await page.getByLabel('Ulangi kata sandi').fill('rahasia-kantor-2');
    await page.getByRole('button', { name: 'Buat admin' }).click();
    await expect(page.getByRole('alert')).toHaveText('Kedua kata sandi tidak sama.');
    await page.getByLabel('Ulangi kata sandi').fill('rahasia-kantor-1');
    await page.getByRole('button', { name: 'Buat admin' }).click();
    await page.getByRole('searchbox', { name: 'Cari kabupaten/kota' }).fill('blora');
    await page.getByRole('button', { name: /KABUPATEN BLORA/ }).click();
    await expect(page.getByTestId('current-user')).toContainText('Kepala Seksi');
    await expect(page.getByTestId('wilayah-summary')).toContainText('16 kecamatan');
  } finally {
    await fresh.stop();
  }
});

test('a wrong password is refused; the admin adds an office head who sees the audit trail but not the accounts', async ({
  page,
  office,
}) => {
  await page.goto(office.url);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('salah-sekali');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toContainText('Nama pengguna atau kata sandi salah');

  await setUpBlora(page, office);
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await page.getByRole('tab', { name: 'Pengguna' }).click();
  const form = page.getByRole('form', { name: 'Pengguna baru' });
  await form.getByLabel('Nama pengguna').fill('kepala');
  await form.getByLabel('Nama lengkap').fill('Ibu Kepala');
  await form.getByLabel('Peran').selectOption('pimpinan');
  await form.getByLabel('Kata sandi').fill('rahasia-kepala-1');
  await form.getByRole('button', { name: 'Tambah pengguna' }).click();
  await expect(gridRows(page, 'users-grid')).toHaveCount(2);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await login(page, office, { username: 'kepala', password: 'rahasia-kepala-1' });
  await expect(page.getByTestId('current-user')).toContainText('Pimpinan');
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await expect(page.getByRole('tab', { name: 'Pengguna' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Cadangan' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'Jejak audit' }).click();
  await page.getByRole('combobox', { name: 'Operasi' }).selectOption('users.create');
  // The installer's admin (created by the CLI as "system") and the head of office.
  await expect(gridRows(page, 'audit-grid')).toHaveCount(2);
  await expect(page.getByTestId('audit-grid')).toContainText('membuat kepala sebagai Pimpinan');
  await page.getByRole('combobox', { name: 'Pengguna' }).selectOption('system');
  await expect(gridRows(page, 'audit-grid')).toHaveCount(1);
  await expect(page.getByTestId('audit-grid')).toContainText('membuat admin sebagai Admin');
  await page.getByRole('button', { name: 'Periksa rantai audit' }).click();
  await expect(page.getByTestId('audit-verify')).toContainText('Rantai audit utuh');
  // Office settings are readable but not editable for the head of office.
  await page.getByRole('tab', { name: 'Pengaturan kantor' }).click();
  await expect(page.getByLabel('Target beban KK per PPL')).toBeDisabled();
});

test('the window locks after the idle time and unlocks with the password', async ({ page, office }) => {
  await page.clock.install();
  await setUpBlora(page, office);
  await page.clock.fastForward('16:00'); // the default idle lock is 15 minutes
  await expect(page.getByRole('heading', { name: 'Terkunci' })).toBeVisible();
  await expect(page.getByLabel('Nama pengguna')).toHaveValue('admin');
  await page.getByLabel('Kata sandi').fill('rahasia-kantor-1');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByTestId('wilayah-summary')).toContainText('295');
});

test('backups: one taken at start, a manual one downloaded, and the database check passes', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: /Pengaturan/ }).click();
  await page.getByRole('tab', { name: 'Cadangan' }).click();
  await expect(page.getByTestId('backup-list')).toContainText('otomatis');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cadangkan sekarang' }).click();
  expect((await download).suggestedFilename()).toMatch(/^pendopo-\d{8}-\d{6}\.db$/);
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Periksa basis data' }).click();
  await expect(page.getByTestId('backup-check')).toContainText('Basis data sehat');
});

test('two clerks editing the same setting: the second save is refused, not lost', async ({ page, office, browser }) => {
  await setUpBlora(page, office);
  const other = await (await browser.newContext()).newPage();
  await login(other, office);
  for (const p of [page, other]) {
    await p.getByRole('button', { name: /Pengaturan/ }).click();
    await expect(p.getByLabel('Target beban KK per PPL')).toHaveValue('300');
  }
  const save = (p: typeof page) =>
    p.getByRole('row', { name: /Target beban KK per PPL/ }).getByRole('button', { name: 'Simpan' });
  await page.getByLabel('Target beban KK per PPL').fill('250');
  await save(page).click();
  await expect(page.getByLabel('Target beban KK per PPL')).toHaveValue('250');
  await other.getByLabel('Target beban KK per PPL').fill('280');
  await save(other).click();
  await expect(other.getByRole('alert')).toContainText(
    'Data ini baru saja diubah orang lain. Muat ulang lalu coba lagi.',
  );
  await other.reload();
  await expect(other.getByLabel('Target beban KK per PPL')).toHaveValue('250');
});

test('bound to the network, the login page still loads and works; nothing else does without a session', async ({
  page,
  request,
}) => {
  const dir = tempDir();
  await addUser({ dbFile: path.join(dir, 'pendopo.db') }, { ...E2E_ADMIN, role: 'admin' });
  const networked = await startOfficeProcess(dir, ['--host', '0.0.0.0']);
  try {
    const url = networked.url.replace('0.0.0.0', '127.0.0.1');
    expect((await request.post(`${url}api/call/wilayah.office.get`, { data: {} })).status()).toBe(401);
    expect((await request.get(`${url}some/other/file.txt`)).status()).toBe(401);
    await login(page, { ...networked, url });
    await expect(page.getByRole('searchbox', { name: 'Cari kabupaten/kota' })).toBeVisible();
  } finally {
    await networked.stop();
  }
});
