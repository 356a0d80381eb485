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
  /** The operations after which the threads restore the file they name over the database (`replacesDatabase`). */
  replacing: string[];
}

export type WorkerMessage =
  | { id: number; progress: Progress }
  | { id: number; result: CallResult }
  | { ready: true; catalogue: OperationCatalogue; restore?: RestoreOutcome }
  | { fatal: SerializedApiError }
  | { change: ChangeEvent };

export interface BackendWorkerData {
  dbFile: string;
  dataDir: string;
  nativeBinding?: string;
  /** The writer migrates the database, owns every write and the automatic backups; readers only read. */
  role: 'writer' | 'reader';
  /** For a writer started by a restore: the checked backup to put in place before the database is opened. */
  restore?: { file: string; actor: string };
}

/** What a writer started with `restore` did: the database restored (the previous one kept aside), or why not. */
export type RestoreOutcome = { ok: true; keptAside: string | null } | { ok: false; error: SerializedApiError };
