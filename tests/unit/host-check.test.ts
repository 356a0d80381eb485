import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createApi } from '../../electron/api/dispatch.js';
import { operations } from '../../electron/api/registry.js';
import { hostName, isAllowedHost, isLoopback } from '../../electron/server/host-check.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { testBackend } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

describe('Host header check (DNS rebinding)', () => {
  it('accepts this machine by loopback names, and the bound name', () => {
    expect(hostName('127.0.0.1:8787')).toBe('127.0.0.1');
    expect(hostName('[::1]:8787')).toBe('::1');
    expect(isAllowedHost('127.0.0.1:8787', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('localhost:8787', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('[::1]:8787', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('192.168.1.20:8787', '192.168.1.20')).toBe(true);
    expect(isAllowedHost('[0:0:0:0:0:0:0:1]:8787', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('127.45.6.7:8787', '127.0.0.1')).toBe(true);
    expect(isAllowedHost('[fe80::1]:8787', 'FE80:0::1')).toBe(true);
    // Bound to every interface: this machine's own addresses and name.
    const own = Object.values(os.networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (own) expect(isAllowedHost(`${own.address}:8787`, '0.0.0.0')).toBe(true);
    expect(isAllowedHost(`${os.hostname()}:8787`, '0.0.0.0')).toBe(true);
  });

  it('refuses any other name, a missing header and garbage', () => {
    expect(isAllowedHost('evil.example:8787', '127.0.0.1')).toBe(false);
    expect(isAllowedHost('evil.example:8787', '0.0.0.0')).toBe(false);
    expect(isAllowedHost('192.168.1.21:8787', '192.168.1.20')).toBe(false);
    expect(isAllowedHost(undefined, '127.0.0.1')).toBe(false);
    expect(isAllowedHost('a:b:c', '127.0.0.1')).toBe(false);
  });

  it('parses the name instead of comparing prefixes: look-alike domains are not loopback', () => {
    for (const host of [
      '127.attacker.example',
      '127.0.0.1.attacker.example',
      '127.0.0.1.nip.io',
      'localhost.attacker.example',
      'localhost.',
      '::1.attacker.example',
      '[::1].attacker.example',
      '127.1',
      '0177.0.0.1',
      '2130706433',
      '[::ffff:7f00:1]x',
      '127.0.0.1:80:80',
    ]) {
      expect(isAllowedHost(host, '127.0.0.1'), host).toBe(false);
      expect(isLoopback(hostName(host) ?? host), host).toBe(false);
    }
    expect(isAllowedHost('203.0.113.9:8787', '0.0.0.0')).toBe(false); // not one of this machine's addresses
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:10.0.0.1')).toBe(false);
  });
});

let server: OfficeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('office server', () => {
  it('refuses a rebound page that calls the first-run admin setup under its own domain', async () => {
    const backend = testBackend();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html>');
    server = await startOfficeServer({
      api: createApi({ db: backend.database.db, dataDir: backend.dir }, operations),
      staticDir,
      port: 0,
    });
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ username: 'intruder', displayName: 'x', password: 'a-long-password-1' });
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/call/users.auth.setupAdmin',
          headers: {
            host: `evil.example:${port}`,
            origin: `http://evil.example:${port}`,
            'content-type': 'application/json',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(421);
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    backend.close();
  });
});
