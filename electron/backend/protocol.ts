import type { Actor, ChangeEvent, Progress, SessionEffect } from '../api/define.js';
import type { SerializedApiError } from '../api/errors.js';

/** Messages between the thread that serves (Electron's main process, office mode's HTTP thread) and the database threads. */
export interface CallRequest {
  id: number;
  name: string;
  input: unknown;
  actor: Actor | null;
}

/** Asks a database thread to close its connection and exit. */
export interface CloseRequest {
  close: true;
}

export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedApiError };

/** What the serving thread needs to know of the operations to route and guard calls, without loading them. */
export interface OperationCatalogue {
  names: string[];
  /** Callable without a session (login, first-run status). */
  publicNames: string[];
  /** Writing operations: they go to the one writer thread; all others to the readers. */
  writing: string[];
  /** The operations that open, close or read the caller's session. */
  sessionEffects: Record<string, SessionEffect>;
}

export type WorkerMessage =
  | { id: number; progress: Progress }
  | { id: number; result: CallResult }
  | { ready: true; catalogue: OperationCatalogue }
  | { fatal: SerializedApiError }
  | { change: ChangeEvent };

export interface BackendWorkerData {
  dbFile: string;
  dataDir: string;
  nativeBinding?: string;
  /** The writer migrates the database, owns every write and the automatic backups; readers only read. */
  role: 'writer' | 'reader';
}
