import type { Page } from '@playwright/test';
import { addUser, expect, login, setUpBlora, test } from './fixtures.js';

const ROLES = ['operator', 'koordinator', 'timzi', 'pimpinan'] as const;
const SCREENS = ['#/progres', '#/sponline', '#/petugas?tab=balance', '#/sinkronisasi?tab=import', '#/zi'];

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
      enabled: !(el as HTMLButtonElement).disabled,
      title: el.getAttribute('title') ?? '',
    })),
  );
}

test('every role: no enabled control calls an op the role may not use, and a disabled one says why', async ({
  page,
  office,
}) => {
  await setUpBlora(page, office);
  await page.getByRole('button', { name: 'Keluar' }).click();
  const refused = new Set<string>();
  for (const role of ROLES) {
    const user = { username: `u-${role}`, password: `rahasia-${role}-1`, role };
    await addUser(office, user);
    await login(page, office, user);
    const allowed = new Set(await allowedOps(page));
    expect(allowed.size).toBeGreaterThan(0);
    for (const screen of SCREENS) {
      await page.goto(`${office.url}${screen}`);
      await expect(page.locator('.screen').first()).toBeVisible();
      for (const control of await taggedControls(page)) {
        const where = `${role} on ${screen}: ${control.op}`;
        if (!allowed.has(control.op)) {
          refused.add(where);
          expect(control.enabled, where).toBe(false);
          expect(control.title, where).toContain(`Peran ${role} tidak boleh`);
        } else expect(control.title, where).toBe('');
      }
    }
    if (role === 'koordinator') {
      // Auto-balance works per kecamatan: without one the proposal button says so.
      await page.goto(`${office.url}#/petugas?tab=balance`);
      const propose = page.getByRole('button', { name: 'Buat usulan' });
      await expect(propose).toBeDisabled();
      await expect(propose).toHaveAttribute('title', 'Pilih kecamatan dulu: usulan dibuat per kecamatan.');
    }
    await page.getByRole('button', { name: 'Keluar' }).click();
  }
  // The known offenders are among what was found disabled (the walk cannot pass by seeing nothing).
  expect([...refused]).toEqual(
    expect.arrayContaining([
      'operator on #/sponline: participation.setTarget',
      'timzi on #/sinkronisasi?tab=import: sync.import',
    ]),
  );
});
