import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Progress } from '../api/define.js';
import type { Api } from '../api/dispatch.js';
import { ApiError } from '../api/errors.js';
import { LoginThrottle, sameSecret, SESSION_CLOSER, SESSION_OPENERS, SessionStore, type Session, type SessionUserLike } from '../auth/sessions.js';
import { DownloadGrants } from '../files/download-grants.js';
import { isExportHandle } from '../files/exported-file.js';
import { DOWNLOAD_PATH, serveDownload } from './downloads.js';
import { isAllowedHost, isLoopback } from './host-check.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { serveStatic } from './static-files.js';

export const MAX_BODY_BYTES = 96 * 1024 * 1024;
const CALL_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,80})$/;

export interface OfficeServerOptions {
  api: Api;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** The backend's data folder, where operations write their exports (`exports/`) for download; without it downloads are refused. */
  dataDir?: string;
  host?: string;
  port?: number;
  /** Injected by tests to move time. */
  now?: () => number;
}

export const SESSION_COOKIE = 'pendopo_session';
export const CSRF_HEADER = 'x-pendopo-csrf';

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

const sessionCookie = (value: string, maxAgeSeconds?: number) =>
  `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/${maxAgeSeconds !== undefined ? `; Max-Age=${maxAgeSeconds}` : ''}`;

/** What a browser without a session may fetch when the server is reachable from the network: the login page and its assets. */
export function isLoginPageAsset(urlPath: string): boolean {
  const pathname = urlPath.split('?')[0];
  return pathname === '/' || pathname === '/index.html' || pathname === '/favicon.ico' || /^\/assets\/[A-Za-z0-9._-]+$/.test(pathname);
}

interface ServerState {
  api: Api;
  sessions: SessionStore;
  throttle: LoginThrottle;
  /** Exports a session's calls produced, each downloadable once by that session. */
  downloads: DownloadGrants;
  dataDir?: string;
}

const refuse = (res: ServerResponse, status: number, code: ApiError['code'], message: string) =>
  sendLine(res, status, { ok: false, error: new ApiError(code, message).toJSON() });

export interface OfficeServer {
  url: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError('REJECTED', `Request body over ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendLine(res: ServerResponse, status: number, line: object): void {
  res.writeHead(status, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(line)}\n`);
}

/** A state-changing request must come from our own page: JSON content type, and our origin when a browser says one. */
export function isSameOriginRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}

/**
 * Streams one API call as NDJSON: zero or more `{"progress":…}` lines, then `{"ok":true,"value":…}`
 * or `{"ok":false,"error":…}`. Login, first-admin, logout and session.me answer in one piece
 * because they set or clear the session cookie.
 */
