import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api/errors.js';

/** Login, first-run status and first admin carry a few hundred bytes; nothing larger is read before a session. */
export const PUBLIC_BODY_BYTES = 16 * 1024;
/** The largest call: an upload of MAX_UPLOAD_BYTES as base64 inside JSON. */
export const MAX_BODY_BYTES = 96 * 1024 * 1024;
/** Bytes all requests together may be receiving or holding at once (two of the largest uploads). */
export const BODY_BUDGET_BYTES = 2 * MAX_BODY_BYTES;

/** A refusal decided about a body, with the HTTP status to answer it with. */
export class BodyRefusal extends Error {
  constructor(
    readonly status: 400 | 411 | 413 | 503,
    readonly error: ApiError,
  ) {
    super(error.message);
  }
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
const tooLarge = (limit: number) =>
  new BodyRefusal(413, ApiError.problem('REJECTED', 'server.bodyTooLarge', { size: sizeText(limit) }));

/** Shares BODY_BUDGET_BYTES between requests, so many large bodies at once cannot exhaust memory. */
export class BodyBudget {
  private used = 0;
  constructor(readonly total = BODY_BUDGET_BYTES) {}

  /** Reserves `bytes`; returns the release function, or null when the budget cannot take them now. */
  reserve(bytes: number): (() => void) | null {
    if (this.used + bytes > this.total) return null;
    this.used += bytes;
    let released = false;
    return () => {
      if (!released) this.used -= bytes;
      released = true;
    };
  }
}

/** The declared Content-Length: a number, null when the body is chunked, or a refusal when garbled. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  if (header === undefined) return null;
  if (!/^\d{1,15}$/.test(header)) throw new BodyRefusal(400, ApiError.problem('INVALID_INPUT', 'server.badBody'));
  return Number(header);
}

/**
 * Decides from the headers alone whether a body of up to `limit` bytes may be read now, and
 * reserves room for it: a declared length over the limit is refused before a byte is read; a
 * chunked body reserves the whole limit. Returns the release function.
 */
export function admitBody(req: IncomingMessage, limit: number, budget: BodyBudget): () => void {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) throw tooLarge(limit);
  const release = budget.reserve(declared ?? limit);
  if (!release) throw new BodyRefusal(503, ApiError.problem('REJECTED', 'server.busy'));
  return release;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads an admitted body (at most `limit` bytes, whatever it declared) and parses it as strict UTF-8 JSON. */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  // A declared length is read straight into one buffer of that size: no second copy to join chunks.
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let whole = declared !== null ? Buffer.allocUnsafe(declared) : null;
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      const fits = size + chunk.length <= (whole?.length ?? limit);
      if (fits && whole) chunk.copy(whole, size);
      else if (fits) chunks.push(chunk);
      size += chunk.length;
      if (fits) return;
      refused = true;
      chunks = [];
      // Keep draining (not buffering) so the 413 answer reaches the caller instead of a TCP reset.
      req.off('data', onData);
      req.resume();
      reject(tooLarge(limit));
    };
    req.on('data', onData);
    req.on('error', () => reject(new BodyRefusal(400, ApiError.problem('INVALID_INPUT', 'server.badBody'))));
    req.on('end', () => {
      if (refused) return;
      const bytes = whole ? whole.subarray(0, size) : Buffer.concat(chunks);
      // The request object lives as long as the call: let go of the bytes once decoded.
      whole = null;
      chunks = [];
      if (size === 0) return resolve({});
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        return reject(new BodyRefusal(400, ApiError.problem('INVALID_INPUT', 'input.notUtf8')));
      }
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyRefusal(400, ApiError.problem('INVALID_INPUT', 'server.badJson')));
      }
    });
  });
}
