import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { runCliProcess, startOfficeProcess, tempDir, type OfficeProcess } from '../support/office-process.js';
import { untranslatedClues, watchForUntranslated } from './untranslated.js';

const CLUES = await untranslatedClues();

/** The admin account every test's office starts with (created with the real CLI, as an installer would). */
export const E2E_ADMIN = { username: 'admin', password: 'rahasia-kantor-1', displayName: 'Admin Kantor' };

/** Creates an account in an office's database through the CLI. */
export async function addUser(
  office: { dbFile: string },
  user: { username: string; password: string; role: string; displayName?: string },
): Promise<void> {
  const run = await runCliProcess(
    [
      '--db',
      office.dbFile,
      'user',
      'add',
      '--username',
      user.username,
      '--role',
      user.role,
      '--name',
      user.displayName ?? user.username,
    ],
    { env: { PENDOPO_PASSWORD: user.password } },
  );
  if (run.code !== 0) throw new Error(`user add failed: ${run.stderr}`);
}

/**
 * Each test gets its own office server and database file, with an admin account; and its page
 * fails the test on any Content-Security-Policy violation (the CSP allows no inline style without
 * the page's nonce, so a screen or library that needs one shows here), and on any untranslated text:
 * what the app itself reports (a missing key, an error without a problem key, a code without a label)
 * and what the page's watch sees on the Indonesian screen (raw keys, English texts, internal codes).
 */
export const test = base.extend<{ office: OfficeProcess }, { accountsTemplate: string }>({
  page: async ({ page }, use) => {
    const violations: string[] = [];
    const untranslated = new Set<string>();
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy/i.test(text)) violations.push(text);
      if (text.includes(CLUES.marker)) untranslated.add(text);
    });
    await page.addInitScript(watchForUntranslated, CLUES);
    await use(page);
    const lastLook = await page
      .evaluate(() => (window as unknown as { scanNow?: () => string[] }).scanNow?.() ?? [])
      .catch(() => []);
    for (const line of lastLook) untranslated.add(line);
    expect(violations, 'Content-Security-Policy violations').toEqual([]);
    expect([...untranslated], 'untranslated text on the screen').toEqual([]);
  },
  // A database with the admin account, made once per Playwright worker with the real CLI; each test's
  // office starts from a copy of it (a CLI run per test would cost seconds and tell nothing new).
  accountsTemplate: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, use) => {
      const dbFile = path.join(tempDir(), 'pendopo.db');
      await addUser({ dbFile }, { ...E2E_ADMIN, role: 'admin' });
      await use(dbFile);
    },
    { scope: 'worker' },
  ],
  office: async ({ accountsTemplate }, use) => {
    const dir = tempDir();
    fs.copyFileSync(accountsTemplate, path.join(dir, 'pendopo.db'));
    const office = await startOfficeProcess(dir);
    await use(office);
    await office.stop();
  },
});

export { expect };

/** Opens the office and logs in (as the admin unless told otherwise). */
export async function login(
  page: Page,
  office: OfficeProcess,
  user: { username: string; password: string } = E2E_ADMIN,
): Promise<void> {
  await page.goto(office.url);
  await page.getByLabel('Nama pengguna').fill(user.username);
  await page.getByLabel('Kata sandi').fill(user.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Pendopo' })).toBeHidden();
}

/** The first-run path: log in as the admin, search the regency by name and choose it. */
export async function setUpBlora(page: Page, office: OfficeProcess): Promise<void> {
  await login(page, office);
  await page.getByRole('searchbox', { name: 'Cari kabupaten/kota' }).fill('blora');
  await page.getByRole('button', { name: /KABUPATEN BLORA/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** The body rows AG Grid rendered in the grid with this test id (header rows excluded). */
export function gridRows(page: Page, testId: string) {
  return page.getByTestId(testId).locator('.ag-row[row-index]:not(.ag-row-pinned)');
}

/** The real CLI on an office's database; what a test runs with it must succeed. */
export function officeCli(office: OfficeProcess): (...args: string[]) => Promise<void> {
  return async (...args) => {
    const run = await runCliProcess(['--db', office.dbFile, ...args]);
    if (run.code !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  };
}

/**
 * Blora's SLS master and officer list from the samples, imported with the CLI (as the office's scripts
 * do); with `assign`, the first three SLS of Jati go to PPL-3316-0001 (of PML-3316-0001, of KSK-3316-001).
 */
export async function importBloraFrame(office: OfficeProcess, { assign = false } = {}): Promise<void> {
  const cli = officeCli(office);
  const samples = path.resolve(import.meta.dirname, '../fixtures/samples');
  await cli('import', 'sls', path.join(samples, 'sls-blora.csv'));
  await cli('import', 'officers', path.join(samples, 'petugas-blora.csv'));
  if (assign) await cli('assign', '3316012001000100', '3316012001000200', '3316012001000300', '--to', 'PPL-3316-0001');
}
