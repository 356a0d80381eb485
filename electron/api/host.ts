import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { finishRestore, recoverInterruptedRestore } from '../features/backup/restore.js';
import { createApi, type Api } from './dispatch.js';
import { ApiError } from './errors.js';
import { operations } from './registry.js';

export interface BackendOptions {
  dbFile: string;
  /** Defaults to a `<db name>-files` folder beside the database. */
  dataDir?: string;
  nativeBinding?: string;
  /** Refuse to start when the database file does not exist, instead of creating an empty one (check, backup, audit). */
  mustExist?: boolean;
}

export interface Backend {
  api: Api;
  database: OpenedDatabase;
  dataDir: string;
  close(): void;
}

/** Opens the database and builds the API over it: the same backend for the CLI, office mode and Electron. */
export function startBackend(options: BackendOptions): Backend {
  // A restore killed before its commit is rolled back first; one killed after it is recorded once open.
  recoverInterruptedRestore(options.dbFile);
  if (options.mustExist && !fs.existsSync(options.dbFile)) throw ApiError.problem('NOT_INITIALISED', 'check.noDatabase', { file: path.resolve(options.dbFile) });
  const database = openDatabase(options.dbFile, { nativeBinding: options.nativeBinding });
  finishRestore(database.db, database.file);
  const dataDir = options.dataDir ?? `${database.file.replace(/\.[^./\\]+$/, '')}-files`;
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const api = createApi({ db: database.db, dataDir }, operations);
  return { api, database, dataDir, close: () => database.close() };
}
