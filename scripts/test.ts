// npm test: check format, lint and process boundaries, type-check every side, build the UI the end-to-end tests open, run the unit tests
// (vitest) and the browser/desktop tests (Playwright), then print one summary line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNode } from './node-tools.js';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'pendopo-test-'));

function run(label: string, tool: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${label}`);
  return runNode(tool, args, env);
}

const extra = process.argv.slice(2);
let ok = true;
ok = run('format and lint (Biome)', 'biome', ['ci', '.']) && ok;
ok = run('process boundaries', 'tsx', ['scripts/check-boundaries.ts']) && ok;
// The electron side is type-checked by compiling it: the CLI, office mode and the tests' worker threads run dist/.
ok = run('type-check electron and compile it (dist/)', 'scripts/compile.mjs', []) && ok;
for (const side of ['renderer', 'tests'])
  ok = run(`type-check ${side}`, 'tsc', ['-p', `${side}/tsconfig.json`, '--noEmit']) && ok;
ok = run('build the renderer', 'vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']) && ok;
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
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok ? 0 : 1);
