import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../electron/api/define.js';
import { ApiError } from '../../electron/api/errors.js';
import { DesktopSession } from '../../electron/auth/sessions.js';
import { handleCallMessage } from '../../electron/main/ipc.js';
import type { OfficeServer } from '../../electron/server/office-server.js';
import { bloraBackend, testBackend, type TestBackend } from '../support/backend.js';
import { httpClient, rawPost } from '../support/http-session.js';
import { startTestServer } from '../support/test-server.js';

const PASSWORD = 'rahasia-123';
let server: OfficeServer | undefined;
let clock = Date.now();
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(backend: TestBackend, host = '127.0.0.1') {
  clock = Date.now();
  const started = await startTestServer(backend.api, { host, now: () => clock });
  server = started;
  return started.loopbackUrl;
}

async function withUsers(backend: TestBackend, roles: readonly Role[] = ROLES) {
  for (const role of roles)
    await backend.call('users.create', { username: `u-${role}`, displayName: role, role, password: PASSWORD });
}

/** One operation of each class, and who may call it. */
const CLASSES: { label: string; name: string; input: object; allowed: Role[] }[] = [
  { label: 'read for everyone', name: 'wilayah.kecamatan', input: {}, allowed: [...ROLES] },
  { label: 'admin: accounts', name: 'users.list', input: {}, allowed: ['admin'] },
  { label: 'admin: backup (writes)', name: 'backup.create', input: {}, allowed: ['admin'] },
  {
    label: 'coordination setting (writes)',
    name: 'settings.set',
    input: { key: 'census.targetLoadKk', value: 280 },
    allowed: ['admin', 'koordinator'],
  },
  { label: 'audit trail', name: 'audit.list', input: {}, allowed: ['admin', 'pimpinan'] },
];

