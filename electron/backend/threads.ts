import { Worker } from 'node:worker_threads';
import type { Actor, ChangeEvent, Progress, SessionEffect } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import type { BackendWorkerData, CallResult, OperationCatalogue, WorkerMessage } from './protocol.js';

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

/** The worker script: from TypeScript sources (tsx, vitest) a small shim registers tsx first. */
const workerScript = () =>
  new URL(import.meta.url.endsWith('.ts') ? './worker-dev.mjs' : './worker.js', import.meta.url);

/** How long a closing thread may take to finish the statement it runs before it is ended. */
const CLOSE_WAIT_MS = 10_000;

const stoppedResult = (): CallResult => ({
  ok: false,
  error: ApiError.problem('INTERNAL', 'general.backendStopped').toJSON(),
});

interface DatabaseThread {
  call(name: string, input: unknown, actor: Actor | null, onProgress?: (p: Progress) => void): Promise<CallResult>;
  /** Calls sent and not answered yet: a new read goes to the reader with the fewest. */
  readonly busy: number;
  close(): Promise<void>;
}

/** Starts one database thread and resolves once its connection is open (or rejects with why it is not). */
function startThread(
  data: BackendWorkerData,
  onChange: (event: ChangeEvent) => void,
): Promise<{ thread: DatabaseThread; catalogue: OperationCatalogue }> {
  const worker = new Worker(workerScript(), { workerData: data });
  const pending = new Map<number, { resolve: (r: CallResult) => void; onProgress?: (p: Progress) => void }>();
  let nextId = 1;
  let stopped = false;
  const thread: DatabaseThread = {
    get busy() {
      return pending.size;
    },
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
      if ('ready' in message) resolve({ thread, catalogue: message.catalogue });
      else if ('fatal' in message) {
        reject(ApiError.revive(message.fatal));
        void worker.terminate();
      } else if ('change' in message) onChange(message.change);
      else if ('progress' in message) pending.get(message.id)?.onProgress?.(message.progress);
      else {
        pending.get(message.id)?.resolve(message.result);
        pending.delete(message.id);
      }
    });
    worker.on('exit', () => {
      stopped = true;
      for (const { resolve: done } of pending.values()) done(stoppedResult());
      pending.clear();
    });
  });
}

/**
 * Starts the database threads: one writer (it migrates the database first, then owns every write
 * and the automatic backups) and reader threads with their own connections, so reads never wait
 * behind a long write. Writing operations go to the writer, in the order they arrive; reads to the
 * least busy reader.
 */
export async function startBackendThreads(options: BackendThreadsOptions): Promise<BackendClient> {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const announce = (event: ChangeEvent) => {
    for (const listener of listeners) listener(event);
  };
  const base = { dbFile: options.dbFile, dataDir: options.dataDir, nativeBinding: options.nativeBinding };
  const { thread: writer, catalogue } = await startThread({ ...base, role: 'writer' }, announce);
  let readers: DatabaseThread[];
  try {
    const started = await Promise.all(
      Array.from({ length: Math.max(1, options.readers ?? 2) }, () =>
        startThread({ ...base, role: 'reader' }, announce),
      ),
    );
    readers = started.map((s) => s.thread);
  } catch (error) {
    await writer.close();
    throw error;
  }
  const writing = new Set(catalogue.writing);
  const publicNames = new Set(catalogue.publicNames);
  const leastBusyReader = () => readers.reduce((best, r) => (r.busy < best.busy ? r : best));
  return {
    names: catalogue.names,
    isPublic: (name) => publicNames.has(name),
    sessionEffect: (name) =>
      Object.hasOwn(catalogue.sessionEffects, name) ? catalogue.sessionEffects[name] : undefined,
    call(name, input, actor, onProgress) {
      // Unknown names go to a reader, which answers UNKNOWN_OPERATION like any other caller gets.
      const thread = writing.has(name) ? writer : leastBusyReader();
      return thread.call(name, input, actor, onProgress);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await Promise.all([writer, ...readers].map((t) => t.close()));
    },
  };
}
