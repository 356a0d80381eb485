import path from 'node:path';
import { openDatabase } from '../../electron/db/open.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { household, writePackage } from '../support/sync-packages.js';
import { expect, gridRows, setUpBlora, test } from './fixtures.js';

// A browser far from the office: what it shows must not depend on the PC's own zone.
test.use({ timezoneId: 'America/New_York' });

test('the households grid shows each visit at Blora’s wall clock (WIB), whatever offset the tablet wrote', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  const opened = openDatabase(office.dbFile);
  const [slsId] = await seedSampleSlsMaster(opened.db);
  opened.close();
  const visits = [
    '2020-09-14T17:30:00Z',
    '2020-09-15T00:10:00+08:00',
    '2020-09-15T00:20:00+09:00',
    '2020-09-14T23:30:00+07:00',
  ];
  const file = path.join(tempDir(), 'midnight.spsync');
  await writePackage(file, {
    officer: 'PPL-3316-0001',
    lines: visits.map((visitedAt, i) => ({ ...household(slsId, i + 1), visited_at: visitedAt })),
  });

  await page.getByRole('button', { name: /Sinkronisasi/ }).click();
  await page.getByLabel('Pilih paket…').setInputFiles(file);
  await expect(page.getByTestId('sync-results').locator('tr.sync-row').first()).toContainText('Diterima');
  await page.getByRole('tab', { name: 'Rumah tangga per SLS' }).click();
  await page.getByRole('textbox', { name: 'Cari SLS (kode atau nama)…' }).fill(slsId);
  await gridRows(page, 'sync-sls').first().click();
  const rows = gridRows(page, 'sync-households');
  await expect(rows).toHaveCount(4);
  // 17.30 UTC is 00.30 WIB on the 15th; 00.10 WITA and 00.20 WIT are still the 14th in Blora.
  await expect(rows.filter({ hasText: `${slsId}-0001` })).toContainText('15/09/2020 00.30 WIB');
  await expect(rows.filter({ hasText: `${slsId}-0002` })).toContainText('14/09/2020 23.10 WIB');
  await expect(rows.filter({ hasText: `${slsId}-0003` })).toContainText('14/09/2020 22.20 WIB');
  await expect(rows.filter({ hasText: `${slsId}-0004` })).toContainText('14/09/2020 23.30 WIB');
});
