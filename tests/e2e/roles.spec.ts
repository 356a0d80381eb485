import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addUser, expect, gridRows, login, setUpBlora, test } from './fixtures.js';

const SAMPLES = path.resolve(import.meta.dirname, '../fixtures/samples');
const ROLES = ['admin', 'operator', 'koordinator', 'timzi', 'pimpinan'] as const;
/** Each role as the Indonesian screen names it in a refusal. */
const SAID = {
  admin: 'Admin',
  operator: 'Operator',
  koordinator: 'Koordinator',
  timzi: 'Tim ZI',
  pimpinan: 'Pimpinan',
} as const;

const OPD = '#/zi?opd=OPD-01';

/** Controls the walk must find refused (disabled, saying why): `<role> on <screen>: <op>`. */
const KNOWN_REFUSED = [
  'operator on #/sponline: participation.setTarget',
  'timzi on #/sinkronisasi: sync.import',
  'operator on #/petugas?tab=sls: census.assignments.assign',
  'pimpinan on #/petugas?tab=petugas: census.officers.retire',
  'pimpinan on #/petugas?tab=files: census.sls.import',
  'timzi on #/sponline: participation.addSession',
  'koordinator on #/zi: integrity.opd.import',
  'pimpinan on #/zi?tab=declarations: integrity.declaration.create',
  'pimpinan on #/zi?tab=asn: integrity.asn.spOnline.mark',
  `operator on ${OPD}: integrity.pact.sign`,
  `koordinator on ${OPD}&section=stages: integrity.stage.advance`,
  `pimpinan on ${OPD}&section=stages: integrity.requirements.set`,
  `operator on ${OPD}&section=lke: integrity.lke.addEvidence`,
  `pimpinan on ${OPD}&section=edit: integrity.opd.update`,
  // Editable grid cells: read-only, with the note saying why.
  'operator on #/petugas?tab=balance&kecamatan=33.16.02: census.assignments.applyBalance',
  'pimpinan on #/petugas?tab=sls: census.sls.update',
  'pimpinan on #/petugas?tab=petugas: census.officers.update',
  `operator on ${OPD}&section=lke: integrity.lke.answer`,
  'timzi on #/zi?tab=lkeModel: integrity.lke.updateItem',
  'timzi on #/zi?tab=lkeModel: integrity.lke.updatePassMark',
];

/** … and offered to the roles that may use them. */
const KNOWN_OFFERED = [
  'admin on #/pengaturan?tab=cadangan: backup.create',
  'admin on #/pengaturan?tab=pengguna: users.create',
  'admin on #/pengaturan?tab=kantor: settings.set',
  'koordinator on #/petugas?tab=sls: census.assignments.assign',
  'timzi on #/zi?tab=declarations: integrity.declaration.create',
  `timzi on ${OPD}: integrity.pact.sign`,
  'operator on #/sinkronisasi: sync.import',
];

/**
 * The ops a role must find on a screen once it has loaded: the walk waits for them before it looks, as a
 * control that comes with the screen's data (the target form after the places) is not there at first.
 */
function mustShow(role: string, path: string): string[] {
  const prefix = `${role} on ${path}: `;
  return [...KNOWN_REFUSED, ...KNOWN_OFFERED].filter((w) => w.startsWith(prefix)).map((w) => w.slice(prefix.length));
}

const heading = (name: string) => (page: Page) => page.getByRole('heading', { name, level: 1 });

/**
 * Every screen, tab and OPD sub-panel, with what shows it is loaded (so the controls that come with the data are
 * there when the walk looks) and, where a control only appears after a pick, the pick.
 */
const SCREENS: { path: string; ready?: (page: Page) => Locator; pick?: (page: Page) => Promise<void> }[] = [
  { path: '#/wilayah' },
  { path: '#/petugas?tab=sls', ready: (page) => gridRows(page, 'sls-grid').first() },
  {
    path: '#/petugas?tab=petugas',
    ready: (page) => gridRows(page, 'officer-grid').first(),
    // The replace/retire controls show for the officer picked in the grid.
    pick: async (page) => {
      await gridRows(page, 'officer-grid').first().locator('.ag-cell').first().click();
      await expect(page.locator('.officer-actions')).toBeVisible();
    },
  },
  { path: '#/petugas?tab=balance' },
  {
    // The proposal's officer cells are editable for the roles that may apply it.
    path: '#/petugas?tab=balance&kecamatan=33.16.02',
    pick: async (page) => {
      await page.getByRole('button', { name: 'Buat usulan' }).click();
      await expect(gridRows(page, 'proposal-grid').first()).toBeVisible();
    },
  },
  { path: '#/petugas?tab=files' },
  { path: '#/sinkronisasi' },
  { path: '#/sinkronisasi?tab=history' },
  { path: '#/sinkronisasi?tab=conflicts' },
  { path: '#/sinkronisasi?tab=households' },
  { path: '#/progres' },
  // The target form comes once the places are loaded.
  { path: '#/sponline', ready: (page) => page.locator('[data-op="participation.setTarget"]') },
  { path: '#/zi', ready: (page) => page.getByTestId('zi-summary') },
  { path: '#/zi?tab=declarations' },
  { path: '#/zi?tab=asn' },
  { path: '#/zi?tab=lkeModel' },
  { path: OPD, ready: heading('Sekretariat Daerah (OPD-01)') },
  { path: `${OPD}&section=stages`, ready: (page) => page.getByTestId('zi-requirements') },
  { path: `${OPD}&section=lke`, ready: (page) => page.getByTestId('zi-lke-totals') },
  { path: `${OPD}&section=edit`, ready: heading('Sekretariat Daerah (OPD-01)') },
  { path: '#/pengaturan?tab=kantor', ready: (page) => page.locator('.settings-table tbody tr').first() },
  { path: '#/pengaturan?tab=pengguna' },
  { path: '#/pengaturan?tab=audit' },
  { path: '#/pengaturan?tab=cadangan' },
];

