#!/usr/bin/env node
// `npm run cli -- …`: the command line from compiled JavaScript, compiled first if a source changed.
import { ensureCompiled } from './compiled.mjs';

try {
  await ensureCompiled();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(3);
}
await import('../dist/electron/cli/main.js');
