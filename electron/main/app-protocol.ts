import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { SECURITY_HEADERS, withFreshNonce } from '../server/security-headers.js';
import { CONTENT_TYPES, resolveStaticPath } from '../server/static-files.js';

/**
 * The window loads the UI from `pendopo://app/`, a privileged scheme of our own, instead of
 * `file://`: a page there cannot read other local files, has a real origin of its own (so
 * `'self'` in the CSP means our files only), and is answered by `answerAppRequest`, which serves
 * the built renderer folder and nothing else.
 */
export const APP_SCHEME = 'pendopo';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready. Standard and secure (a real origin, a secure context); nothing more. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: false,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: true,
  },
};

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Answers one request of the app scheme: GET of a file inside the built renderer, with the security headers. */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
  const file = resolveStaticPath(path.resolve(rendererDir), url.pathname);
  if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) return notFound();
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
  };
  if (path.extname(file) === '.html') {
    const page = withFreshNonce(await fs.promises.readFile(file, 'utf8'));
    return new Response(request.method === 'HEAD' ? null : page.html, {
      status: 200,
      headers: { ...headers, 'content-security-policy': page.csp },
    });
  }
  return new Response(request.method === 'HEAD' ? null : await fs.promises.readFile(file), { status: 200, headers });
}