describe('roles against operation classes', () => {
  it('over HTTP: each role is allowed or refused as declared', async () => {
    const backend = await bloraBackend();
    await withUsers(backend);
    const url = await serve(backend);
    for (const role of ROLES) {
      const client = httpClient(url);
      expect((await client.login(`u-${role}`, PASSWORD)).last).toMatchObject({ ok: true, value: { role } });
      for (const c of CLASSES) {
        const { last } = await client.post(c.name, c.input);
        if (c.allowed.includes(role)) expect(last, `${role} ${c.label}`).toMatchObject({ ok: true });
        else expect(last, `${role} ${c.label}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      const me = (await client.post('users.session.me')).last.value;
      expect(me.allowed.includes('users.create')).toBe(role === 'admin');
    }
  });

  it('through the IPC glue: login, each role allowed or refused, logout', async () => {
    const backend = await bloraBackend();
    await withUsers(backend);
    const event = { sender: { isDestroyed: () => false, send: () => {} } } as unknown as IpcMainInvokeEvent;
    const session = new DesktopSession();
    const deps = {
      isTrustedSender: () => true,
      session,
      sessionEffect: (name: string) => backend.api.sessionEffect(name),
      call: (name: string, input: unknown, actor: Parameters<typeof backend.api.call>[2]['actor']) =>
        backend.api.call(name, input, { actor }).then(
          (value) => ({ ok: true as const, value }),
          (error) => ({ ok: false as const, error: ApiError.from(error).toJSON() }),
        ),
    };
    const send = (name: string, input: unknown = {}) => handleCallMessage(event, { callId: '1', name, input }, deps);
    expect(await send('wilayah.kecamatan')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    for (const role of ROLES) {
      expect(await send('users.auth.login', { username: `u-${role}`, password: 'wrong-password' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
      expect(await send('users.auth.login', { username: `u-${role}`, password: PASSWORD })).toMatchObject({ ok: true });
      for (const c of CLASSES) {
        const result = await send(c.name, c.input);
        expect(result, `${role} ${c.label}`).toMatchObject(
          c.allowed.includes(role) ? { ok: true } : { ok: false, error: { code: 'FORBIDDEN' } },
        );
      }
      expect(await send('users.auth.logout')).toMatchObject({ ok: true });
      expect(await send('wilayah.kecamatan')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    }
    const logins = backend.database.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'session'")
      .get();
    expect(logins).toEqual({ n: ROLES.length * 3 }); // refused login, login, logout
  });
});

describe('office mode sessions', () => {
  it('on loopback the page loads but every operation except login needs a session', async () => {
    const backend = testBackend();
    await withUsers(backend, ['admin']);
    const url = await serve(backend);
    expect((await fetch(url)).status).toBe(200);
    const anonymous = httpClient(url);
    expect(await anonymous.post('wilayah.office.get')).toMatchObject({
      status: 401,
      last: { ok: false, error: { code: 'UNAUTHENTICATED' } },
    });
    expect((await anonymous.post('users.auth.status')).last).toEqual({ ok: true, value: { needsFirstAdmin: false } });
    const login = await anonymous.login('u-admin', PASSWORD);
    expect(login.headers.get('set-cookie')).toMatch(/^pendopo_session=[\w-]{40,}; HttpOnly; SameSite=Strict; Path=\//);
    expect((await anonymous.post('wilayah.office.get')).last).toEqual({ ok: true, value: null });
  });

  it('bound beyond loopback: nothing but the login page and its assets without a session', async () => {
    const backend = testBackend();
    await withUsers(backend, ['admin']);
    const url = await serve(backend, '0.0.0.0');
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${url}index.html`)).status).toBe(200);
    expect((await fetch(`${url}assets/index-abc.js`)).status).toBe(200);
    for (const route of [
      'notes.txt',
      'anything/else',
      'api/other',
      'api/call/wilayah.office.get',
      'assets/../notes.txt',
    ]) {
      expect((await fetch(`${url}${route}`)).status, route).toBe(401);
    }
    for (const name of ['wilayah.office.get', 'wilayah.kecamatan', 'users.list', 'backup.create', 'no.such']) {
      expect((await httpClient(url).post(name)).status, name).toBe(401);
    }
    const client = httpClient(url);
    await client.login('u-admin', PASSWORD);
    const withCookie = await fetch(`${url}notes.txt`, { headers: { cookie: client.cookie! } });
    expect(withCookie.status).toBe(200);
    expect((await client.post('wilayah.office.get')).last).toEqual({ ok: true, value: null });
  });

  it('state-changing calls need the CSRF token as well as the cookie and our origin', async () => {
    const backend = testBackend();
    await withUsers(backend, ['admin']);
    const url = await serve(backend);
    const client = httpClient(url);
    await client.login('u-admin', PASSWORD);
    const set = { key: 'census.quietDays', value: 9 };
    expect(await client.post('settings.set', set, { 'x-pendopo-csrf': '' })).toMatchObject({
      status: 403,
      last: { error: { message: expect.stringContaining('CSRF') } },
    });
    expect((await client.post('settings.set', set, { 'x-pendopo-csrf': 'forged' })).status).toBe(403);
    const foreign = await rawPost(`${url}api/call/settings.set`, JSON.stringify(set), {
      'content-type': 'application/json',
      cookie: client.cookie!,
      'x-pendopo-csrf': client.csrf!,
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await backend.call('settings.list', {})).find((s) => s.key === 'census.quietDays')?.value).toBe(3);
    // A reloaded page gets its token back from session.me, which itself needs none.
    const reloaded = httpClient(url);
    reloaded.cookie = client.cookie;
    expect((await reloaded.post('users.session.me')).last.value.csrf).toBe(client.csrf);
    expect((await reloaded.post('settings.set', set)).last).toMatchObject({ ok: true });
  });

  it('slows wrong passwords for one account at one address with growing waits, and a right one clears them', async () => {
    const backend = testBackend();
    await withUsers(backend, ['admin', 'operator']);
    const url = await serve(backend);
    const client = httpClient(url);
    for (let i = 0; i < 3; i++) expect((await client.login('u-admin', `guess-${i}-xyz`)).status).toBe(401);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const blocked = await client.login('u-admin', PASSWORD);
      expect(blocked.status).toBe(429);
      expect(blocked.last.error).toMatchObject({
        key: 'auth.throttledSeconds',
        message: expect.stringContaining('Wait'),
      });
      waits.push(Number(blocked.headers.get('retry-after')));
      clock += waits.at(-1)! * 1000;
      expect((await client.login('u-admin', `again-${i}-xyz`)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    // The same workstation may still log in to another account.
    expect((await client.login('u-operator', PASSWORD)).last).toMatchObject({ ok: true });
    clock += 32_000;
    expect((await client.login('u-admin', PASSWORD)).last).toMatchObject({ ok: true });
    expect((await client.login('u-admin', 'one-more-typo')).status).toBe(401); // the slate was cleared: no wait
    expect((await client.login('u-admin', PASSWORD)).status).toBe(200);
  });

  it('sessions expire after the idle time, end at logout, and end when the account is disabled', async () => {
    const backend = testBackend();
    await withUsers(backend, ['admin', 'operator']);
    await backend.call('settings.set', { key: 'security.idleLockMinutes', value: 10 });
    const url = await serve(backend);
    const admin = httpClient(url);
    await admin.login('u-admin', PASSWORD);
    clock += 9 * 60_000;
    expect((await admin.post('wilayah.office.get')).status).toBe(200);
    clock += 11 * 60_000;
    expect(await admin.post('wilayah.office.get')).toMatchObject({
      status: 401,
      last: { error: { message: expect.stringContaining('session expired') } },
    });

    await admin.login('u-admin', PASSWORD);
    const clerk = httpClient(url);
    await clerk.login('u-operator', PASSWORD);
    const [operator] = (await admin.post('users.list')).last.value.filter(
      (u: { username: string }) => u.username === 'u-operator',
    );
    expect(
      (await admin.post('users.update', { username: 'u-operator', version: operator.version, active: false })).last,
    ).toMatchObject({ ok: true });
    expect((await clerk.post('wilayah.office.get')).last.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('disabled'),
    });
    expect((await clerk.login('u-operator', PASSWORD)).status).toBe(401);

    const out = await admin.post('users.auth.logout');
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await admin.post('wilayah.office.get')).status).toBe(401); // the old cookie no longer opens anything
  });

  it('the first admin can be created only while no account exists, and only from this machine', async () => {
    const backend = testBackend();
    const url = await serve(backend);
    const first = httpClient(url);
    expect((await first.post('users.auth.status')).last.value).toEqual({ needsFirstAdmin: true });
    const created = await first.post('users.auth.setupAdmin', {
      username: 'kepala',
      displayName: 'Kepala Kantor',
      password: PASSWORD,
    });
    expect(created.last).toMatchObject({ ok: true, value: { username: 'kepala', role: 'admin' } });
    expect((await first.post('users.list')).last.value).toHaveLength(1);
    const second = await httpClient(url).post('users.auth.setupAdmin', {
      username: 'intruder',
      displayName: 'X',
      password: PASSWORD,
    });
    expect(second.last).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('concurrent clerks', () => {
  it('20 browser sessions incrementing one setting at once lose no update (optimistic versions)', async () => {
    const backend = testBackend();
    const names = Array.from({ length: 20 }, (_, i) => `koord${String(i).padStart(2, '0')}`);
    for (const username of names)
      await backend.call('users.create', { username, displayName: username, role: 'koordinator', password: PASSWORD });
    const url = await serve(backend);
    const clients = names.map(() => httpClient(url));
    await Promise.all(clients.map((c, i) => c.login(names[i], PASSWORD)));
    let conflicts = 0;
    await Promise.all(
      clients.map(async (client) => {
        for (;;) {
          const list = (await client.post('settings.list')).last.value as {
            key: string;
            value: number;
            version: number;
          }[];
          const current = list.find((s) => s.key === 'census.targetLoadKk')!;
          const { last } = await client.post('settings.set', {
            key: 'census.targetLoadKk',
            value: current.value + 1,
            expectedVersion: current.version,
          });
          if (last.ok) return;
          expect(last.error.code).toBe('CONFLICT');
          expect(last.error.key).toBe('general.changedMeanwhile');
          conflicts++;
        }
      }),
    );
    const final = (await backend.call('settings.list', {})).find((s) => s.key === 'census.targetLoadKk');
    expect(final).toMatchObject({ value: 320, version: 20 });
    expect(conflicts).toBeGreaterThan(0); // they really did collide
    const audited = backend.database.sqlite
      .prepare("SELECT actor FROM audit_log WHERE operation = 'settings.set'")
      .all() as { actor: string }[];
    expect(new Set(audited.map((a) => a.actor))).toEqual(new Set(names));
  });
});