async function handleCall(state: ServerState, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { api, sessions } = state;
  if (!isSameOriginRequest(req)) {
    refuse(res, 403, 'FORBIDDEN', 'Cross-origin or non-JSON request refused');
    return;
  }
  const token = readCookie(req, SESSION_COOKIE);
  const session = sessions.get(token);
  if (!api.names.includes(name)) {
    refuse(res, session ? 404 : 401, session ? 'UNKNOWN_OPERATION' : 'UNAUTHENTICATED', session ? `Unknown operation: ${name}` : 'Please log in first');
    return;
  }
  const isPublic = api.isPublic(name);
  if (!session && !isPublic) {
    refuse(res, 401, 'UNAUTHENTICATED', 'Not logged in, or the session expired: please log in again');
    return;
  }
  // session.me is how a reloaded page learns its CSRF token, so it cannot require one; it only reads.
  if (session && !isPublic && name !== 'session.me' && !sameSecret(String(req.headers[CSRF_HEADER] ?? ''), session.csrf)) {
    refuse(res, 403, 'FORBIDDEN', 'Missing or wrong CSRF token: reload the page');
    return;
  }
  if (name === 'auth.setupAdmin' && !isLoopback(req.socket.remoteAddress)) {
    refuse(res, 403, 'FORBIDDEN', 'The first admin can be created only on the server machine itself (or with "pendopo user add")');
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch (error) {
    const apiError = error instanceof ApiError ? error : new ApiError('INVALID_INPUT', 'Request body is not valid JSON');
    sendLine(res, apiError.code === 'REJECTED' ? 413 : 400, { ok: false, error: apiError.toJSON() });
    return;
  }
  if (SESSION_OPENERS.has(name) || name === SESSION_CLOSER || name === 'session.me') {
    await handleSessionCall(state, name, input, session, req, res);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  let lastProgressAt = 0;
  const onProgress = (progress: Progress) => {
    const now = Date.now();
    if (now - lastProgressAt < 100 && progress.done < progress.total) return;
    lastProgressAt = now;
    res.write(`${JSON.stringify({ progress })}\n`);
  };
  try {
    const value = await api.call(name, input, { actor: session?.actor ?? null, onProgress });
    if (session && isExportHandle(value)) state.downloads.grant(session.token, value.exportId);
    res.end(`${JSON.stringify({ ok: true, value: value ?? null })}\n`);
  } catch (error) {
    res.end(`${JSON.stringify({ ok: false, error: ApiError.from(error, name).toJSON() })}\n`);
  }
}

async function handleSessionCall(state: ServerState, name: string, input: unknown, session: Session | null, req: IncomingMessage, res: ServerResponse) {
  const { api, sessions, throttle } = state;
  const username = typeof (input as { username?: unknown })?.username === 'string' ? (input as { username: string }).username.trim() : '';
  const throttleKeys = [`ip:${req.socket.remoteAddress ?? '?'}`, `user:${username}`];
  if (name === 'auth.login') {
    const wait = throttle.retryAfter(throttleKeys);
    if (wait > 0) {
      res.setHeader('retry-after', String(Math.ceil(wait / 1000)));
      refuse(res, 429, 'FORBIDDEN', `Too many failed logins: try again in ${Math.ceil(wait / 60_000)} minute(s)`);
      return;
    }
  }
  try {
    const value = await api.call(name, input, { actor: session?.actor ?? null });
    if (SESSION_OPENERS.has(name)) {
      if (name === 'auth.login') throttle.succeeded(throttleKeys.slice(1));
      sessions.close(session?.token);
      const opened = sessions.open(value as SessionUserLike);
      res.setHeader('set-cookie', sessionCookie(opened.token));
      sendLine(res, 200, { ok: true, value: { ...(value as object), csrf: opened.csrf } });
    } else if (name === SESSION_CLOSER) {
      sessions.close(session?.token);
      if (session) state.downloads.revokeOwner(session.token);
      res.setHeader('set-cookie', sessionCookie('', 0));
      sendLine(res, 200, { ok: true, value: value ?? null });
    } else {
      sendLine(res, 200, { ok: true, value: { ...(value as object), csrf: session?.csrf } });
    }
  } catch (error) {
    const apiError = ApiError.from(error, name);
    if (name === 'auth.login' && apiError.code === 'UNAUTHENTICATED') throttle.failed(throttleKeys);
    sendLine(res, apiError.code === 'UNAUTHENTICATED' ? 401 : 200, { ok: false, error: apiError.toJSON() });
  }
}

/** A one-time download of an export this session's call produced (the session cookie is the proof). */
function handleDownload(state: ServerState, exportId: string, req: IncomingMessage, res: ServerResponse): void {
  const session = state.sessions.get(readCookie(req, SESSION_COOKIE));
  if (!session) {
    refuse(res, 401, 'UNAUTHENTICATED', 'Please log in first');
    return;
  }
  const gone = () => sendLine(res, 404, { ok: false, error: ApiError.problem('NOT_FOUND', 'exports.gone').toJSON() });
  if (!state.dataDir) {
    gone();
    return;
  }
  serveDownload(res, { dataDir: state.dataDir, grants: state.downloads, owner: session.token, exportId }).then(
    (served) => served || gone(),
    () => res.destroy(),
  );
}

export function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const { api, staticDir } = options;
  const now = options.now ?? Date.now;
  const state: ServerState = {
    api,
    sessions: new SessionStore(now),
    throttle: new LoginThrottle(5, 15 * 60_000, now),
    downloads: new DownloadGrants(now),
    dataDir: options.dataDir,
  };
  // Bound beyond this machine, nothing but the login page is served without a session.
  const networked = !isLoopback(options.host ?? '127.0.0.1');
  const boundHost = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
    if (!isAllowedHost(req.headers.host, boundHost)) {
      refuse(res, 421, 'FORBIDDEN', `This server does not answer to the name "${String(req.headers.host ?? '').slice(0, 80)}"`);
      return;
    }
    const url = req.url ?? '/';
    const call = CALL_PATH.exec(url);
    // API calls check their own session (login and first-run status are public); the rest is checked here.
    const isCall = call !== null && req.method === 'POST';
    if (networked && !isCall && !isLoginPageAsset(url) && !state.sessions.get(readCookie(req, SESSION_COOKIE))) {
      if (url.startsWith('/api/')) refuse(res, 401, 'UNAUTHENTICATED', 'Please log in first');
      else res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('Please log in first: open the start page.');
      return;
    }
    if (call) {
      if (req.method !== 'POST') {
        sendLine(res, 405, { ok: false, error: new ApiError('INVALID_INPUT', 'Use POST for API calls').toJSON() });
        return;
      }
      handleCall(state, call[1], req, res).catch((error) => {
        if (!res.headersSent) sendLine(res, 500, { ok: false, error: ApiError.from(error).toJSON() });
        else res.end();
      });
      return;
    }
    const download = DOWNLOAD_PATH.exec(url);
    if (download && req.method === 'GET') {
      handleDownload(state, download[1], req, res);
      return;
    }
    if (url.startsWith('/api/')) {
      refuse(res, 404, 'UNKNOWN_OPERATION', 'No such API route');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(staticDir, url, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}/`,
        // Browsers keep connections open; stopping the server must not wait for them.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
