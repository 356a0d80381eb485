import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { withFreshNonce } from './security-headers.js';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Resolves a URL path inside `root`, or null when it would leave it. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return full === root || full.startsWith(root + path.sep) ? full : null;
}

/** Serves the built renderer; unknown paths fall back to index.html so reloads keep the UI's route. */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const resolved = resolveStaticPath(root, urlPath);
  const file =
    resolved && fs.existsSync(resolved) && fs.statSync(resolved).isFile() ? resolved : path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The UI is not built: run "npm run build:renderer" first.');
    return;
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  if (path.extname(file) === '.html') {
    const page = withFreshNonce(fs.readFileSync(file, 'utf8'));
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': page.csp });
    res.end(page.html);
    return;
  }
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache });
  fs.createReadStream(file).pipe(res);
}
