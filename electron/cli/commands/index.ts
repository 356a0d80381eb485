import type { Command } from '../command.js';
import { serveCommand } from './serve.js';
import { initCommand } from './setup.js';
import { integrityCommands } from './integrity.js';

/** Every CLI command; each feature adds its own file here. */
export const commands: Command[] = [initCommand, serveCommand, ...integrityCommands];
