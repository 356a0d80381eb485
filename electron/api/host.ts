import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/open.js';
import { createApi, type Api } from './dispatch.js';
import { operations } from './registry.js';

export interface BackendOptions {
  dbFile: string;
  /** Defaults to a `<db name>-files` folder beside the database. */
  dataDir?: string;
  nativeBinding?: string;
}

export interface Backend {
  api: Api;
  database: OpenedDatabase;
  dataDir: string;
  close(): void;
}

/** Opens the database and builds the API over it: the same backend for the CLI, office mode and Electron. */
export function startBackend(options: BackendOptions): Backend {
  const database = openDatabase(options.dbFile, { nativeBinding: options.nativeBinding });
  const dataDir = options.dataDir ?? `${database.file.replace(/\.[^./\\]+$/, '')}-files`;
  fs.mkdirSync(path.resolve(dataDir), { recursive: true });
  const api = createApi({ db: database.db, dataDir }, operations);
  return { api, database, dataDir, close: () => database.close() };
}
