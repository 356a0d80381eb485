import { ApiError } from '../../api/errors.js';

export const today = () => new Date().toISOString().slice(0, 10);
export const now = () => new Date().toISOString();

/** Optimistic versioning: an edit carries the version it read; a different stored one means someone else changed it. */
export function expectVersion(stored: number, sent: number, what: string): void {
  if (stored !== sent) {
    throw new ApiError('CONFLICT', `${what} was changed by someone else since you opened it (version ${sent}, now ${stored}); reload and try again`);
  }
}

export function notFound(what: string): never {
  throw new ApiError('NOT_FOUND', `${what} not found`);
}
