import type { Command } from '../command.js';
import { integrityCommands } from './integrity.js';
import { progressCommands } from './progress.js';
import { censusCommands } from './census.js';
import { serveCommand } from './serve.js';
import { initCommand } from './setup.js';
import { exportHouseholdsCommand, importSyncCommand } from './sync.js';
import { auditExportCommand, auditVerifyCommand, backupCommand, checkCommand, restoreCommand } from './trust.js';
import { userAddCommand, userListCommand } from './users.js';

/** Every CLI command; each feature adds its own file here. */
export const commands: Command[] = [
  initCommand,
  serveCommand,
  ...censusCommands,
  importSyncCommand,
  exportHouseholdsCommand,
  ...progressCommands,
  ...integrityCommands,
  userAddCommand,
  userListCommand,
  auditVerifyCommand,
  auditExportCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
];
