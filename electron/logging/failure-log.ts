import type { ApiError } from '../api/errors.js';

const MAX_NAME = 80;

/** The stack of an error and of each cause under it (ApiError.from keeps the original error as `cause`). */
function stackOf(error: unknown): string | undefined {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    parts.push(current.stack ?? `${current.name}: ${current.message}`);
    current = current.cause;
  }
  return parts.length ? parts.join('\nCaused by: ') : undefined;
}

/**
 * One JSON line per failed operation: when, which operation, the code and catalogue key, the English
 * message and the stack (with the cause's). Never the input: it may hold passwords or NIKs.
 */
export function failureLine(operation: unknown, error: ApiError, at = new Date()): string {
  return JSON.stringify({
    at: at.toISOString(),
    level: error.code === 'INTERNAL' ? 'error' : 'warn',
    operation: typeof operation === 'string' ? operation.slice(0, MAX_NAME) : typeof operation,
    code: error.code,
    ...(error.key ? { key: error.key } : {}),
    message: error.message,
    stack: stackOf(error),
  });
}
