// npm run screenshots: the README's pictures, taken from the real UI in office mode with the
// sample files loaded through the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { WITH_SCROLL_BARS } from '../tests/support/chromium.js';
import { REPO, runCliProcess, startOfficeProcess, tempDir } from '../tests/support/office-process.js';

const out = path.join(REPO, 'docs', 'screenshots');
const samples = path.join(REPO, 'tests', 'fixtures', 'samples');
const admin = { username: 'admin', password: 'rahasia-kantor-1' };

async function cli(db: string, ...args: string[]) {
  const run = await runCliProcess(['--db', db, ...args], { env: { PENDOPO_PASSWORD: admin.password } });
  if (run.code !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
}

const dir = tempDir();
const db = path.join(dir, 'pendopo.db');
await cli(db, 'user', 'add', '--username', admin.username, '--role', 'admin', '--name', 'Admin Kantor');
await cli(db, 'init', '--kabupaten', '33.16');
await cli(db, 'import', 'sls', path.join(samples, 'sls-blora.csv'));
await cli(db, 'import', 'officers', path.join(samples, 'petugas-blora.csv'));
for (const kecamatan of ['33.16.01', '33.16.08', '33.16.09'])
  await cli(db, 'assign', 'auto', '--kecamatan', kecamatan, '--apply');
const packages = fs.readdirSync(path.join(samples, 'sync')).map((f) => path.join(samples, 'sync', f));
if (fs.existsSync(path.join(REPO, 'electron', 'features', 'sync'))) await cli(db, 'import', 'sync', ...packages);
await cli(db, 'import', 'baseline', path.join(samples, 'baseline-blora.csv'));
await cli(db, 'import', 'sp-online', path.join(samples, 'sp-online-blora.csv'));
await cli(db, 'import', 'opd', path.join(samples, 'opd-blora.csv'));
await cli(db, 'import', 'pegawai', path.join(samples, 'pegawai-blora.csv'));

const office = await startOfficeProcess(dir);
// The scroll bars a Windows or Linux desktop shows, as its users see the screens.
const browser = await chromium.launch(WITH_SCROLL_BARS);
async function shot(page: Page, area: string, name: string, tab?: string) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${area}`) })
    .click();
  if (tab)
    await page
      .getByRole('tab', { name: tab })
      .or(page.getByRole('button', { name: tab, exact: true }))
      .first()
      .click();
  await page.waitForTimeout(1500); // grids and charts finish their first render
  await page.screenshot({ path: path.join(out, `${name}.png`) });
}
try {
  const page = await browser.newPage({
    viewport: { width: 1366, height: 768 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  await page.goto(office.url);
  await page.getByLabel('Nama pengguna').fill(admin.username);
  await page.getByLabel('Kata sandi').fill(admin.password);
  await page.screenshot({ path: path.join(out, 'login.png') });
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation').waitFor();
  await page.getByTestId('kecamatan-grid').getByText('Jepon', { exact: true }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(out, 'wilayah.png') });
  await shot(page, 'Petugas', 'petugas');
  await shot(page, 'Sinkronisasi', 'sinkronisasi', 'Riwayat impor');
  await shot(page, 'Progres', 'progres');
  await shot(page, 'SP Online', 'sponline');
  await shot(page, 'Zona Integritas', 'zona-integritas');
  await shot(page, 'Pengaturan', 'pengaturan');
} finally {
  await browser.close();
  await office.stop();
}
