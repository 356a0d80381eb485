import { mergeOperations, ofFeature } from './define.js';
import { censusOps } from '../features/census/ops.js';
import { settingsOps } from '../features/settings/ops.js';
import { syncOps } from '../features/sync/ops.js';
import { wilayahOps } from '../features/wilayah/ops.js';
import { progressOps } from '../features/progress/ops.js';
import { participationOps } from '../features/participation/ops.js';
import { integrityOps } from '../features/integrity/ops.js';
import { usersOps } from '../features/users/ops.js';
import { auditOps } from '../features/audit/ops.js';
import { backupOps } from '../features/backup/ops.js';

/**
 * Every operation the app offers, by name. The Electron IPC handler, the office web server and the
 * CLI all call through this one table; each feature contributes its own `ops.ts`.
 */
export const operations = mergeOperations(
  ofFeature('wilayah', wilayahOps),
  ofFeature('settings', settingsOps),
  ofFeature('progress', progressOps),
  ofFeature('participation', participationOps),
  ofFeature('integrity', integrityOps),
  ofFeature('users', usersOps),
  ofFeature('audit', auditOps),
  ofFeature('backup', backupOps),
  ofFeature('census', censusOps),
  ofFeature('sync', syncOps),
);

export type Operations = typeof operations;
export type OperationName = keyof Operations & string;
