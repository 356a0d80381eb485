// Issue 12, "live across the office": one clerk imports field sync packages; another clerk's open
// dashboard shows the new figures within 2 seconds, without a reload.
import type { Page } from '@playwright/test';
import { openDatabase } from '../../electron/db/open.js';
import { SAMPLES, seedSampleSlsMaster } from '../support/census-seed.js';
import { runCliProcess } from '../support/office-process.js';
import { addUser, expect, gridRows, login, setUpBlora, test } from './fixtures.js';

const CLERK = { username: 'sari', password: 'rahasia-operator-2', role: 'operator', displayName: 'Sari Operator' };
const PACKAGES = ['PPL-3316-0001', 'PPL-3316-0002', 'PPL-3316-0003'].map(
  (ppl) => `${SAMPLES}/sync/${ppl}_20200930T180000.spsync`,
);

async function importPackages(page: Page, files: string[], expected: number): Promise<void> {
  await page.getByLabel('Pilih paket…').setInputFiles(files);
  await expect(page.getByTestId('sync-results').locator('tr.sync-row[data-status="imported"]')).toHaveCount(expected);
}

test("another clerk's import moves the open dashboard by itself", async ({ page, office, browser }) => {
  await setUpBlora(page, office);
  const opened = openDatabase(office.dbFile);
  await seedSampleSlsMaster(opened.db);
  opened.close();
  await addUser(office, CLERK);

  // The second clerk, in a browser of their own, watches the dashboard.
  const other = await browser.newContext({
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 768 },
  });
  const watcher = await other.newPage();
  const violations: string[] = [];
  watcher.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await login(watcher, office, CLERK);
  await watcher.getByRole('button', { name: 'Progres' }).click();
  await expect(watcher.getByRole('heading', { name: 'Progres', level: 1 })).toBeVisible();
  const field = watcher.getByTestId('tile-field');
  await expect(field).toContainText('Belum ada');
  const before = (await field.textContent()) ?? '';

  await page.getByRole('button', { name: /Sinkronisasi/ }).click();
  await importPackages(page, PACKAGES.slice(0, 1), 1);
  await expect(field).not.toHaveText(before, { timeout: 2_000 });
  const afterOne = (await field.textContent()) ?? '';
  expect(afterOne).toMatch(/\d/);

  // The second import moves it again; the watcher's history tab of Sinkronisasi shows both imports.
  await importPackages(page, PACKAGES.slice(1), 2);
  await expect(field).not.toHaveText(afterOne, { timeout: 2_000 });
  await watcher.getByRole('button', { name: /Sinkronisasi/ }).click();
  await watcher.getByRole('tab', { name: 'Riwayat impor' }).click();
  const history = watcher.getByTestId('sync-history').locator('.ag-row[row-index]');
  await expect(history).toHaveCount(3);
  await page.getByLabel('Pilih paket…').setInputFiles(PACKAGES.slice(0, 1)); // the same package again: a duplicate
  await expect(history).toHaveCount(4, { timeout: 2_000 });

  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  await other.close();
});

test("the Petugas screen follows another coordinator's assignment without a reload", async ({ page, office }) => {
  await setUpBlora(page, office);
  const cli = (...args: string[]) => runCliProcess(['--db', office.dbFile, ...args]);
  expect((await cli('import', 'sls', `${SAMPLES}/sls-blora.csv`)).code).toBe(0);
  expect((await cli('import', 'officers', `${SAMPLES}/petugas-blora.csv`)).code).toBe(0);
  await page.goto(`${office.url}#/petugas?tab=sls&kecamatan=33.16.01`);
  const first = gridRows(page, 'sls-grid').first();
  await expect(first).toContainText('3316012001000100');
  await expect(first).not.toContainText('PPL-3316-0001');
  await page.getByRole('combobox', { name: 'PPL' }).selectOption('PPL-3316-0001');
  await expect(page.getByTestId('ppl-load-figures')).toContainText('0 SLS');

  // Another coordinator (here the CLI, another process on the same database) assigns two SLS.
  expect((await cli('assign', '3316012001000100', '3316012001000200', '--to', 'PPL-3316-0001')).code).toBe(0);
  await expect(first).toContainText('PPL-3316-0001', { timeout: 2_000 });
  await expect(page.getByTestId('ppl-load-figures')).toContainText('2 SLS', { timeout: 2_000 });
});
