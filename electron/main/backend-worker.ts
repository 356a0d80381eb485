import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '../api/errors.js';
import { startBackend } from '../api/host.js';
import { startAutoBackups } from '../features/backup/schedule.js';
import type { BackendWorkerData, CallRequest, WorkerMessage } from './backend-protocol.js';

/** Runs in a worker thread: owns the one database connection, so SQL never blocks Electron's main thread. */
const port = parentPort;
if (!port) throw new Error('backend-worker must run as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);

try {
  const backend = startBackend(workerData as BackendWorkerData);
  port.on('message', (request: CallRequest) => {
    backend.api
      .call(request.name, request.input, { actor: request.actor, onProgress: (progress) => post({ id: request.id, progress }) })
      .then(
        (value) => post({ id: request.id, result: { ok: true, value: value ?? null } }),
        (error) => post({ id: request.id, result: { ok: false, error: ApiError.from(error, request.name).toJSON() } }),
      );
  });
  const backups = startAutoBackups(backend.database.db, backend.dataDir, (error) => console.error(`Automatic backup failed: ${error.message}`));
  port.on('close', () => {
    backups.stop();
    backend.close();
  });
  post({ ready: true });
} catch (error) {
  post({ fatal: ApiError.from(error).toJSON() });
}
