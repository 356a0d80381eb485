import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEvent, Progress, SessionEffect } from '../api/define.js';
import type { Api } from '../api/dispatch.js';
import { ApiError } from '../api/errors.js';
import type { ProblemKey, ProblemParams } from '../../common/problems/index.js';
import { LoginThrottle, throttledError } from '../auth/login-throttle.js';
import { sameSecret, SessionStore, type Session, type SessionUserLike } from '../auth/sessions.js';
import { ChangeStreams } from './change-stream.js';
import { closeSoon, limitConnections } from './connection-limits.js';
import { canonicalIp, isAllowedHost, isLoopback } from './host-check.js';
import { admitBody, BodyBudget, BodyRefusal, MAX_BODY_BYTES, PUBLIC_BODY_BYTES, readJsonBody } from './request-body.js';
import { DownloadGrants } from '../files/download-grants.js';
import { isExportHandle } from '../files/exported-file.js';
import { DOWNLOAD_PATH, serveDownload } from './downloads.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { serveStatic } from './static-files.js';
import { cleanName } from '../../common/text.js';

const CALL_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,80})$/;
export const EVENTS_PATH = '/api/events';

/**
 * What the server needs of the backend: the operations' names, which are public, calls, and the
 * change events of committed writes. Office mode gives it the database threads (backend/threads.ts);
 * tests may give an in-process Api.
 */
export interface OfficeApi extends Pick<Api, 'names' | 'isPublic' | 'sessionEffect' | 'call'> {
  onChange?(listener: (event: ChangeEvent) => void): () => void;
}

export interface OfficeServerOptions {
  api: OfficeApi;
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
  return (
    pathname === '/' ||
    pathname === '/index.html' ||
    pathname === '/favicon.ico' ||
    /^\/assets\/[A-Za-z0-9._-]+$/.test(pathname)
  );
}

interface ServerState {
  api: OfficeApi;
  sessions: SessionStore;
  throttle: LoginThrottle;
  bodies: BodyBudget;
  /** Exports a session's calls produced, each downloadable once by that session. */
  downloads: DownloadGrants;
  dataDir?: string;
}

/** Refuses a request; a body not read yet is not waited for (the connection closes once the answer is out). */
function refuse(
  res: ServerResponse,
  status: number,
  code: ApiError['code'],
  key: ProblemKey,
  params: ProblemParams = {},
): void {
  if (!res.req.complete) res.setHeader('connection', 'close');
  sendLine(res, status, { ok: false, error: ApiError.problem(code, key, params).toJSON() });
  if (!res.req.complete) closeSoon(res.socket!);
}

export interface OfficeServer {
  url: string;
  close(): Promise<void>;
}

