import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiError } from './errors.js';

/** Where failed operations are written: `logs/pendopo.log` in the data folder (desktop and office mode). */
export const LOG_FILE = join('logs', 'pendopo.log');
/** Rotated once it passes this size; `pendopo.log.1` … `.3` are kept. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
const KEPT = 3;

function rotate(path: string): void {
  rmSync(`${path}.${KEPT}`, { force: true });
  for (let n = KEPT - 1; n >= 1; n--) {
    try {
      renameSync(`${path}.${n}`, `${path}.${n + 1}`);
    } catch {
      // that generation does not exist yet
    }
  }
  renameSync(path, `${path}.1`);
}

/**
 * One line per failed operation: time, name, code, catalogue key, the English message, and for an
 * unexpected error (INTERNAL) its stack with the cause's, line breaks written as ` | `.
 * Writing the log never fails the call.
 */
export function logFailedOperation(dataDir: string, operation: string, error: ApiError, maxBytes = LOG_MAX_BYTES) {
  if (!dataDir) return;
  try {
    const path = join(dataDir, LOG_FILE);
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    try {
      if (statSync(path).size >= maxBytes) rotate(path);
    } catch {
      // no log yet
    }
    const stack = error.code === 'INTERNAL' ? ` stack=${(error.stack ?? '').replace(/\r?\n\s*/g, ' | ')}` : '';
    const line = `${new Date().toISOString()} FAILED ${operation} code=${error.code} key=${error.key ?? '-'} message=${JSON.stringify(error.message)}${stack}\n`;
    appendFileSync(path, line);
  } catch {
    // a read-only or full disk must not turn a refusal into a crash
  }
}
