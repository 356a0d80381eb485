import type { CallResult, Progress } from '../../../electron/api/types';
import { problemText } from '../../../common/problems/index';

export type { CallResult };

/** What the Electron preload puts on window: one narrow function per purpose. */
export interface PendopoBridge {
  call(name: string, input: unknown, onProgress?: (p: Progress) => void): Promise<CallResult>;
  /** Asks where to save an export and moves it there (main process). */
  saveExport?(exportId: string): Promise<CallResult>;
  /** The main process's change events; returns the function that stops listening. */
  onChanges?(listener: (event: unknown) => void): () => void;
}

declare global {
  interface Window {
    pendopo?: PendopoBridge;
  }
}

export type Transport = (name: string, input: unknown, onProgress?: (p: Progress) => void) => Promise<CallResult>;

/** The session's CSRF token in office mode: handed out by login and session.me, sent back on every call. */
let csrfToken: string | null = null;

function rememberCsrf(name: string, result: CallResult): void {
  if (name === 'users.auth.logout' || (!result.ok && result.error.code === 'UNAUTHENTICATED')) csrfToken = null;
  const value = result.ok ? (result.value as { csrf?: unknown } | null) : null;
  if (value && typeof value.csrf === 'string') csrfToken = value.csrf;
}

/** The office server could not be reached, or broke off its answer: said like any other problem. */
function unreachable(status?: number): CallResult {
  const key = 'general.unreachable';
  const params = { status: status ? ` (HTTP ${status})` : '' };
  return {
    ok: false,
    error: { name: 'ApiError', code: 'INTERNAL', message: problemText('en', key, params), key, params },
  };
}

/** Office mode: POST /api/call/NAME, answered as NDJSON progress lines then one result line. */
export const httpTransport: Transport = async (name, input, onProgress) => {
  try {
    return await callOverHttp(name, input, onProgress);
  } catch (error) {
    // fetch() and a stream cut off mid-answer fail with a TypeError; bad JSON means the answer was cut.
    if (error instanceof TypeError || error instanceof SyntaxError) return unreachable();
    throw error;
  }
};

const callOverHttp: Transport = async (name, input, onProgress) => {
  const response = await fetch(`api/call/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(csrfToken ? { 'x-pendopo-csrf': csrfToken } : {}) },
    body: JSON.stringify(input ?? {}),
    credentials: 'same-origin',
  });
  if (!response.body) return unreachable(response.status);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let result: CallResult | null = null;
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    for (let newline = buffer.indexOf('\n'); newline >= 0; newline = buffer.indexOf('\n')) {
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (!line.trim()) continue;
      const message = JSON.parse(line) as { progress?: Progress } & Partial<CallResult>;
      if (message.progress) onProgress?.(message.progress);
      else result = message as CallResult;
    }
    if (done) break;
  }
  if (!result) return unreachable(response.status);
  rememberCsrf(name, result);
  return result;
};

/** The renderer runs in Electron when the preload exposed its bridge, otherwise in a browser against office mode. */
export function pickTransport(): Transport {
  const bridge = typeof window !== 'undefined' ? window.pendopo : undefined;
  return bridge ? (name, input, onProgress) => bridge.call(name, input, onProgress) : httpTransport;
}
