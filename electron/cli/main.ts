#!/usr/bin/env node
import { EXIT_INTERNAL, runCli } from './run.js';

// Whatever escapes a command (a crash in a thread, a stray rejection) still ends with a documented code.
const internal = (error: unknown) => {
  process.stderr.write(`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(EXIT_INTERNAL);
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  write: (chunk) =>
    new Promise<void>((resolve) =>
      process.stdout.write(chunk) ? resolve() : process.stdout.once('drain', () => resolve()),
    ),
});
process.exitCode = code;
