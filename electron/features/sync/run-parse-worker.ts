import { Worker } from 'node:worker_threads';
import type { ParsedPackage, ParseOptions, ParseProgress } from './parse-package.js';

type WorkerReply = { progress: ParseProgress } | { result: ParsedPackage } | { error: string };

/** The worker script; when running from TypeScript sources (tsx, vitest), a loader shim registers tsx first. */
function createWorker(options: ParseOptions): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  return new Worker(new URL(fromSources ? './parse-worker-dev.mjs' : './parse-worker.js', import.meta.url), { workerData: options });
}

/** Parses a package in a worker thread, so untrusted input never blocks the thread serving the UI. */
export function parsePackageInWorker(options: ParseOptions, onProgress: (p: ParseProgress) => void): Promise<ParsedPackage> {
  return new Promise((resolve, reject) => {
    const worker = createWorker(options);
    let settled = false;
    worker.on('message', (message: WorkerReply) => {
      if ('progress' in message) return onProgress(message.progress);
      settled = true;
      if ('result' in message) resolve(message.result);
      else reject(new Error(`parsing the package failed: ${message.error}`));
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the package parser stopped unexpectedly (exit ${code})`));
    });
  });
}
