// npm run screenshots: the README's pictures, taken from the real UI in office mode.
import path from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, startOfficeProcess } from '../tests/support/office-process.js';

const out = path.join(REPO, 'docs', 'screenshots');
const office = await startOfficeProcess();
const browser = await chromium.launch({ executablePath: process.env.PENDOPO_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, locale: 'id-ID' });
  await page.goto(office.url);
  await page.getByRole('searchbox').fill('blora');
  await page.getByRole('button', { name: /KABUPATEN BLORA/ }).waitFor();
  await page.screenshot({ path: path.join(out, 'setup.png') });
  await page.getByRole('button', { name: /KABUPATEN BLORA/ }).click();
  await page.getByTestId('kecamatan-grid').getByText('Jepon', { exact: true }).click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(out, 'wilayah.png') });
} finally {
  await browser.close();
  await office.stop();
}
