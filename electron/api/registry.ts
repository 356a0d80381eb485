import { mergeOperations } from './define.js';
import { settingsOps } from '../features/settings/ops.js';
import { syncOps } from '../features/sync/ops.js';
import { wilayahOps } from '../features/wilayah/ops.js';

/**
 * Every operation the app offers, by name. The Electron IPC handler, the office web server and the
 * CLI all call through this one table; each feature contributes its own `ops.ts`.
 */
export const operations = mergeOperations(
  wilayahOps,
  settingsOps,
  syncOps,
);

export type Operations = typeof operations;
export type OperationName = keyof Operations & string;
