import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, PUBLIC_BODY_BYTES } from '../../electron/server/request-body.js';
import { MAX_CONNECTIONS_PER_ADDRESS } from '../../electron/server/connection-limits.js';
import { testBackend, type TestBackend } from '../support/backend.js';
import { httpClient, rawPost } from '../support/http-session.js';
import { REPO, startOfficeProcess } from '../support/office-process.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const PASSWORD = 'rahasia-123';
const SYNC_SAMPLE = path.join(REPO, 'tests/fixtures/samples/sync/PPL-3316-0001_20200930T180000.spsync');

let server: TestServer | undefined;
let clock = Date.now();
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(backend: TestBackend): Promise<string> {
  clock = Date.now();
  server = await startTestServer(backend.api, { now: () => clock });
  return server.loopbackUrl;
}

async function officeWithAdmin() {
  const backend = testBackend();
  await backend.call('users.create', { username: 'admin', displayName: 'Admin', role: 'admin', password: PASSWORD });
  await backend.call('users.create', { username: 'clerk', displayName: 'Clerk', role: 'operator', password: PASSWORD });
  const url = await serve(backend);
  return { backend, url };
}

const auditRows = (backend: TestBackend) =>
  backend.database.sqlite.prepare('SELECT actor, entity_id AS entityId, summary FROM audit_log ORDER BY id').all() as {
    actor: string;
    entityId: string;
    summary: string;
  }[];

