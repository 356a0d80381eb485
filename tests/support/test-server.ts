import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../electron/api/dispatch.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { tempDir } from './office-process.js';

/** A built UI stand-in: index.html, one asset, and a file strangers must not get. */
export function fakeRendererDir(): string {
  const staticDir = tempDir();
  fs.writeFileSync(
    path.join(staticDir, 'index.html'),
    '<!doctype html><title>Pendopo</title><meta property="csp-nonce" nonce="__PENDOPO_NONCE__">',
  );
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(staticDir, 'notes.txt'), 'not for strangers');
  return staticDir;
}

export interface TestServer extends OfficeServer {
  /** The URL to reach it by over loopback (also when bound to every interface). */
  loopbackUrl: string;
}

/** A real office server on a free loopback port over this API; `now` moves its clock (sessions, login waits). */
export async function startTestServer(
  api: Api,
  options: { host?: string; now?: () => number } = {},
): Promise<TestServer> {
  const server = await startOfficeServer({
    api,
    staticDir: fakeRendererDir(),
    host: options.host ?? '127.0.0.1',
    port: 0,
    now: options.now,
  });
  return { ...server, loopbackUrl: server.url.replace('0.0.0.0', '127.0.0.1') };
}
