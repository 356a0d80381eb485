import type { Command } from '../command.js';
import { serveCommand } from './serve.js';
import { initCommand } from './setup.js';
import { exportHouseholdsCommand, importSyncCommand } from './sync.js';

/** Every CLI command; each feature adds its own file here. */
export const commands: Command[] = [initCommand, serveCommand, importSyncCommand, exportHouseholdsCommand];
