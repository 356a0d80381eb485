import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.js';
import { REPO, tempDir } from '../support/office-process.js';

const binary = findElectronBinary();
test.skip(!binary, 'skipped: no Electron binary on this machine (it cannot be downloaded here)');

let app: ElectronApplication;

test.beforeAll(() => {
  for (const args of [
    ['run', 'build'],
    ['exec', '--', 'node', 'scripts/build-electron-native.mjs', '--if-missing'],
  ]) {
    const result = spawnSync('npm', args, { cwd: REPO, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed`);
  }
});

test.beforeEach(async () => {
  app = await electron.launch({
    executablePath: binary as string,
    args: [REPO],
    env: { ...process.env, PENDOPO_USER_DATA: path.join(tempDir(), 'userData') },
  });
});

test.afterEach(async () => {
  await app.close();
});

test('the desktop app creates its admin, sets up Blora and shows its 16 kecamatan and 295 villages', async () => {
  const page = await app.firstWindow();
  await page.getByLabel('Nama lengkap').fill('Admin Kantor');
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi', { exact: true }).fill('rahasia-kantor-1');
  await page.getByLabel('Ulangi kata sandi').fill('rahasia-kantor-1');
  await page.getByRole('button', { name: 'Buat admin' }).click();
  await page.getByRole('searchbox', { name: 'Cari kabupaten/kota' }).fill('blora');
  await page.getByRole('button', { name: /KABUPATEN BLORA/ }).click();
  await expect(page.getByTestId('wilayah-summary')).toHaveText('KABUPATEN BLORA · 16 kecamatan · 295 desa/kelurahan');
});

test('the window is sandboxed and exposes one narrow function per purpose', async () => {
  const page = await app.firstWindow();
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
  expect(await page.evaluate(() => Object.keys((window as unknown as { pendopo: object }).pendopo))).toEqual([
    'call',
    'saveExport',
  ]);
  expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^pendopo:\/\/app\/index.html/);
});
