import { Worker } from 'node:worker_threads';
import { TOPICS, type Actor, type ChangeEvent, type Progress, type SessionEffect } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import { workerScript } from './worker-script.js';
import type { BackendWorkerData, CallResult, OperationCatalogue, RestoreOutcome, WorkerMessage } from './protocol.js';

/**
 * The backend as the serving thread sees it (Electron's main process, office mode's HTTP thread):
 * calls answered by the database threads, and the change events of committed writes.
 */
export interface BackendClient {
  readonly names: readonly string[];
  isPublic(name: string): boolean;
  /** What the operation does to the caller's session (`Operation.session`), if anything. */
  sessionEffect(name: string): SessionEffect | undefined;
  call(name: string, input: unknown, actor: Actor | null, onProgress?: (p: Progress) => void): Promise<CallResult>;
  /** Listens to the change events of committed writes; returns the function that stops listening. */
  onChange(listener: (event: ChangeEvent) => void): () => void;
  close(): Promise<void>;
}

export interface BackendThreadsOptions {
  dbFile: string;
  dataDir: string;
  nativeBinding?: string;
  /** Reader threads, each with its own connection; 2 by default (a long export or check leaves one free). */
  readers?: number;
}

/** A restore's steps, for its progress: checked, database closed, restored and reopened. */
const RESTORE_STEPS = 3;

/** How long a closing thread may take to finish the statement it runs before it is ended. */
const CLOSE_WAIT_MS = 10_000;

const stoppedResult = () =>
  ({
    ok: false,
    error: ApiError.problem('INTERNAL', 'general.backendStopped').toJSON(),
  }) satisfies CallResult;

interface DatabaseThread {
  call(name: string, input: unknown, actor: Actor | null, onProgress?: (p: Progress) => void): Promise<CallResult>;
  /** Calls sent and not answered yet: a new read goes to the reader with the fewest. */
  readonly busy: number;
  /** Resolves once every call sent so far is answered. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts one database thread and resolves once its connection is open (or rejects with why it is not). */
function startThread(
  data: BackendWorkerData,
  onChange: (event: ChangeEvent) => void,
): Promise<{ thread: DatabaseThread; catalogue: OperationCatalogue; restore?: RestoreOutcome }> {
  const worker = new Worker(workerScript(import.meta.url, 'worker'), { workerData: data });
  const pending = new Map<number, { resolve: (r: CallResult) => void; onProgress?: (p: Progress) => void }>();
  let idleWaiters: (() => void)[] = [];
  const settled = () => {
    if (pending.size > 0) return;
    for (const done of idleWaiters) done();
    idleWaiters = [];
  };
  let nextId = 1;
  let stopped = false;
  const thread: DatabaseThread = {
    get busy() {
      return pending.size;
    },
    idle: () => (pending.size === 0 ? Promise.resolve() : new Promise((done) => idleWaiters.push(done))),
    call(name, input, actor, onProgress) {
      if (stopped) return Promise.resolve(stoppedResult());
      const id = nextId++;
      return new Promise<CallResult>((done) => {
        pending.set(id, { resolve: done, onProgress });
        worker.postMessage({ id, name, input, actor });
      });
    },
    // Asks the thread to close its connection (and checkpoint), then ends it if it does not exit soon.
    async close() {
      if (stopped) return;
      const exited = new Promise<void>((done) => worker.once('exit', () => done()));
      worker.postMessage({ close: true });
      const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) resolve({ thread, catalogue: message.catalogue, restore: message.restore });
      else if ('fatal' in message) {
        reject(ApiError.revive(message.fatal));
        void worker.terminate();
      } else if ('change' in message) onChange(message.change);
      else if ('progress' in message) pending.get(message.id)?.onProgress?.(message.progress);
      else {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
        settled();
      }
    });
    worker.on('exit', () => {
      stopped = true;
      for (const { resolve: done } of pending.values()) done(stoppedResult());
      pending.clear();
      settled();
    });
  });
}

