import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { Actor, Progress } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import type { BackendWorkerData, CallResult, WorkerMessage } from './backend-protocol.js';

export interface BackendClient {
  call(name: string, input: unknown, actor: Actor | null, onProgress?: (p: Progress) => void): Promise<CallResult>;
  close(): Promise<void>;
}

/** Starts the backend worker and resolves once the database is open (or rejects with why it is not). */
export function startBackendWorker(script: URL, data: BackendWorkerData, options: WorkerOptions = {}): Promise<BackendClient> {
  const worker = new Worker(script, { ...options, workerData: data });
  const pending = new Map<number, { resolve: (r: CallResult) => void; onProgress?: (p: Progress) => void }>();
  let nextId = 1;
  let stopped = false;
  const stoppedResult = (): CallResult => ({ ok: false, error: new ApiError('INTERNAL', 'The backend stopped: restart Pendopo').toJSON() });
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        resolve({
          call(name, input, actor, onProgress) {
            if (stopped) return Promise.resolve(stoppedResult());
            const id = nextId++;
            return new Promise<CallResult>((done) => {
              pending.set(id, { resolve: done, onProgress });
              worker.postMessage({ id, name, input, actor });
            });
          },
          async close() {
            await worker.terminate();
          },
        });
      } else if ('fatal' in message) {
        reject(ApiError.revive(message.fatal));
        void worker.terminate();
      } else if ('progress' in message) {
        pending.get(message.id)?.onProgress?.(message.progress);
      } else {
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