function sendLine(res: ServerResponse, status: number, line: object): void {
  res.writeHead(status, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(line)}\n`);
}

/** A body refused (too large, server busy, unreadable): answered as JSON, then the connection closes once Node has drained the rest. */
function refuseBody(res: ServerResponse, refusal: BodyRefusal): void {
  res.setHeader('connection', 'close');
  if (refusal.status === 503) res.setHeader('retry-after', '5');
  sendLine(res, refusal.status, { ok: false, error: refusal.error.toJSON() });
  closeSoon(res.socket!);
}

/**
 * The call's input: admitted by its declared size before a byte is read (small for operations
 * callable without a session), read within the limit and the shared budget, strict UTF-8 JSON.
 * Returns null when the request was answered with a refusal; `release` frees the budget.
 */
async function readCallInput(
  state: ServerState,
  isPublic: boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<{ input: unknown; release: () => void } | null> {
  const limit = isPublic ? PUBLIC_BODY_BYTES : MAX_BODY_BYTES;
  let release = () => {};
  try {
    release = admitBody(req, limit, state.bodies);
    return { input: await readJsonBody(req, limit), release };
  } catch (error) {
    release();
    if (!(error instanceof BodyRefusal)) throw error;
    refuseBody(res, error);
    return null;
  }
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
    refuse(res, 403, 'FORBIDDEN', 'server.crossOrigin');
    return;
  }
  const token = readCookie(req, SESSION_COOKIE);
  const session = sessions.get(token);
  if (!api.names.includes(name)) {
    refuse(
      res,
      session ? 404 : 401,
      session ? 'UNKNOWN_OPERATION' : 'UNAUTHENTICATED',
      session ? 'general.unknownOperation' : 'server.loginFirst',
      session ? { operation: name.slice(0, 80) } : {},
    );
    return;
  }
  const isPublic = api.isPublic(name);
  if (!session && !isPublic) {
    refuse(res, 401, 'UNAUTHENTICATED', 'server.sessionExpired');
    return;
  }
  // An operation that reads the session is how a reloaded page learns its CSRF token, so it cannot require one.
  const sessionEffect = state.api.sessionEffect(name);
  if (
    session &&
    !isPublic &&
    sessionEffect !== 'reads' &&
    !sameSecret(String(req.headers[CSRF_HEADER] ?? ''), session.csrf)
  ) {
    refuse(res, 403, 'FORBIDDEN', 'server.csrf');
    return;
  }
  if (name === 'users.auth.setupAdmin' && !isLoopback(req.socket.remoteAddress)) {
    refuse(res, 403, 'FORBIDDEN', 'server.setupAdminLocal');
    return;
  }
  const body = await readCallInput(state, isPublic, req, res);
  if (!body) return;
  try {
    if (sessionEffect) await handleSessionCall(state, name, sessionEffect, body.input, session, req, res);
    else await streamCall(state, name, body.input, session, res);
  } finally {
    body.release();
  }
}

/** A session whose account changed (password, disabled) is refused by the dispatcher; forget it here too. */
function forgetEndedSession(state: ServerState, session: Session | null, error: ApiError): void {
  if (session && error.code === 'UNAUTHENTICATED') state.sessions.close(session.token);
}

async function streamCall(
  state: ServerState,
  name: string,
  input: unknown,
  session: Session | null,
  res: ServerResponse,
): Promise<void> {
  const { api } = state;
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
    const apiError = ApiError.from(error, name);
    forgetEndedSession(state, session, apiError);
    res.end(`${JSON.stringify({ ok: false, error: apiError.toJSON() })}\n`);
  }
}

async function handleSessionCall(
  state: ServerState,
  name: string,
  effect: SessionEffect,
  input: unknown,
  session: Session | null,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const { api, sessions } = state;
  const attempt = name === 'users.auth.login' ? beginLogin(state, input, req, res) : undefined;
  if (attempt === null) return;
  try {
    const value = await api.call(name, input, { actor: session?.actor ?? null });
    if (effect === 'opens') {
      if (attempt) state.throttle.succeeded(attempt);
      sessions.close(session?.token);
      const opened = sessions.open(value as SessionUserLike);
      res.setHeader('set-cookie', sessionCookie(opened.token));
      sendLine(res, 200, { ok: true, value: { ...(value as object), csrf: opened.csrf } });
    } else if (effect === 'closes') {
      sessions.close(session?.token);
      if (session) state.downloads.revokeOwner(session.token);
      res.setHeader('set-cookie', sessionCookie('', 0));
      sendLine(res, 200, { ok: true, value: value ?? null });
    } else {
      sendLine(res, 200, { ok: true, value: { ...(value as object), csrf: session?.csrf } });
    }
  } catch (error) {
    const apiError = ApiError.from(error, name);
    if (name !== 'users.auth.login') forgetEndedSession(state, session, apiError);
    sendLine(res, apiError.code === 'UNAUTHENTICATED' ? 401 : 200, { ok: false, error: apiError.toJSON() });
  }
}

/** Counts a login attempt against its account and address, or answers 429 (and returns null) while they must wait. */
function beginLogin(state: ServerState, input: unknown, req: IncomingMessage, res: ServerResponse) {
  const given = (input as { username?: unknown } | null)?.username;
  const username = typeof given === 'string' ? given.trim() : '';
  const address = req.socket.remoteAddress ?? '?';
  const answer = state.throttle.begin(username, canonicalIp(address) ?? address);
  if (answer.allowed) return answer.attempt;
  res.setHeader('retry-after', String(Math.ceil(answer.retryAfterMs / 1000)));
  sendLine(res, 429, { ok: false, error: throttledError(answer.retryAfterMs).toJSON() });
  return null;
}

/** A one-time download of an export this session's call produced (the session cookie is the proof). */
function handleDownload(state: ServerState, exportId: string, req: IncomingMessage, res: ServerResponse): void {
  const session = state.sessions.get(readCookie(req, SESSION_COOKIE));
  if (!session) {
    refuse(res, 401, 'UNAUTHENTICATED', 'server.loginFirst');
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

/** `GET /api/events` for a logged-in session: its stream of change events. */
function openChangeStream(state: ServerState, streams: ChangeStreams, req: IncomingMessage, res: ServerResponse): void {
  const token = readCookie(req, SESSION_COOKIE);
  if (!token || !state.sessions.get(token)) {
    refuse(res, 401, 'UNAUTHENTICATED', 'server.sessionExpired');
    return;
  }
  streams.open(res, token);
}

export function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const { api, staticDir } = options;
  const now = options.now ?? Date.now;
  const state: ServerState = {
    api,
    sessions: new SessionStore(now),
    throttle: new LoginThrottle(undefined, now),
    bodies: new BodyBudget(),
    downloads: new DownloadGrants(now),
    dataDir: options.dataDir,
  };
  const changeStreams = new ChangeStreams(state.sessions);
  const stopListening = api.onChange?.((event) => {
    changeStreams.announce(event);
    // Told first, then logged out: every browser hears of the restore, and its next call finds no session.
    if (event.endsSessions) for (const token of state.sessions.closeAll()) state.downloads.revokeOwner(token);
  });
  // Bound beyond this machine, nothing but the login page is served without a session.
  const networked = !isLoopback(options.host ?? '127.0.0.1');
  const boundHost = options.host ?? '127.0.0.1';
  const server = http.createServer((req, res) => {
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
    if (!isAllowedHost(req.headers.host, boundHost)) {
      const host = cleanName(String(req.headers.host ?? ''), 80);
      sendLine(res, 421, { ok: false, error: ApiError.problem('FORBIDDEN', 'server.unknownHost', { host }).toJSON() });
      return;
    }
    const url = req.url ?? '/';
    const call = CALL_PATH.exec(url);
    // API calls check their own session (login and first-run status are public); the rest is checked here.
    const isCall = call !== null && req.method === 'POST';
    if (networked && !isCall && !isLoginPageAsset(url) && !state.sessions.get(readCookie(req, SESSION_COOKIE))) {
      if (url.startsWith('/api/')) refuse(res, 401, 'UNAUTHENTICATED', 'server.loginFirst');
      else
        res
          .writeHead(401, { 'content-type': 'text/plain; charset=utf-8' })
          .end('Please log in first: open the start page.');
      return;
    }
    if (call) {
      if (req.method !== 'POST') {
        sendLine(res, 405, { ok: false, error: ApiError.problem('INVALID_INPUT', 'server.usePost').toJSON() });
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
    if (url === EVENTS_PATH && req.method === 'GET') {
      openChangeStream(state, changeStreams, req, res);
      return;
    }
    if (url.startsWith('/api/')) {
      refuse(res, 404, 'UNKNOWN_OPERATION', 'server.noRoute');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    serveStatic(staticDir, url, res);
  });
  limitConnections(server);
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
            stopListening?.();
            changeStreams.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
