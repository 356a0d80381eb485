import { test as base, expect, type Page } from '@playwright/test';
import { startOfficeProcess, type OfficeProcess } from '../support/office-process.js';

/** Each test gets its own office server and database file. */
export const test = base.extend<{ office: OfficeProcess }>({
  office: async ({}, use) => {
    const office = await startOfficeProcess();
    await use(office);
    await office.stop();
  },
});

export { expect };

/** The first-run path: search the regency by name and choose it. */
export async function setUpBlora(page: Page, office: OfficeProcess): Promise<void> {
  await page.goto(office.url);
  await page.getByRole('searchbox', { name: 'Cari kabupaten/kota' }).fill('blora');
  await page.getByRole('button', { name: /KABUPATEN BLORA/ }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** The body rows AG Grid rendered in the grid with this test id (header rows excluded). */
export function gridRows(page: Page, testId: string) {
  return page.getByTestId(testId).locator('.ag-row[row-index]:not(.ag-row-pinned)');
}