/** The operations the logged-in user may call, as the server tells the renderer (`users.session.me`). */
async function allowedOps(page: Page): Promise<string[]> {
  const text = await page.evaluate(async () => {
    const response = await fetch('api/call/users.session.me', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'same-origin',
    });
    return response.text();
  });
  const last = text.trim().split('\n').at(-1) ?? '{}';
  return (JSON.parse(last) as { value: { allowed: string[] } }).value.allowed;
}

/** Every control tagged with an op on the page: its op, whether it is enabled, its reason text. */
function taggedControls(page: Page) {
  return page.locator('[data-op]').evaluateAll((all) =>
    all.map((el) => ({
      op: el.getAttribute('data-op') ?? '',
      // A note above a grid whose cells the role may not edit is `aria-disabled`, as a disabled button is `disabled`.
      enabled: !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true',
      title: el.getAttribute('title') ?? '',
    })),
  );
}

/** The registers the walk needs on screen: SLS and officers (census tabs), OPDs and employees (ZI and an OPD). */
async function importRegisters(page: Page, office: { url: string }) {
  const files: [string, string, string][] = [
    ['#/petugas?tab=files', 'Impor master SLS', 'sls-blora.csv'],
    ['#/petugas?tab=files', 'Impor daftar petugas', 'petugas-blora.csv'],
    ['#/zi', 'Impor daftar OPD', 'opd-blora.csv'],
    ['#/zi', 'Impor daftar pegawai', 'pegawai-blora.csv'],
  ];
  for (const [screen, label, file] of files) {
    await page.goto(`${office.url}${screen}`);
    await page.locator(`input[type=file][aria-label="${label}"]`).setInputFiles(path.join(SAMPLES, file));
    await expect(page.getByRole('status').filter({ hasText: `${file} diimpor.` })).toBeVisible({ timeout: 30_000 });
  }
}

test('every role on every screen and tab: no enabled control calls an op the role may not use, and a disabled one says why', {
  tag: '@journey',
}, async ({ page, office }) => {
  test.setTimeout(480_000);
  await setUpBlora(page, office);
  await importRegisters(page, office);
  await page.getByRole('button', { name: 'Keluar' }).click();
  const refused = new Set<string>();
  const offered = new Set<string>();
  for (const role of ROLES) {
    const user = role === 'admin' ? undefined : { username: `u-${role}`, password: `rahasia-${role}-1`, role };
    if (user) await addUser(office, user);
    await login(page, office, user);
    const allowed = new Set(await allowedOps(page));
    expect(allowed.size).toBeGreaterThan(0);
    for (const screen of SCREENS) {
      await page.goto(`${office.url}${screen.path}`);
      await expect(page.locator('.screen').first()).toBeVisible();
      if (screen.ready) await expect(screen.ready(page).first()).toBeVisible();
      await screen.pick?.(page);
      for (const op of mustShow(role, screen.path))
        await expect(page.locator(`[data-op="${op}"]`).first()).toBeAttached();
      await expectCellsAsTheNoteSays(page, `${role} on ${screen.path}`);
      for (const control of await taggedControls(page)) {
        const where = `${role} on ${screen.path}: ${control.op}`;
        if (!allowed.has(control.op)) {
          refused.add(where);
          expect(control.enabled, where).toBe(false);
          expect(control.title, where).toContain(`Peran ${SAID[role]} tidak boleh`);
        } else {
          offered.add(where);
          expect(control.title, where).toBe('');
        }
      }
    }
    if (role === 'koordinator') await koordinatorNeedsKecamatan(page, office);
    if (role === 'timzi') {
      // Where the panel is a drop zone, the reason replaces the drop hint: visible, not only on hover.
      await page.goto(`${office.url}#/sinkronisasi`);
      await expect(page.getByRole('region', { name: 'Impor', exact: true })).toContainText(
        'Peran Tim ZI tidak boleh melakukan ini',
      );
    }
    await page.getByRole('button', { name: 'Keluar' }).click();
  }
  // The walk cannot pass by seeing nothing: the known controls were found, disabled or offered as expected.
  expect([...refused]).toEqual(expect.arrayContaining(KNOWN_REFUSED));
  expect([...offered]).toEqual(expect.arrayContaining(KNOWN_OFFERED));
});

/**
 * Where the page says its grid's cells are read-only (a refused role), they are: none tinted as editable, and a
 * double-click on one opens no editor. Where it does not, no cell claims to be read-only.
 */
async function expectCellsAsTheNoteSays(page: Page, place: string) {
  const readOnly = page.locator('.ag-cell.read-only-cell');
  if ((await page.locator('.read-only-note').count()) === 0) {
    await expect(readOnly, place).toHaveCount(0);
    return;
  }
  await expect(page.locator('.ag-cell.editable-cell'), place).toHaveCount(0);
  await expect(readOnly.first(), place).toBeVisible();
  await readOnly.first().dblclick();
  await expect(page.locator('.ag-cell-inline-editing'), place).toHaveCount(0);
}

/** Auto-balance works per kecamatan: without one the proposal button says so. */
async function koordinatorNeedsKecamatan(page: Page, office: { url: string }) {
  await page.goto(`${office.url}#/petugas?tab=balance`);
  const propose = page.getByRole('button', { name: 'Buat usulan' });
  await expect(propose).toBeDisabled();
  await expect(propose).toHaveAttribute('title', 'Pilih kecamatan dulu: usulan dibuat per kecamatan.');
}
