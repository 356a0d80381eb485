import { Worker } from 'node:worker_threads';
import type { ParsedPackage, ParseOptions, ParseProgress } from './parse-package.js';

/** The office's SLS master: its ids joined by spaces, and the stamp that changes whenever they do. */
export interface SlsMaster {
  stamp: number;
  ids: string;
}

/** One package to parse; `master.ids` is null when this thread already holds the master with that stamp. */
export interface ParseRequest {
  id: number;
  options: Omit<ParseOptions, 'slsIds'>;
  master: { stamp: number; ids: string | null };
}

type WorkerReply = { id: number } & ({ progress: ParseProgress } | { result: ParsedPackage } | { error: string });

interface Pending {
  resolve(result: ParsedPackage): void;
  reject(error: Error): void;
  onProgress(p: ParseProgress): void;
}

/** One long-lived parser thread: starting a thread per package would cost more than parsing a small one. */
let parser: { worker: Worker; pending: Map<number, Pending>; masterStamp: number | null } | null = null;
let nextId = 1;
const BIG_PACKAGE_LINES = 100_000;

/** The worker script; from TypeScript sources (tsx, vitest) a small shim registers tsx first. */
function startParser(): NonNullable<typeof parser> {
  const fromSources = import.meta.url.endsWith('.ts');
  // Parsing streams: it needs a few MB at a time, so a small old generation keeps a million-line
  // package lean; a roomier young generation keeps short-lived line strings from costing GC time.
  const worker = new Worker(new URL(fromSources ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 },
  });
  const pending = new Map<number, Pending>();
  const stopped = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    if (parser?.worker === worker) parser = null;
  };
  worker.on('message', (message: WorkerReply) => {
    const request = pending.get(message.id);
    if (!request) return;
    if ('progress' in message) return request.onProgress(message.progress);
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    // After a big package the thread's heap is mostly garbage: end it rather than keep it while the records are applied.
    if (pending.size === 0 && 'result' in message && message.result.lines > BIG_PACKAGE_LINES) void worker.terminate();
    if ('result' in message) request.resolve(message.result);
    else request.reject(new Error(`parsing the package failed: ${message.error}`));
  });
  worker.on('error', stopped);
  worker.on('exit', (code) => stopped(new Error(`the package parser stopped (exit ${code})`)));
  worker.unref();
  return { worker, pending, masterStamp: null };
}

/** Parses a package in the parser thread, so untrusted input never blocks the thread serving the UI. */
export function parsePackageInWorker(options: Omit<ParseOptions, 'slsIds'>, master: SlsMaster, onProgress: (p: ParseProgress) => void): Promise<ParsedPackage> {
  parser ??= startParser();
  const current = parser;
  const id = nextId++;
  // The master is posted once, not with each of a day's thousands of packages.
  const request: ParseRequest = { id, options, master: { stamp: master.stamp, ids: current.masterStamp === master.stamp ? null : master.ids } };
  current.masterStamp = master.stamp;
  return new Promise((resolve, reject) => {
    current.pending.set(id, { resolve, reject, onProgress });
    // Keeps the process alive only while a package is being parsed.
    current.worker.ref();
    current.worker.postMessage(request);
  });
}