/**
 * Starts the database threads: one writer (it migrates the database first, then owns every write
 * and the automatic backups) and reader threads with their own connections, so reads never wait
 * behind a long write. Writing operations go to the writer, in the order they arrive; reads to the
 * least busy reader.
 *
 * An operation that `replacesDatabase` (backup.restore) swaps the database while the app runs:
 * calls that arrive meanwhile wait; the calls already sent are answered; the operation checks its
 * backup on the writer (refused, nothing stops); every thread closes its connection; a new writer
 * restores the backup (the same `restoreDatabase` as the CLI: checked again, the current database
 * kept aside, atomic) and opens it, new readers follow, and one change event touching every topic,
 * with `endsSessions`, tells every window that the database is the backup's.
 */
export async function startBackendThreads(options: BackendThreadsOptions): Promise<BackendClient> {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const announce = (event: ChangeEvent) => {
    for (const listener of listeners) listener(event);
  };
  const base = { dbFile: options.dbFile, dataDir: options.dataDir, nativeBinding: options.nativeBinding };
  const readerCount = Math.max(1, options.readers ?? 2);
  let { writer, readers, catalogue } = await openThreads();
  const writing = new Set(catalogue.writing);
  const replacing = new Set(catalogue.replacing);
  const publicNames = new Set(catalogue.publicNames);
  const leastBusyReader = () => readers.reduce((best, r) => (r.busy < best.busy ? r : best));
  /** Set while the database is being replaced: calls wait for it. */
  let swapping: Promise<unknown> | null = null;

  async function openThreads(restore?: BackendWorkerData['restore']) {
    const started = await startThread({ ...base, role: 'writer', restore }, announce);
    try {
      const readerThreads = await Promise.all(
        Array.from({ length: readerCount }, () => startThread({ ...base, role: 'reader' }, announce)),
      );
      return { ...started, writer: started.thread, readers: readerThreads.map((r) => r.thread) };
    } catch (error) {
      await started.thread.close();
      throw error;
    }
  }

  function route(name: string, input: unknown, actor: Actor | null, onProgress?: (p: Progress) => void) {
    // Unknown names go to a reader, which answers UNKNOWN_OPERATION like any other caller gets.
    const thread = writing.has(name) ? writer : leastBusyReader();
    return thread.call(name, input, actor, onProgress);
  }

  async function replaceDatabase(
    name: string,
    input: unknown,
    actor: Actor | null,
    onProgress?: (p: Progress) => void,
  ): Promise<CallResult> {
    const step = (done: number) => onProgress?.({ done, total: RESTORE_STEPS });
    await Promise.all([writer, ...readers].map((t) => t.idle()));
    const checked = await writer.call(name, input, actor, onProgress);
    if (!checked.ok) return checked;
    step(1);
    const plan = checked.value as { file: string; restoredBy: string };
    await Promise.all([writer, ...readers].map((t) => t.close()));
    step(2);
    let outcome: RestoreOutcome | undefined;
    try {
      const opened = await openThreads({ file: plan.file, actor: plan.restoredBy });
      ({ writer, readers, restore: outcome } = opened);
    } catch (error) {
      // Neither the backup nor the database could be opened again: every later call says so.
      return { ok: false, error: ApiError.from(error, name).toJSON() };
    }
    step(RESTORE_STEPS);
    if (!outcome?.ok) return { ok: false, error: outcome?.error ?? stoppedResult().error };
    announce({ operation: name, topics: [...TOPICS], at: new Date().toISOString(), endsSessions: true });
    return { ok: true, value: { ...(checked.value as object), keptAside: outcome.keptAside } };
  }

  return {
    names: catalogue.names,
    isPublic: (name) => publicNames.has(name),
    sessionEffect: (name) =>
      Object.hasOwn(catalogue.sessionEffects, name) ? catalogue.sessionEffects[name] : undefined,
    async call(name, input, actor, onProgress) {
      while (swapping) await swapping;
      if (!replacing.has(name)) return route(name, input, actor, onProgress);
      const swap = replaceDatabase(name, input, actor, onProgress);
      swapping = swap;
      try {
        return await swap;
      } finally {
        swapping = null;
      }
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      while (swapping) await swapping;
      listeners.clear();
      await Promise.all([writer, ...readers].map((t) => t.close()));
    },
  };
}
