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

test('at 1366×768 no grid header is cut, ids show whole, the PPL picker fits its panel and the history reads in lines', {
  tag: '@scroll-bars',
}, async ({ page, office }) => {
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

/**
 * How a grid sits in its width: how far its body scrolls sideways, the values of its whole-value columns
 * (codes, ids, dates, times: `whole-value` in DataGrid) that do not show whole, and the values in view whose
 * end something opaque lies over (the scroll strip AG Grid paints over the last column where scroll bars take
 * no room: "1.24" for 1.249).
 */
async function gridFit(
  page: Page,
  testId: string,
): Promise<{ sideways: number; cut: string[]; covered: string[]; spills: boolean }> {
  await expect(gridRows(page, testId).first()).toBeVisible();
  return page.getByTestId(testId).evaluate((host) => {
    const body = host.querySelector<HTMLElement>('.ag-grid-viewport');
    const sideways = body ? body.scrollWidth - body.clientWidth : 0;
    const cut: string[] = [];
    for (const cell of host.querySelectorAll<HTMLElement>('.ag-cell.whole-value')) {
      const inner = [cell, ...cell.querySelectorAll<HTMLElement>('*')];
      if (inner.some((el) => el.scrollWidth > el.clientWidth + 1))
        cut.push(`${cell.getAttribute('col-id')}: "${cell.textContent}"`);
    }
    const covered: string[] = [];
    host.scrollIntoView({ block: 'center' });
    const view = body?.getBoundingClientRect();
    // A scroll bar that takes room ends the view; one that takes none (overlay) lets the rows show through.
    const scrollBar = host.querySelector('.ag-body-vertical-scroll:not(.ag-scrollbar-invisible)');
    const top = host.querySelector('.ag-grid-pinned-top-rows')?.getBoundingClientRect().bottom ?? view?.top ?? 0;
    const pinnedBottom = host.querySelector('.ag-grid-pinned-bottom-rows-container .ag-row');
    const bottom = pinnedBottom?.getBoundingClientRect().top ?? view?.bottom ?? 0;
    const transparent = (el: Element) => getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)';
    for (const cell of host.querySelectorAll<HTMLElement>('.ag-row .ag-cell')) {
      const box = cell.getBoundingClientRect();
      const pinned = Boolean(pinnedBottom?.contains(cell));
      if (!view || box.top < 0 || box.bottom > innerHeight) continue;
      if (!pinned && (box.top < top || box.bottom > bottom)) continue;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const end = [...range.getClientRects()].reduce((right, r) => Math.max(right, r.right), 0);
      // Text cut by its own column (an ellipsis, the whole value in a tooltip) is the whole-value check's matter.
      // Cells scrolled out of view, or under the pinned row actions, are out of sight by the user's choice.
      const actions = cell.closest('.ag-row')?.querySelector('.ag-grid-pinned-right-cells');
      const seen =
        actions && !actions.contains(cell) && actions.clientWidth > 0
          ? actions.getBoundingClientRect().left
          : Math.min(view.right, scrollBar?.getBoundingClientRect().left ?? view.right);
      if (end === 0 || end > seen || end > box.right) continue;
      const y = (box.top + box.bottom) / 2;
      const over = document.elementsFromPoint(end - 1, y);
      const reached = over.findIndex((el) => el === cell || cell.contains(el));
      if (reached < 0 || over.slice(0, reached).some((el) => !transparent(el)))
        covered.push(`${cell.getAttribute('col-id')}: "${cell.textContent}"`);
    }
    // A grid stays inside its panel (stacked panels must not lie over one another).
    const panel = host.closest('.panel')?.getBoundingClientRect();
    const spills = panel ? host.getBoundingClientRect().bottom > panel.bottom + 1 : false;
    return { sideways, cut, covered, spills };
  });
}

/** What is wrong with how the grid shows: headers, sideways scrolling (where it `fits`), cut or hidden values. */
async function gridProblems(page: Page, grid: string, fits: boolean): Promise<string[]> {
  const { sideways, cut, covered, spills } = await gridFit(page, grid);
  return [
    ...(await badHeaders(page, grid)).map((header) => `${grid}: ${header}`),
    ...(fits && sideways > 1 ? [`${grid} scrolls ${sideways} px sideways`] : []),
    ...(spills ? [`${grid} spills out of its panel`] : []),
    ...cut.map((value) => `${grid} cuts ${value}`),
    ...covered.map((value) => `${grid} hides the end of ${value}`),
  ];
}

/**
 * The grid's problems once its columns have settled: when the rows bring a vertical scroll bar that takes room,
 * AG Grid shares the narrower width among its columns a moment later.
 */
async function settledProblems(page: Page, grid: string, fits: boolean): Promise<string[]> {
  let problems = await gridProblems(page, grid, fits);
  for (let tries = 0; problems.length > 0 && tries < 10; tries++) {
    await page.waitForTimeout(300);
    problems = await gridProblems(page, grid, fits);
  }
  return problems;
}

/** Each screen and the grids on it that fit a 1366 px screen without scrolling sideways. */
const FITTING: [string, string[]][] = [
  ['#/wilayah', ['kecamatan-grid', 'desa-grid']],
  ['#/sinkronisasi?tab=households&sls=3316012001000100', ['sync-sls']],
  ['#/progres', ['dashboard-ranking']],
  ['#/sponline?kecamatan=33.16.01', ['sponline-ranking', 'sponline-villages']],
  ['#/zi', ['zi-opd-grid']],
  ['#/zi?tab=asn', ['zi-asn-grid']],
  ['#/zi?tab=lkeModel', ['zi-lke-items', 'zi-lke-marks']],
  ['#/zi?opd=OPD-01', ['zi-employee-grid']],
  ['#/zi?opd=OPD-01&section=lke', ['zi-lke-grid']],
  ['#/pengaturan?tab=pengguna', ['users-grid']],
  ['#/pengaturan?tab=audit', ['audit-grid']],
];
/**
 * Grids with more whole values than 1366 px hold (the SLS and officer registers beside their side panels, the
 * import history's counts, the coverage table's fifteen measures): they scroll sideways, but nothing in them is cut.
 */
const SCROLLING: [string, string[]][] = [
  ['#/petugas?tab=sls&kecamatan=33.16.01', ['sls-grid']],
  ['#/petugas?tab=petugas', ['officer-grid']],
  ['#/sinkronisasi?tab=history', ['sync-history']],
  ['#/sinkronisasi?tab=households&sls=3316012001000100', ['sync-households']],
  ['#/progres', ['coverage-grid']],
];

test('at 1366×768 the grids fit their width where their columns can, and no code, id, date or time is cut', {
  tag: '@scroll-bars',
}, async ({ page, office }) => {
  test.setTimeout(240_000);
  await setUpBlora(page, office);
  const cli = async (...args: string[]) => expect((await runCliProcess(['--db', office.dbFile, ...args])).code).toBe(0);
  await cli('import', 'sls', path.join(SAMPLES, 'sls-blora.csv'));
  await cli('import', 'officers', path.join(SAMPLES, 'petugas-blora.csv'));
  await cli('assign', 'auto', '--kecamatan', '33.16.01', '--apply');
  const sync = ['PPL-3316-0001_20200930T180000.spsync', 'PPL-3316-0002_20200930T180000.spsync'];
  await cli('import', 'sync', ...sync.map((f) => path.join(SAMPLES, 'sync', f)));
  await cli('import', 'opd', path.join(SAMPLES, 'opd-blora.csv'));
  await cli('import', 'pegawai', path.join(SAMPLES, 'pegawai-blora.csv'));
  await cli('import', 'sp-online', path.join(SAMPLES, 'sp-online-blora.csv'));
  await cli('import', 'baseline', path.join(SAMPLES, 'baseline-blora.csv'));

  const found: string[] = [];
  for (const [screen, grids, fits] of [
    ...FITTING.map(([s, g]) => [s, g, true] as const),
    ...SCROLLING.map(([s, g]) => [s, g, false] as const),
  ]) {
    await page.goto(`${office.url}${screen}`);
    for (const grid of grids) found.push(...(await settledProblems(page, grid, fits)));
  }
  expect(found).toEqual([]);
  // The report's own case: the import history's time shows whole ("03/12/2026 04.37 WIB", not "03/12/2026 04.…").
  await page.goto(`${office.url}#/sinkronisasi?tab=history`);
  await expect(gridRows(page, 'sync-history').first().locator('[col-id=importedAt]')).toHaveText(
    /^\d\d\/\d\d\/\d{4} \d\d\.\d\d WIB$/,
  );
});
