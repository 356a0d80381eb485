// Type-checks the main-process side and compiles it into dist/ (what the CLI and worker threads run), unless dist/ is fresh.
import { ensureCompiled } from './compiled.mjs';

try {
  await ensureCompiled();
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
