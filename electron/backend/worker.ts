// Raw SQL: PRAGMA data_version, to notice writes made by another process.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { TOPICS } from '../api/define.js';
import { ApiError } from '../api/errors.js';
import { startBackend } from '../api/host.js';
import { operations } from '../api/registry.js';
import { restoreDatabase } from '../features/backup/restore.js';
import { startAutoBackups } from '../features/backup/schedule.js';
import type {
  BackendWorkerData,
  CallRequest,
  CloseRequest,
  OperationCatalogue,
  RestoreOutcome,
  WorkerMessage,
} from './protocol.js';

/**
 * A database thread (threads.ts starts them): the writer, which owns every write, or a reader with
 * its own connection (WAL lets it read while the writer writes). SQL never runs on the thread
 * that serves windows or browsers.
 */
const port = parentPort;
if (!port) throw new Error('the backend worker must run as a worker thread');
const post = (message: WorkerMessage) => port.postMessage(message);
const data = workerData as BackendWorkerData;

function catalogue(): OperationCatalogue {
  const entries = Object.entries(operations);
  return {
    names: entries.map(([name]) => name),
    publicNames: entries.filter(([, o]) => o.public).map(([name]) => name),
    writing: entries.filter(([, o]) => o.writes).map(([name]) => name),
    sessionEffects: Object.fromEntries(entries.flatMap(([name, o]) => (o.session ? [[name, o.session]] : []))),
    replacing: entries.filter(([, o]) => o.replacesDatabase).map(([name]) => name),
  };
}

/** A writer started by a restore puts the backup in place first; refused, it opens the database as it was. */
function restoreFirst(restore: BackendWorkerData['restore']): { keptAside: string | null } | ApiError | undefined {
  if (!restore) return undefined;
  try {
    const { keptAside } = restoreDatabase(data.dbFile, restore.file, { actor: restore.actor });
    return { keptAside: keptAside && path.basename(keptAside) };
  } catch (error) {
    return ApiError.from(error, 'backup.restore');
  }
}

function outcomeOf(restored: ReturnType<typeof restoreFirst>): RestoreOutcome | undefined {
  if (restored === undefined) return undefined;
  return restored instanceof ApiError ? { ok: false, error: restored.toJSON() } : { ok: true, ...restored };
}

/** How often the writer looks for writes committed by another process (the CLI importing while office mode runs). */
const WATCH_MS = 1000;

/**
 * `PRAGMA data_version` changes on this connection only when another connection committed, so a
 * change seen here is another process's write: announced as touching everything.
 */
function watchOtherProcesses(sqlite: Database.Database): void {
  let seen = sqlite.pragma('data_version', { simple: true });
  const timer = setInterval(() => {
    const now = sqlite.pragma('data_version', { simple: true });
    if (now === seen) return;
    seen = now;
    post({ change: { operation: 'external', topics: [...TOPICS], at: new Date().toISOString() } });
  }, WATCH_MS);
  timer.unref();
}

try {
  const writer = data.role === 'writer';
  const restored = writer ? restoreFirst(data.restore) : undefined;
  // Opening the restored database records the restore in its own audit trail (finishRestore).
  const backend = startBackend({
    ...data,
    reader: !writer,
    replacesDatabase: true,
    onChange: writer ? (change) => post({ change }) : undefined,
  });
  if (restored instanceof ApiError) backend.logFailure('backup.restore', restored);
  const backups = writer
    ? startAutoBackups(backend.database.db, backend.dataDir, (error) =>
        console.error(`Automatic backup failed: ${error.message}`),
      )
    : null;
  port.on('message', (request: CallRequest | CloseRequest) => {
    if ('close' in request) {
      backups?.stop();
      backend.close();
      process.exit(0);
    }
    backend.api
      .call(request.name, request.input, {
        actor: request.actor,
        onProgress: (progress) => post({ id: request.id, progress }),
      })
      .then(
        (value) => post({ id: request.id, result: { ok: true, value: value ?? null } }),
        (error) => post({ id: request.id, result: { ok: false, error: ApiError.from(error, request.name).toJSON() } }),
      );
  });
  if (writer) watchOtherProcesses(backend.database.sqlite);
  post({ ready: true, catalogue: catalogue(), restore: outcomeOf(restored) });
} catch (error) {
  post({ fatal: ApiError.from(error).toJSON() });
}
