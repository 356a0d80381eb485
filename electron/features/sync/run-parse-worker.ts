import { Worker } from 'node:worker_threads';
import { workerScript } from '../../backend/worker-script.js';
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
  options: Omit<ParseOptions, 'slsIds'>;
  master: SlsMaster;
  resolve(result: ParsedPackage): void;
  reject(error: Error): void;
  onProgress(p: ParseProgress): void;
  /** Sent again after the thread died with it in flight. */
  retried: boolean;
}

/** One long-lived parser thread: starting a thread per package would cost more than parsing a small one. */
let parser: { worker: Worker; pending: Map<number, Pending>; masterStamp: number | null } | null = null;
let nextId = 1;
const BIG_PACKAGE_LINES = 100_000;

function startParser(): NonNullable<typeof parser> {
  // Parsing streams: it needs a few MB at a time, so a small old generation keeps a million-line
  // package lean; a roomier young generation keeps short-lived line strings from costing GC time.
  const worker = new Worker(workerScript(import.meta.url, 'parse-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 },
  });
  const pending = new Map<number, Pending>();
  const stopped = (error: Error) => {
    const inFlight = [...pending.values()];
    pending.clear();
    if (parser?.worker === worker) parser = null;
    // Several packages are read at once, so which one killed the thread is unknown: each is read
    // again, alone and once; the one that kills it again is rejected (and recorded as such).
    for (const p of inFlight) {
      if (p.retried) p.reject(error);
      else retries = retries.then(() => send({ ...p, retried: true }).then(p.resolve, p.reject));
    }
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

/** Packages sent again after the thread died: one after the other. */
let retries: Promise<void> = Promise.resolve();

function send(p: Omit<Pending, 'resolve' | 'reject'>): Promise<ParsedPackage> {
  parser ??= startParser();
  const current = parser;
  const id = nextId++;
  // The master is posted once, not with each of a day's thousands of packages.
  const request: ParseRequest = {
    id,
    options: p.options,
    master: { stamp: p.master.stamp, ids: current.masterStamp === p.master.stamp ? null : p.master.ids },
  };
  current.masterStamp = p.master.stamp;
  return new Promise((resolve, reject) => {
    current.pending.set(id, { ...p, resolve, reject });
    // Keeps the process alive only while a package is being parsed.
    current.worker.ref();
    current.worker.postMessage(request);
  });
}

/** Parses a package in the parser thread, so untrusted input never blocks the thread serving the UI. */
export function parsePackageInWorker(
  options: Omit<ParseOptions, 'slsIds'>,
  master: SlsMaster,
  onProgress: (p: ParseProgress) => void,
): Promise<ParsedPackage> {
  return send({ options, master, onProgress, retried: false });
}
