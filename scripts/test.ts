// npm test: check format, lint and process boundaries, type-check every side, build the UI the end-to-end tests open, run the unit tests
// (vitest) and the browser/desktop tests (Playwright), then print one summary line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode, runNodeQuietly } from './node-tools.js';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'pendopo-test-'));

function run(label: string, tool: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}`);
  return runNode(tool, args, env);
}

const started = Date.now();
const extra = process.argv.slice(2);
/** Steps that read the sources and write nothing the others read: two at a time (CI has 2 cores), each printed whole when done. */
async function runSideBySide(steps: [label: string, tool: string, args: string[]][]): Promise<boolean> {
  let ok = true;
  const waiting = [...steps];
  const worker = async () => {
    for (let step = waiting.shift(); step; step = waiting.shift()) {
      const [label, tool, args] = step;
      const result = await runNodeQuietly(tool, args);
      console.log(`\n▶ ${label}${result.ok ? '' : ' — FAILED'}`);
      if (result.output) process.stdout.write(result.output);
      ok = result.ok && ok;
    }
  };
  await Promise.all([worker(), worker()]);
  return ok;
}

let ok = await runSideBySide([
  // The electron side is type-checked by compiling it: the CLI, office mode and the tests' worker threads run dist/.
  ['type-check electron and compile it (dist/)', 'scripts/compile.mjs', []],
  ['type-check tests', 'tsc', ['-p', 'tests/tsconfig.json', '--noEmit']],
  ['type-check renderer', 'tsc', ['-p', 'renderer/tsconfig.json', '--noEmit']],
  ['build the renderer', 'vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']],
  ['format and lint (Biome)', 'biome', ['ci', '.']],
  ['process boundaries', 'tsx', ['scripts/check-boundaries.ts']],
]);
const vitestReport = path.join(reports, 'vitest.json');
ok =
  run('unit tests (vitest)', 'vitest', [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestReport}`,
    ...extra,
  ]) && ok;
const playwrightReport = path.join(reports, 'playwright.json');
ok =
  run(
    'end-to-end tests (Playwright, Chromium; Electron where it exists)',
    'playwright',
    ['test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
    },
  ) && ok;

const counts = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(vitestReport)) {
  const v = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
  counts.passed += v.numPassedTests;
  counts.failed += v.numFailedTests;
  counts.skipped += v.numPendingTests + v.numTodoTests;
}
if (fs.existsSync(playwrightReport)) {
  const p = JSON.parse(fs.readFileSync(playwrightReport, 'utf8'));
  counts.passed += p.stats.expected + p.stats.flaky;
  counts.failed += p.stats.unexpected;
  counts.skipped += p.stats.skipped;
}
if (!ok && counts.failed === 0) counts.failed = 1; // a step failed before reporting any test
const took = Math.round((Date.now() - started) / 1000);
console.log(
  `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${Math.floor(took / 60)} min ${took % 60} s)`,
);
process.exit(ok ? 0 : 1);
