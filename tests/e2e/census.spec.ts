import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { expect, gridRows, importBloraFrame, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');

test('a coordinator imports the frame and officers, assigns 10 SLS, auto-balances Jati and downloads the XLSX', {
  tag: '@journey',
}, async ({ page, office }) => {
  test.setTimeout(240_000);
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Petugas & Penugasan' }).click();
  await expect(page.getByRole('heading', { name: 'Petugas & Penugasan', level: 1 })).toBeVisible();

  await page.getByRole('tab', { name: 'Impor & Ekspor' }).click();
  await page
    .locator('input[type=file][aria-label="Impor master SLS"]')
    .setInputFiles(path.join(SAMPLES, 'sls-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'sls-blora.csv diimpor.' })).toContainText(
    '5.415 SLS: 5.415 baru',
  );
  await page
    .locator('input[type=file][aria-label="Impor daftar petugas"]')
    .setInputFiles(path.join(SAMPLES, 'petugas-blora.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'petugas-blora.csv diimpor.' })).toContainText(
    '1.161 petugas (16 Koseka, 195 PML, 950 PPL)',
  );

  // Multi-select 10 SLS of Jati and give them to one PPL.
  await page.getByRole('tab', { name: 'SLS & Penugasan' }).click();
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption('33.16.01');
  await expect(page.getByTestId('sls-totals')).toContainText('210 SLS');
  const rows = gridRows(page, 'sls-grid');
  for (let i = 0; i < 10; i++) await rows.nth(i).locator('.ag-selection-checkbox input').check();
  await expect(page.getByTestId('selection-count')).toContainText('10 SLS dipilih');
  // The picker lists Jati's 37 active PPL only, not the regency's 950.
  const picker = page.getByRole('combobox', { name: 'PPL' });
  await expect(picker.locator('option')).toHaveCount(1 + 37);
  expect(
    (await picker.locator('option').allTextContents()).slice(1).every((o) => /^PPL-3316-00[0-3]\d · /.test(o)),
  ).toBe(true);
  // Searching a name stays within the kecamatan.
  await page.getByRole('searchbox', { name: 'Cari PPL (kode atau nama)' }).fill('wibowo');
  await expect(picker.locator('option')).toHaveText([
    '— pilih PPL —',
    /^PPL-3316-0004 · Rina Wibowo/,
    /^PPL-3316-0028 · Yuli Wibowo/,
  ]);
  await page.getByRole('searchbox', { name: 'Cari PPL (kode atau nama)' }).fill('');
  await expect(picker.locator('option')).toHaveCount(1 + 37);
  await picker.selectOption('PPL-3316-0001');
  await expect(page.getByTestId('ppl-load-figures')).toHaveText('0 SLS · 0 KK (target 300 KK)');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('status')).toContainText('10 SLS ditugaskan ke PPL-3316-0001');
  await expect(page.getByTestId('ppl-load-figures')).toContainText('10 SLS ·');
  await expect(page.getByTestId('team-load')).toContainText('10 SLS');
  await expect(rows.first()).toContainText('PPL-3316-0001 · Sri Setiawan');

  // History is one click away.
  await rows
    .first()
    .getByRole('button', { name: /Riwayat SLS/ })
    .click();
  await expect(page.getByRole('region', { name: /Riwayat 3316012001/ })).toContainText('PPL-3316-0001 · Sri Setiawan');

  // A PPL from another kecamatan (asked for, then found by code) triggers the warning.
  await rows.nth(20).locator('.ag-selection-checkbox input').check();
  await page.getByRole('checkbox', { name: 'Juga PPL kecamatan lain' }).check();
  await expect(page.getByTestId('ppl-more')).toContainText('Menampilkan 100 dari 950 PPL');
  await page.getByRole('searchbox', { name: 'Cari PPL (kode atau nama)' }).fill('0950');
  // The PPL chosen before stays in the list while the search moves on.
  await expect(picker.locator('option')).toHaveText([
    '— pilih PPL —',
    /^PPL-3316-0001 · Sri Setiawan/,
    /^PPL-3316-0950 · Budi Wibowo/,
  ]);
  await picker.selectOption('PPL-3316-0950');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('alert')).toContainText('1 SLS berada di luar kecamatan PPL-3316-0950');
  await page.getByRole('button', { name: 'Batal' }).click();

  // Auto-balance Jati: preview, then accept.
  await page.getByRole('tab', { name: 'Seimbangkan Otomatis' }).click();
  await page.getByRole('button', { name: 'Buat usulan' }).click();
  await expect(page.getByTestId('balance-summary')).toContainText('Semua PPL dalam batas.');
  await expect(page.getByTestId('balance-loads').locator('tbody tr')).toHaveCount(37);
  await page.getByRole('button', { name: 'Terima usulan' }).click();
  await expect(page.getByRole('status')).toContainText('Usulan diterima: 200 baru');

  // Download the XLSX of Jati.
  await page.getByRole('tab', { name: 'Impor & Ekspor' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('group', { name: /^Penugasan/ })
      .getByRole('button', { name: 'XLSX' })
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('penugasan-331601.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('Jati')!;
  expect(sheet.rowCount).toBe(4 + 210);
  const pplColumn = sheet.getColumn(6).values.slice(5);
  expect(pplColumn.every((v) => typeof v === 'string' && /\(PPL-3316-\d{4}\)$/.test(v))).toBe(true);
});

test('the supervision tree shows team sizes; retiring a PPL hands their SLS to the replacement; a bad edit is refused', async ({
  page,
  office,
}) => {
  test.setTimeout(240_000);
  await setUpBlora(page, office);
  await importBloraFrame(office, { assign: true });

  page.on('request', (request) => expect(request.url()).not.toContain('/api/call/census.officers.list'));
  await page.goto(`${office.url}#/petugas?tab=petugas&kecamatan=33.16.01`);
  // The registry and the tree read Jati's officers only.
  await expect(page.getByTestId('officer-count')).toHaveText('46 petugas');
  await page.getByRole('combobox', { name: 'Peran' }).selectOption('PML');
  await expect(page.getByTestId('officer-count')).toHaveText('8 petugas');
  await page.getByRole('combobox', { name: 'Peran' }).selectOption('');
  const tree = page.getByRole('tree', { name: 'Struktur pengawasan' });
  await expect(tree).toContainText('KSK-3316-001 Dewi Sari · 8 PML · 37 PPL');
  await expect(tree).toContainText('PML-3316-0001 Dewi Purnomo · tim 5 PPL · 3 SLS · 161 KK');

  await page.getByTestId('officer-grid').getByText('PPL-3316-0001', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Pengganti' }).selectOption('PPL-3316-0002');
  await page.getByRole('button', { name: 'Nonaktifkan & alihkan ke pengganti' }).click();
  await expect(page.getByRole('status')).toContainText('PPL-3316-0001 dinonaktifkan; pengganti PPL-3316-0002: 3 SLS');
  const history = page.getByRole('region', { name: 'Riwayat PPL-3316-0001' });
  await expect(history.locator('tbody tr')).toHaveCount(3);
  await expect(history).toContainText('→ pengganti');
  await expect(tree).toContainText('PML-3316-0001 Dewi Purnomo · tim 4 PPL · 3 SLS · 161 KK');
  // The registry sorts by load on the server: the replacement, now holding the 3 SLS, comes first.
  const slsHeader = page.getByTestId('officer-grid').locator('.ag-header-cell[col-id="sls"]');
  await slsHeader.click();
  await slsHeader.click();
  await expect(gridRows(page, 'officer-grid').first()).toContainText('PPL-3316-0002');

  await page.getByRole('tab', { name: 'SLS & Penugasan' }).click();
  const first = gridRows(page, 'sls-grid').first();
  await expect(first).toContainText('PPL-3316-0002');
  const cell = first.locator('[col-id="estimatedHouseholds"]');
  const editor = cell.locator('input');
  await expect(async () => {
    await cell.dblclick();
    await expect(editor).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await editor.fill('3000');
  await editor.press('Enter');
  await expect(page.getByRole('alert')).toContainText('3000 terlalu besar: paling banyak 2.000.');
  await expect(cell).toHaveText('44');
  // The refused value was put back without saving anything: the SLS is still at its first version.
  const db = new Database(office.dbFile, { readonly: true });
  expect(db.prepare("SELECT perkiraan_kk AS kk, version FROM sls WHERE sls_id = '3316012001000100'").get()).toEqual({
    kk: 44,
    version: 1,
  });
  db.close();
});

test('the SLS grid reads the frame a page at a time; "all matching the filter" assigns a whole village', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await importBloraFrame(office);
  const answers: number[] = [];
  page.on('response', async (response) => {
    // A block the grid no longer wants may be gone before its body is read: those are not counted.
    if (response.url().includes('/api/call/census.sls.'))
      await response.body().then(
        (body) => answers.push(body.length),
        () => undefined,
      );
    expect(response.url()).not.toContain('/api/call/census.sls.list');
  });

  await page.goto(`${office.url}#/petugas?tab=sls`);
  await expect(page.getByTestId('sls-totals')).toContainText('5.415 SLS');
  await expect(gridRows(page, 'sls-grid').first()).toContainText('3316012001000100');
  await page.getByRole('combobox', { name: 'Kecamatan' }).selectOption('33.16.01');
  await page.getByRole('combobox', { name: 'Desa' }).selectOption('33.16.01.2001');
  const db = new Database(office.dbFile, { readonly: true });
  const { n, smallest, largest } = db
    .prepare(
      "SELECT count(*) AS n, min(perkiraan_kk) AS smallest, max(perkiraan_kk) AS largest FROM sls WHERE desa_kode = '33.16.01.2001'",
    )
    .get() as { n: number; smallest: number; largest: number };
  db.close();
  expect(n).toBeGreaterThan(1);
  await expect(page.getByTestId('sls-totals')).toContainText(`${n} SLS`);

  await page.getByRole('button', { name: /Pilih semua yang cocok/ }).click();
  await expect(page.getByTestId('selection-count')).toContainText(`${n} SLS dipilih`);
  await page.getByRole('combobox', { name: 'PPL' }).selectOption('PPL-3316-0001');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('status')).toContainText(`${n} SLS ditugaskan ke PPL-3316-0001`);
  await expect(page.getByTestId('ppl-load-figures')).toContainText(`${n} SLS ·`);
  await expect(gridRows(page, 'sls-grid').first()).toContainText('PPL-3316-0001');

  // Sorting is the server's: the smallest SLS of the village first, then the largest.
  const kkHeader = page.getByTestId('sls-grid').locator('.ag-header-cell[col-id="estimatedHouseholds"]');
  const firstKk = gridRows(page, 'sls-grid').first().locator('[col-id="estimatedHouseholds"]');
  await kkHeader.click();
  await expect(firstKk).toHaveText(String(smallest));
  await kkHeader.click();
  await expect(firstKk).toHaveText(String(largest));
  expect(answers.length).toBeGreaterThan(0);
  expect(Math.max(...answers)).toBeLessThan(100_000);
});

test('accepting an edited proposal that leaves PPL outside the bounds asks first, naming them; moving an SLS asks why and the history says it', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await importBloraFrame(office);

  await page.goto(`${office.url}#/petugas?tab=balance&kecamatan=33.16.01`);
  await page.getByRole('button', { name: 'Buat usulan' }).click();
  await expect(page.getByTestId('balance-summary')).toContainText('Semua PPL dalam batas.');
  // The most loaded PPL of the proposal gets the biggest SLS of another PPL on top.
  const loads = await page
    .getByTestId('balance-loads')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => ({
        kode: (r.querySelector('td')?.textContent ?? '').split(' · ')[0],
        kk: Number((r.querySelectorAll('td')[2]?.textContent ?? '').replace(/\./g, '')),
      })),
    );
  const heaviest = [...loads].sort((a, b) => b.kk - a.kk)[0].kode;
  const kkHeader = page.getByTestId('proposal-grid').locator('.ag-header-cell[col-id="estimatedHouseholds"]');
  await kkHeader.click();
  await kkHeader.click();
  const rows = gridRows(page, 'proposal-grid');
  const slsId =
    (
      await rows
        .filter({ hasNot: page.locator(`[col-id="officerCode"]:text-is("${heaviest}")`) })
        .first()
        .locator('[col-id="slsId"]')
        .textContent()
    )?.trim() ?? '';
  const row = page.getByTestId('proposal-grid').locator(`.ag-row[row-id="${slsId}"]`);
  const from = (await row.locator('[col-id="officerCode"]').textContent())?.trim() ?? '';
  await row.locator('[col-id="officerCode"]').dblclick();
  await row.getByRole('combobox').click();
  await page.getByRole('option', { name: heaviest, exact: true }).click();
  await expect(row.locator('[col-id="officerCode"]')).toHaveText(heaviest);
  await expect(page.getByTestId('balance-summary')).toContainText('Tidak semua PPL dalam batas.');

  await page.getByRole('button', { name: 'Terima usulan' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Terapkan usulan dengan PPL di luar batas?' });
  await expect(ask).toContainText(/\d+ PPL akan berada di luar batas ±15% dari rata-rata/);
  await expect(ask.getByRole('listitem').filter({ hasText: heaviest })).toContainText(/KK, \d+,\d% di atas rata-rata/);
  // Cancelling applies nothing.
  await ask.getByRole('button', { name: 'Batal' }).click();
  await expect(ask).toBeHidden();
  const db = new Database(office.dbFile, { readonly: true });
  const holder = () =>
    (
      db.prepare('SELECT officer_kode AS kode FROM assignments WHERE sls_id = ? AND end_date IS NULL').get(slsId) as
        | { kode: string }
        | undefined
    )?.kode;
  expect(holder()).toBeUndefined();
  await page.getByRole('button', { name: 'Terima usulan' }).click();
  await ask.getByRole('button', { name: 'Tetap terapkan' }).click();
  await expect(page.getByRole('status')).toContainText('Usulan diterima: 210 baru');
  expect(holder()).toBe(heaviest);

  // Giving that SLS back to its proposed PPL is a move: it needs a reason.
  await page.getByRole('tab', { name: 'SLS & Penugasan' }).click();
  await page.getByRole('searchbox', { name: 'Cari…', exact: true }).fill(slsId);
  await expect(page.getByTestId('sls-totals')).toContainText('1 SLS');
  const slsRow = gridRows(page, 'sls-grid').first();
  await expect(slsRow).toContainText(heaviest);
  await slsRow.locator('.ag-selection-checkbox input').check();
  await page.getByRole('combobox', { name: 'PPL' }).selectOption(from);
  await expect(page.getByRole('region', { name: 'Tugaskan SLS terpilih' })).toContainText(
    'Alasan (wajib: 1 SLS pindah dari PPL lain)',
  );
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('alert')).toContainText('1 SLS sudah dipegang PPL lain: tulis alasan pemindahannya');
  expect(holder()).toBe(heaviest);
  await page.getByRole('textbox', { name: 'Alasan' }).fill('beban terlalu berat');
  await page.getByRole('button', { name: 'Tugaskan ke PPL' }).click();
  await expect(page.getByRole('status')).toContainText(`1 SLS ditugaskan ke ${from} (1 dipindah dari PPL lain)`);
  expect(holder()).toBe(from);
  await slsRow.getByRole('button', { name: /Riwayat SLS/ }).click();
  const history = page.getByRole('region', { name: `Riwayat ${slsId}` });
  await expect(history.locator('tbody tr').first()).toContainText(`${from}`);
  await expect(history.locator('tbody tr').first()).toContainText('beban terlalu berat');
  await expect(history.locator('tbody tr').nth(1)).toContainText('auto-balance → beban terlalu berat');
  const audit = db
    .prepare("SELECT summary FROM audit_log WHERE operation = 'census.assignments.assign' ORDER BY id DESC")
    .get() as { summary: string };
  expect(audit.summary).toContain(
    `1 SLS to ${from}: 0 new, 1 moved from another PPL, 0 unchanged (beban terlalu berat)`,
  );
  const balanced = db
    .prepare("SELECT summary FROM audit_log WHERE operation = 'census.assignments.applyBalance'")
    .get() as { summary: string };
  expect(balanced.summary).toContain(`confirmed outside the load bounds: `);
  expect(balanced.summary).toContain(heaviest);
  db.close();
});
