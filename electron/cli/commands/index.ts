import type { Command } from '../command.js';
import { censusCommands } from './census.js';
import { serveCommand } from './serve.js';
import { initCommand } from './setup.js';

/** Every CLI command; each feature adds its own file here. */
export const commands: Command[] = [initCommand, serveCommand, ...censusCommands];