/** A POST whose Host header the test chooses (as a rebound web page's would be). */
function postWithHost(url: string, name: string, host: string, body: object): Promise<number> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/call/${name}`,
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('text that is not well-formed Unicode', () => {
  it('a lone surrogate in an unauthenticated login is refused and the audit chain still verifies', async () => {
    const { backend, url } = await officeWithAdmin();
    // JSON's \ud800 escape is how a page or script sends a lone surrogate.
    const body = '{"username":"x\\ud800y","password":"whatever-123"}';
    const answer = await rawPost(`${url}api/call/users.auth.login`, body);
    expect(answer.last).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', key: 'input.illFormedText', params: { field: 'username' } },
    });
    const notUtf8 = await rawPost(
      `${url}api/call/users.auth.login`,
      Buffer.from([0x7b, 0x22, 0x75, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    );
    expect(notUtf8).toMatchObject({ status: 400, last: { error: { key: 'input.notUtf8' } } });
    // A refused login with line breaks and a bidi override in the name is kept neutralised, one line.
    expect((await httpClient(url).login('evil\nadmin: login as admin\u202Etxt.exe', 'nope-nope')).status).toBe(401);
    const refused = auditRows(backend).at(-1)!;
    expect(refused.actor).not.toMatch(/[\n\u202E]/);
    expect(refused.actor).toContain('\\u{000A}');
    expect(await backend.call('audit.verify', {})).toMatchObject({ ok: true });
    expect(await backend.call('backup.check', {})).toMatchObject({ ok: true });
  });

  it('an upload named with a lone surrogate is refused; a name with line breaks is stored and audited cleaned', async () => {
    const { backend, url } = await officeWithAdmin();
    const admin = httpClient(url);
    await admin.login('admin', PASSWORD);
    const base64 = fs.readFileSync(SYNC_SAMPLE).toString('base64');
    const broken = await admin.post('sync.import', { file: { name: 'x\ud800.spsync', base64 } });
    expect(broken.last).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', key: 'input.illFormedText', params: { field: 'file.name' } },
    });
    const withNul = await admin.post('sync.import', { file: { name: 'x\u0000.spsync', base64 } });
    expect(withNul.last).toMatchObject({ ok: false, error: { key: 'input.controlCharacter' } });
    const multiLine = await admin.post('sync.import', {
      file: { name: 'PPL\r\n2020-10-01 admin: audit cleared\u202E.spsync', base64 },
    });
    expect(multiLine.last).toMatchObject({ ok: true, value: { file: 'PPL__2020-10-01 admin: audit cleared_.spsync' } });
    expect(auditRows(backend).at(-1)!.summary).toMatch(/^PPL__2020-10-01 admin: audit cleared_\.spsync: rejected/);
    expect(await backend.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});

describe('DNS rebinding', () => {
  it('a Host that only starts like a loopback address is refused: no first admin for a rebound page', async () => {
    const backend = testBackend();
    const url = await serve(backend);
    const { port } = new URL(url);
    for (const host of [
      `127.attacker.example:${port}`,
      `127.0.0.1.attacker.example:${port}`,
      `localhost.attacker.example:${port}`,
    ]) {
      expect(
        await postWithHost(url, 'users.auth.setupAdmin', host, {
          username: 'intruder',
          displayName: 'X',
          password: 'a-long-password-1',
        }),
        host,
      ).toBe(421);
    }
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    expect(await postWithHost(url, 'users.auth.status', `127.0.0.1:${port}`, {})).toBe(200);
  });
});

describe('the page', () => {
  it('allows no inline style but its own: a fresh nonce per page, in the page and its CSP', async () => {
    const { url } = await officeWithAdmin();
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const page = await fetch(url);
      const csp = page.headers.get('content-security-policy')!;
      const html = await page.text();
      expect(csp).not.toContain('unsafe-inline');
      const nonce = /'nonce-([\w-]{20,})'/.exec(csp)![1];
      expect(html).toContain(`nonce="${nonce}"`);
      expect(html).not.toContain('__PENDOPO_NONCE__');
      expect(page.headers.get('cache-control')).toBe('no-store');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
    const asset = await fetch(`${url}assets/index-abc.js`);
    expect(asset.headers.get('content-security-policy')).not.toMatch(/nonce|unsafe-inline/);
    // The built page: Vite leaves the placeholder on its tags and the meta policy asks for the nonce too.
    const source = fs.readFileSync(path.join(REPO, 'renderer/index.html'), 'utf8');
    expect(source).toContain("style-src 'self' 'nonce-__PENDOPO_NONCE__'");
    expect(source).not.toContain('unsafe-inline');
    expect(fs.readFileSync(path.join(REPO, 'renderer/vite.config.ts'), 'utf8')).toContain(
      "html: { cspNonce: '__PENDOPO_NONCE__' }",
    );
  });
});

describe('request bodies', () => {
  it('public operations read at most a small body, refused with a 413 JSON answer before reading', async () => {
    const { url } = await officeWithAdmin();
    const big = JSON.stringify({ username: 'admin', password: 'x'.repeat(PUBLIC_BODY_BYTES) });
    const declared = await rawPost(`${url}api/call/users.auth.login`, big);
    expect(declared).toMatchObject({
      status: 413,
      last: { ok: false, error: { code: 'REJECTED', key: 'server.bodyTooLarge', params: { size: '16 KB' } } },
    });
    expect(declared.headers.get('connection')).toBe('close');
    const chunked = await rawPost(
      `${url}api/call/users.auth.login`,
      big,
      { 'content-type': 'application/json' },
      { chunked: true },
    );
    expect(chunked).toMatchObject({ status: 413, last: { error: { key: 'server.bodyTooLarge' } } });
    // Without a session nothing else is read at all.
    const anonymous = await rawPost(`${url}api/call/sync.import`, Buffer.alloc(8 * 1024 * 1024, 0x20));
    expect(anonymous).toMatchObject({ status: 401, last: { error: { code: 'UNAUTHENTICATED' } } });
    // The server is still fine.
    expect((await httpClient(url).login('admin', PASSWORD)).status).toBe(200);
  });

  it('a logged-in body over the limit gets a 413 JSON answer, not a reset', async () => {
    const { url } = await officeWithAdmin();
    const admin = httpClient(url);
    await admin.login('admin', PASSWORD);
    const headers = { 'content-type': 'application/json', cookie: admin.cookie!, 'x-pendopo-csrf': admin.csrf! };
    const over = await rawPost(`${url}api/call/sync.import`, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20), headers);
    expect(over).toMatchObject({
      status: 413,
      last: { error: { key: 'server.bodyTooLarge', params: { size: '96 MB' } } },
    });
    const overChunked = await rawPost(`${url}api/call/sync.import`, Buffer.alloc(MAX_BODY_BYTES + 1, 0x20), headers, {
      chunked: true,
    });
    expect(overChunked).toMatchObject({ status: 413, last: { error: { key: 'server.bodyTooLarge' } } });
    expect((await admin.post('wilayah.office.get')).last).toEqual({ ok: true, value: null });
  });

  it('eight parallel 95 MB uploads: two are read at a time, the rest told to wait, and the server stays small', async () => {
    const office = await startOfficeProcess();
    try {
      const admin = httpClient(office.url);
      expect(
        (await admin.post('users.auth.setupAdmin', { username: 'admin', displayName: 'Admin', password: PASSWORD }))
          .status,
      ).toBe(200);
      const peakMb = () =>
        Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${office.child.pid}/status`, 'utf8'))![1]) / 1024;
      const before = peakMb();
      const body = Buffer.alloc(95 * 1024 * 1024, 0x41); // one buffer sent eight times: the test itself stays small too
      body.write('{"file":{"name":"a.spsync","base64":"', 0);
      body.write('"}}', body.length - 3);
      const headers = { 'content-type': 'application/json', cookie: admin.cookie!, 'x-pendopo-csrf': admin.csrf! };
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => rawPost(`${office.url}api/call/sync.import`, body, headers)),
      );
      // Every caller gets a JSON answer: the admitted ones their operation's refusal (the file is too big), the others "busy".
      for (const answer of answers) expect(answer.last).toMatchObject({ ok: false });
      expect(
        answers.filter((a) => a.status === 503 && a.last.error.key === 'server.busy').length,
      ).toBeGreaterThanOrEqual(6);
      expect(answers.filter((a) => a.last.error.code === 'INVALID_INPUT').length).toBeGreaterThanOrEqual(1);
      // Reading all eight at once took the server from ~0.2 to 1.4 GB; two at a time stays well under that.
      expect(peakMb() - before).toBeLessThan(700);
      expect((await admin.post('wilayah.office.get')).last).toEqual({ ok: true, value: null });
    } finally {
      await office.stop();
    }
  }, 120_000);

  it('caps the connections one address may hold open; the rest are closed before a request is read', async () => {
    const { url } = await officeWithAdmin();
    const { port } = new URL(url);
    const sockets = Array.from({ length: MAX_CONNECTIONS_PER_ADDRESS + 8 }, () =>
      net.connect(Number(port), '127.0.0.1'),
    );
    const closedEarly = await Promise.all(
      sockets.map(
        (socket) =>
          new Promise<boolean>((resolve) => {
            socket.on('error', () => {});
            socket.once('close', () => resolve(true));
            setTimeout(() => resolve(false), 1500);
          }),
      ),
    );
    expect(closedEarly.filter(Boolean).length).toBeGreaterThanOrEqual(8);
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await httpClient(url).login('admin', PASSWORD)).status).toBe(200);
  });
});

