import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_ROLES, op } from '../../electron/api/define.js';
import { createApi } from '../../electron/api/dispatch.js';
import { operations } from '../../electron/api/registry.js';
import { resolveStaticPath } from '../../electron/server/static-files.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { testBackend } from '../support/backend.js';
import { httpClient, rawPost, type HttpClient } from '../support/http-session.js';
import { tempDir } from '../support/office-process.js';

let server: OfficeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const backend = testBackend();
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Pendopo</title>');
  const table = {
    ...operations,
    'test.slow': op({
      input: z.object({}),
      writes: false,
      roles: ALL_ROLES,
      prepare: async (_i, ctx) => {
        for (let done = 1; done <= 2; done++) {
          ctx.progress({ done, total: 2 });
          await new Promise((r) => setTimeout(r, 120));
        }
      },
      run: () => 'finished',
    }),
  };
  const api = createApi({ db: backend.database.db, dataDir: backend.dir }, table);
  await backend.call('users.create', {
    username: 'admin',
    displayName: 'Admin',
    role: 'admin',
    password: 'rahasia-123',
  });
  server = await startOfficeServer({ api, staticDir, port: 0 });
  client = httpClient(server.url);
  await client.login('admin', 'rahasia-123');
  return server.url;
}

let client: HttpClient;

/** A call with the logged-in session's cookie and CSRF token (headers given replace the content type). */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  return rawPost(url, body, { cookie: client.cookie ?? '', 'x-pendopo-csrf': client.csrf ?? '', ...headers });
}

describe('office server', () => {
  it('answers an API call with the operation result', async () => {
    const url = await start();
    const { status, last } = await post(
      `${url}api/call/wilayah.office.searchKabupaten`,
      JSON.stringify({ query: 'blora' }),
    );
    expect(status).toBe(200);
    expect(last).toEqual({ ok: true, value: [expect.objectContaining({ kode: '33.16', nama: 'KABUPATEN BLORA' })] });
  });

  it('refuses an unknown operation with 404 and a typed error', async () => {
    const url = await start();
    const { status, last } = await post(`${url}api/call/drop.everything`, '{}');
    expect(status).toBe(404);
    expect(last.error).toMatchObject({ name: 'ApiError', code: 'UNKNOWN_OPERATION', key: 'general.unknownOperation' });
  });

  it('refuses invalid input and malformed JSON without crashing', async () => {
    const url = await start();
    const invalid = await post(`${url}api/call/wilayah.office.setup`, JSON.stringify({ kabupaten: 'Blora' }));
    expect(invalid.last.error).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [expect.objectContaining({ field: 'kabupaten' })],
    });
    const malformed = await post(`${url}api/call/wilayah.office.setup`, '{not json');
    expect(malformed.status).toBe(400);
    expect(malformed.last.error.code).toBe('INVALID_INPUT');
    const stillUp = await post(`${url}api/call/wilayah.office.get`, '{}');
    expect(stillUp.last).toEqual({ ok: true, value: null });
  });

  it('refuses cross-origin and non-JSON posts (CSRF)', async () => {
    const url = await start();
    const form = await post(`${url}api/call/wilayah.office.get`, 'a=1', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(403);
    const foreign = await post(`${url}api/call/wilayah.office.get`, '{}', {
      'content-type': 'application/json',
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
  });

  it('streams progress lines before the result', async () => {
    const url = await start();
    const { lines } = await post(`${url}api/call/test.slow`, '{}');
    expect(lines.filter((l) => l.progress).map((l) => l.progress.done)).toEqual([1, 2]);
    expect(lines.at(-1)).toEqual({ ok: true, value: 'finished' });
  });

  it('serves the UI with a strict Content-Security-Policy and never a file outside its folder', async () => {
    const url = await start();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // A raw request, because fetch would normalise the dots away.
    const raw = await new Promise<string>((resolve) => {
      const { hostname, port } = new URL(url);
      http.get({ hostname, port, path: '/../../../../etc/passwd' }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(body));
      });
    });
    expect(raw).not.toContain('root:');
    expect(resolveStaticPath('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(resolveStaticPath('/srv/app', '/a%00b')).toBeNull();
  });

  it('answers GET on an API route with 405', async () => {
    const url = await start();
    const response = await fetch(`${url}api/call/wilayah.office.get`);
    expect(response.status).toBe(405);
  });
});
