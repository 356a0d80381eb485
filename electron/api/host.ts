// Raw SQL: connection pragmas (reader connections are query_only).
import fs from 'node:fs';
import path from 'node:path';
import { defaultDataDir } from '../app-paths.js';
import { checkpointIfWalIsBig, BIG_WAL_BYTES } from '../db/checkpoint.js';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { finishRestore, recoverInterruptedRestore } from '../features/backup/restore.js';
import type { ChangeEvent } from './define.js';
import { createApi, type Api } from './dispatch.js';
import { ApiError } from './errors.js';
import { operations, type Operations } from './registry.js';
import { failureLine } from '../logging/failure-log.js';
import { logFileIn, rotatingLog, type RotatingLogOptions } from '../logging/log-file.js';

export interface BackendOptions {
  dbFile: string;
  /** Defaults to a `<db name>-files` folder beside the database. */
  dataDir?: string;
  nativeBinding?: string;
  /** Refuse to start when the database file does not exist, instead of creating an empty one (check, backup, audit). */
  mustExist?: boolean;
  /** A reader thread's connection: every statement that would write is refused (query_only). */
  reader?: boolean;
  /** Told after each committed write (the change events windows and browsers are sent). */
  onChange?: (event: ChangeEvent) => void;
  /** The desktop's and office mode's database threads, which swap the database after `backup.restore`. */
  replacesDatabase?: boolean;
  /** WAL size after which a commit checkpoints and truncates it; tests lower it. */
  bigWalBytes?: number;
  /** Size and count of the log files (`<data folder>/logs/pendopo.log`); tests lower them. */
  log?: RotatingLogOptions;
}

export interface Backend {
  api: Api<Operations>;
  database: OpenedDatabase;
  dataDir: string;
  /** Adds a failure that did not go through `api.call` to the log file (a restore refused as the writer starts). */
  logFailure(operation: string, error: ApiError): void;
  close(): void;
}

/**
 * Opens the database and builds the API over it: the same backend for the CLI (in its own thread)
 * and for the desktop's and office mode's database threads (electron/backend/).
 */
export function startBackend(options: BackendOptions): Backend {
  // A restore killed before its commit is rolled back first; one killed after it is recorded once open.
  recoverInterruptedRestore(options.dbFile);
  if (options.mustExist && !fs.existsSync(options.dbFile))
    throw ApiError.problem('NOT_INITIALISED', 'check.noDatabase', { file: path.resolve(options.dbFile) });
  const database = openDatabase(options.dbFile, { nativeBinding: options.nativeBinding });
  // The writer finishes an interrupted restore; readers open after it and only read.
  if (options.reader) database.sqlite.pragma('query_only = ON');
  else finishRestore(database.db, database.file);
  const dataDir = options.dataDir ?? defaultDataDir(database.file);
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const afterCommit = (event: ChangeEvent) => {
    try {
      checkpointIfWalIsBig(database.sqlite, database.file, options.bigWalBytes ?? BIG_WAL_BYTES);
    } catch (error) {
      // The write is committed; a checkpoint that could not run now runs at the next one.
      console.error(`WAL checkpoint failed: ${(error as Error).message}`);
    }
    options.onChange?.(event);
  };
  // Every thread of the desktop and office mode (and the CLI) logs its failed calls to the same file.
  const log = rotatingLog(logFileIn(dataDir), options.log);
  const onFailure = (operation: unknown, error: ApiError) => log(failureLine(operation, error));
  const api = createApi(
    { db: database.db, dataDir, afterCommit, onFailure, replacesDatabase: options.replacesDatabase },
    operations,
  );
  return { api, database, dataDir, logFailure: onFailure, close: () => database.close() };
}
