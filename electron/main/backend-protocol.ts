import type { Actor, Progress } from '../api/define.js';
import type { SerializedApiError } from '../api/errors.js';

/** Messages between Electron's main process and the backend worker that owns the database. */
export interface CallRequest {
  id: number;
  name: string;
  input: unknown;
  actor: Actor | null;
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedApiError };

export type WorkerMessage = { id: number; progress: Progress } | { id: number; result: CallResult } | { ready: true } | { fatal: SerializedApiError };

export interface BackendWorkerData {
  dbFile: string;
  dataDir: string;
  nativeBinding?: string;
}
