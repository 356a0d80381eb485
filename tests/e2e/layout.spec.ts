import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { runCliProcess } from '../support/office-process.js';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

/** Every header of the grid that is cut (ellipsis, hidden behind its buttons) or has a word broken across lines. */
async function badHeaders(page: Page, testId: string): Promise<string[]> {
  const grid = page.getByTestId(testId);
  await expect(grid.locator('.ag-header-cell-text:not(:empty)').first()).toBeVisible();
  return grid.evaluate((host) => {
    const problems: string[] = [];
    for (const el of host.querySelectorAll<HTMLElement>('.ag-header-cell-text')) {
      const text = el.textContent ?? '';
      if (!text.trim()) continue;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
        problems.push(`"${text}" is cut`);
      const node = el.firstChild;
      if (node?.nodeType !== Node.TEXT_NODE) continue;
      const range = document.createRange();
      let at = 0;
      for (const part of text.split(/(\s+)/)) {
        if (part.trim()) {
          range.setStart(node, at);
          range.setEnd(node, at + part.length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1)
            problems.push(`"${part}" of "${text}" is broken across lines`);
        }
        at += part.length;
      }
    }
    return problems;
  });
}

/** How many lines the text of an element takes. */
const lineCount = (locator: Locator) =>
  locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });

/** Ids in the grid's id columns that do not show whole. */
const cutIds = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('.id-tail')
    .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent));

test('at 1366×768 no grid header is cut, ids show whole, the PPL picker fits its panel and the history reads in lines', async ({
  page,
  office,
}) => {
  test.setTimeout(480_000);
  expect(page.viewportSize()).toEqual({ width: 1366, height: 768 });
  await setUpBlora(page, office);
  const cli = async (...args: string[]) => expect((await runCliProcess(['--db', office.dbFile, ...args])).code).toBe(0);
  await cli('import', 'sls', path.join(SAMPLES, 'sls-blora.csv'));
  await cli('import', 'officers', path.join(SAMPLES, 'petugas-blora.csv'));
  await cli('assign', 'auto', '--kecamatan', '33.16.01', '--apply');
  const reason = 'PPL sebelumnya mengundurkan diri karena sakit';
  await cli('assign', '3316012001000100', '--to', 'PPL-3316-0037', '--reason', reason);
  const sync = ['PPL-3316-0001_20200930T180000.spsync', 'PPL-3316-0002_20200930T180000.spsync'];
  await cli('import', 'sync', ...sync.map((f) => path.join(SAMPLES, 'sync', f)));

  await page.goto(`${office.url}#/petugas?tab=sls&kecamatan=33.16.01`);
  await expect(gridRows(page, 'sls-grid').first()).toContainText('3316012001000100');
  expect(await badHeaders(page, 'sls-grid')).toEqual([]);
  expect(await cutIds(page, 'sls-grid')).toEqual([]);
  // The picker's long options ("PPL-… · name (n SLS, n KK)") do not push it out of the side panel.
  await page.getByRole('combobox', { name: 'PPL' }).selectOption('PPL-3316-0037');
  const panel = (await page.getByRole('region', { name: 'Tugaskan SLS terpilih' }).boundingBox())!;
  for (const control of [page.getByRole('combobox', { name: 'PPL' }), page.getByRole('textbox', { name: 'Alasan' })]) {
    const box = (await control.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
  }
  await gridRows(page, 'sls-grid')
    .first()
    .getByRole('button', { name: /Riwayat SLS/ })
    .click();
  const history = page.getByRole('region', { name: 'Riwayat 3316012001000100' });
  const latest = history.locator('tbody tr').first();
  await expect(latest).toContainText(reason);
  expect(await lineCount(latest.locator('td').first())).toBe(1);
  expect(await lineCount(latest.locator('td').filter({ hasText: reason }))).toBeLessThanOrEqual(2);

  await page.goto(`${office.url}#/petugas?tab=petugas&kecamatan=33.16.01`);
  expect(await badHeaders(page, 'officer-grid')).toEqual([]);

  await page.goto(`${office.url}#/petugas?tab=balance&kecamatan=33.16.02`);
  await page.getByRole('button', { name: 'Buat usulan' }).click();
  await expect(gridRows(page, 'proposal-grid').first()).toBeVisible();
  expect(await badHeaders(page, 'proposal-grid')).toEqual([]);
  expect(await cutIds(page, 'proposal-grid')).toEqual([]);

  await page.goto(`${office.url}#/sinkronisasi?tab=households&sls=3316012001000100`);
  await expect(gridRows(page, 'sync-households').first()).toContainText('3316012001000100-0001');
  for (const grid of ['sync-sls', 'sync-households']) {
    expect(await badHeaders(page, grid)).toEqual([]);
    expect(await cutIds(page, grid)).toEqual([]);
  }

  await page.goto(`${office.url}#/progres`);
  expect(await badHeaders(page, 'coverage-grid')).toEqual([]);
  await page.goto(`${office.url}#/wilayah`);
  expect(await badHeaders(page, 'kecamatan-grid')).toEqual([]);

  // The English labels are other lengths: the SLS grid again.
  await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await page.goto(`${office.url}#/petugas?tab=sls&kecamatan=33.16.01`);
  await expect(gridRows(page, 'sls-grid').first()).toContainText('3316012001000100');
  expect(await badHeaders(page, 'sls-grid')).toEqual([]);
});
