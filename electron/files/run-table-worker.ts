import { Worker } from 'node:worker_threads';
import { workerScript } from '../backend/worker-script.js';
import { ApiError, type SerializedApiError } from '../api/errors.js';
import type { ReadOptions, TableFile } from './table-file.js';

type Reply = { id: number } & ({ table: TableFile } | { error: SerializedApiError });

/** One long-lived reader thread, started on the first file and idle (unref'd) between files. */
let reader: { worker: Worker; pending: Map<number, { resolve(t: TableFile): void; reject(e: Error): void }> } | null =
  null;
let nextId = 1;

function startReader(): NonNullable<typeof reader> {
  // The reader streams and keeps only the wanted columns: a bounded heap turns a runaway file into a refusal, not a swapped-out PC.
  const worker = new Worker(workerScript(import.meta.url, 'table-worker'), {
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  const pending = new Map<number, { resolve(t: TableFile): void; reject(e: Error): void }>();
  const stopped = (error: Error) => {
    for (const p of pending.values())
      p.reject(ApiError.problem('REJECTED', 'files.readerFailed', { detail: error.message }));
    pending.clear();
    if (reader?.worker === worker) reader = null;
  };
  worker.on('message', (message: Reply) => {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    if (pending.size === 0) worker.unref();
    if ('table' in message) request.resolve(message.table);
    else request.reject(ApiError.revive(message.error));
  });
  worker.on('error', stopped);
  worker.on('exit', (code) => stopped(new Error(`the spreadsheet reader stopped (exit ${code})`)));
  worker.unref();
  return { worker, pending };
}

/**
 * Reads an office spreadsheet in the reader thread, so a large or hostile file never holds up the
 * thread that answers other requests (see parseTableFile for what it reads and refuses).
 */
export function readTableFile(file: string, options: ReadOptions = {}): Promise<TableFile> {
  reader ??= startReader();
  const { worker, pending } = reader;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.ref();
    worker.postMessage({ id, file, options });
  });
}