describe('login throttling', () => {
  it('guesses from one workstation never lock the owner out at another, and their waits keep growing', async () => {
    const { backend, url } = await officeWithAdmin();
    const attacker = httpClient(url, { localAddress: '127.0.0.2' });
    const waits: number[] = [];
    for (let guess = 0; guess < 30; guess++) {
      const answer = await attacker.login('admin', `guess-${guess}-xyz`);
      if (answer.status === 429) {
        waits.push(Number(answer.headers.get('retry-after')));
        clock += waits.at(-1)! * 1000;
      } else {
        expect(answer.status).toBe(401);
      }
      // The real admin, at their own workstation, is never made to wait.
      if (guess % 10 === 9)
        expect((await httpClient(url).login('admin', PASSWORD)).status, `after guess ${guess}`).toBe(200);
    }
    expect(waits.length).toBeGreaterThan(10);
    expect(waits.slice(0, 5)).toEqual([1, 2, 4, 8, 16]);
    expect(Math.max(...waits)).toBe(15 * 60);
    const refused = auditRows(backend).filter((r) => r.summary === 'login refused');
    expect(refused.length).toBeLessThan(30); // waiting guesses were not even checked
  });

  it('a burst of parallel guesses cannot slip past the count before the first one fails', async () => {
    const { backend, url } = await officeWithAdmin();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        httpClient(url, { localAddress: '127.0.0.3' }).login('admin', `burst-${i}-xyz`),
      ),
    );
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(3);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(17);
    expect(auditRows(backend).filter((r) => r.summary === 'login refused').length).toBeLessThanOrEqual(3);
  });

  it('one password tried on many names from one address is slowed too', async () => {
    const { url } = await officeWithAdmin();
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await httpClient(url, { localAddress: '127.0.0.4' }).login(`name${i}`, 'Password1')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toContain(429);
  });
});

describe('sessions after account changes', () => {
  it('a password change ends the other sessions; the caller carries on under a fresh session', async () => {
    const { url } = await officeWithAdmin();
    const laptop = httpClient(url);
    const desk = httpClient(url);
    await laptop.login('clerk', PASSWORD);
    await desk.login('clerk', PASSWORD);
    const oldCookie = desk.cookie;
    const changed = await desk.post('users.changeOwnPassword', { current: PASSWORD, next: 'kata-sandi-baru-9' });
    expect(changed.last).toMatchObject({ ok: true, value: { username: 'clerk', csrf: expect.any(String) } });
    expect(desk.cookie).not.toBe(oldCookie);
    expect((await desk.post('wilayah.office.get')).last).toEqual({ ok: true, value: null });
    expect((await laptop.post('wilayah.office.get')).last).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', key: 'session.ended' },
    });
    const stale = httpClient(url);
    stale.cookie = oldCookie;
    expect((await stale.post('users.session.me')).status).toBe(401);
    expect((await httpClient(url).login('clerk', 'kata-sandi-baru-9')).status).toBe(200);
  });

  it('an admin reset ends the account’s sessions, and a session from before a disable never comes back', async () => {
    const { url } = await officeWithAdmin();
    const admin = httpClient(url);
    await admin.login('admin', PASSWORD);
    const clerk = httpClient(url);
    await clerk.login('clerk', PASSWORD);
    const version = async () =>
      (await admin.post('users.list')).last.value.find((u: { username: string }) => u.username === 'clerk').version;
    expect(
      (await admin.post('users.update', { username: 'clerk', version: await version(), password: 'reset-by-admin-1' }))
        .last,
    ).toMatchObject({ ok: true });
    expect((await clerk.post('wilayah.office.get')).last.error).toMatchObject({ code: 'UNAUTHENTICATED' });

    await clerk.login('clerk', 'reset-by-admin-1');
    expect((await clerk.post('wilayah.office.get')).last.ok).toBe(true);
    await admin.post('users.update', { username: 'clerk', version: await version(), active: false });
    await admin.post('users.update', { username: 'clerk', version: await version(), active: true });
    expect((await clerk.post('wilayah.office.get')).last.error).toMatchObject({
      code: 'UNAUTHENTICATED',
      key: 'session.ended',
    });
    expect((await httpClient(url).login('clerk', 'reset-by-admin-1')).status).toBe(200);
  });
});
