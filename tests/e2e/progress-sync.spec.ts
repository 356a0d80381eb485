import { openDatabase } from '../../electron/db/open.js';
import { SAMPLES, seedSampleSlsMaster } from '../support/census-seed.js';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

const SLS = '3316132025001400';

test('Progres ↔ Sinkronisasi: the conflicts tile opens the open conflicts; an SLS row opens its households', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  const opened = openDatabase(office.dbFile);
  await seedSampleSlsMaster(opened.db);
  opened.close();

  // Twelve households of one SLS, then a package that conflicts with one of them.
  await page.getByRole('button', { name: /Sinkronisasi/ }).click();
  await page
    .getByLabel('Pilih paket…')
    .setInputFiles([`${SAMPLES}/sync-rules/ok-base.spsync`, `${SAMPLES}/sync-rules/ok-conflict.spsync`]);
  await expect(page.getByTestId('sync-results').locator('tr.sync-row[data-status="imported"]')).toHaveCount(2);

  await page.getByRole('button', { name: 'Progres' }).click();
  const tile = page.getByTestId('tile-conflicts');
  await expect(tile).toContainText('1');
  await tile.click();
  await expect(page.getByRole('heading', { name: 'Sinkronisasi', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Konflik' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sync-conflict')).toHaveCount(1);
  await page.getByTestId('sync-conflict').getByRole('button', { name: 'Pertahankan yang tersimpan' }).click();
  await expect(page.getByTestId('sync-no-conflicts')).toBeVisible();

  // Back on the dashboard: no open conflicts left; drill kecamatan → desa → SLS.
  await page.getByRole('button', { name: 'Progres' }).click();
  await expect(tile).toContainText('0');
  const coverage = page.getByTestId('coverage-grid');
  await coverage.locator('[row-id="33.16.13"]').click();
  await coverage.locator('[row-id="33.16.13.2025"]').click();
  await expect(page.getByTestId('coverage-breadcrumb')).toContainText('Klik baris untuk melihat rumah tangga SLS');
  const slsRow = coverage.locator(`[row-id="${SLS}"]`);
  // The SLS was last synced today (the import time, not the September visit dates).
  const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Asia/Jakarta' });
  await expect(slsRow.locator('[col-id="lastSyncAt"]')).toContainText(today);

  await slsRow.click();
  await expect(page.getByRole('tab', { name: 'Rumah tangga per SLS' })).toHaveAttribute('aria-selected', 'true');
  // Named, not just its id.
  await expect(page.getByRole('heading', { name: `RT 014 RW 002 · ${SLS} · 12 rumah tangga` })).toBeVisible();
  await expect(gridRows(page, 'sync-households')).not.toHaveCount(0);
  await expect(gridRows(page, 'sync-households').first()).toContainText(`${SLS}-0001`);
  await expect(page.getByTestId('sync-sls').locator(`[row-id="${SLS}"]`)).toBeVisible();
});
