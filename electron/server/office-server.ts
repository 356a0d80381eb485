import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Actor, Progress } from '../api/define.js';
import type { Api } from '../api/dispatch.js';
import { ApiError } from '../api/errors.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { serveStatic } from './static-files.js';

export const MAX_BODY_BYTES = 96 * 1024 * 1024;
const CALL_PATH = /^\/api\/call\/([A-Za-z0-9_.-]{1,80})$/;

export interface OfficeServerOptions {
  api: Api;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  host?: string;
  port?: number;
  /** Who the requests act as until sessions exist for this host. */
  actor: Actor;
}

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
 * or `{"ok":false,"error":…}`.
 */
async function handleCall(api: Api, actor: Actor, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!isSameOriginRequest(req)) {
    sendLine(res, 403, { ok: false, error: new ApiError('FORBIDDEN', 'Cross-origin or non-JSON request refused').toJSON() });
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
  if (!api.names.includes(name)) {
    sendLine(res, 404, { ok: false, error: new ApiError('UNKNOWN_OPERATION', `Unknown operation: ${name}`).toJSON() });
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
    const value = await api.call(name, input, { actor, onProgress });
    res.end(`${JSON.stringify({ ok: true, value: value ?? null })}\n`);
  } catch (error) {
    res.end(`${JSON.stringify({ ok: false, error: ApiError.from(error, name).toJSON() })}\n`);
  }
}

export function startOfficeServer(options: OfficeServerOptions): Promise<OfficeServer> {
  const { api, staticDir, actor } = options;
  const server = http.createServer((req, res) => {
    for (const [header, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(header, value);
    const url = req.url ?? '/';
    const call = CALL_PATH.exec(url);
    if (call) {
      if (req.method !== 'POST') {
        sendLine(res, 405, { ok: false, error: new ApiError('INVALID_INPUT', 'Use POST for API calls').toJSON() });
        return;
      }
      handleCall(api, actor, call[1], req, res).catch((error) => {
        if (!res.headersSent) sendLine(res, 500, { ok: false, error: ApiError.from(error).toJSON() });
        else res.end();
      });
      return;
    }
    if (url.startsWith('/api/')) {
      sendLine(res, 404, { ok: false, error: new ApiError('UNKNOWN_OPERATION', 'No such API route').toJSON() });
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
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
