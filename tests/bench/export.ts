// npm run bench -- export: 1,000,000 households to the machine CSV, the Excel (Indonesia) CSV and
// XLSX through the real operation (streamed to a file under the data folder), against a baseline
// measured in the same run: a bare iterate-and-write of the same rows to a file. Each phase runs in
// its own process so its peak memory (RSS) is its own. Target: peak under 300 MB for every export.
// The app runs compiled to JavaScript, as the desktop app runs it (dist/); a second XLSX run under
// tsx (`npm run cli` today) shows what the on-the-fly TypeScript compiler adds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNode } from '../../scripts/node-tools.js';
import { generateCensusData } from '../support/census-data.js';
import { REPO, tempDir } from '../support/office-process.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const SLS = Number(process.env.BENCH_SLS ?? 11_000);
const LIMIT_MB = 300;
const SELF = fileURLToPath(import.meta.url);

interface PhaseResult {
  rows: number;
  bytes: number;
  seconds: number;
  peakMb: number;
}

/** The backend compiled to JavaScript under the repository (so node_modules resolve), as `npm run build:electron` does. */
const BUILD = path.join(REPO, '.tmp', 'bench-export-build');

function parsePhase(child: ReturnType<typeof spawnSync>, what: string): PhaseResult {
  if (child.status !== 0) throw new Error(`phase ${what} failed`);
  return JSON.parse(String(child.stdout).trim().split('\n').pop()!) as PhaseResult;
}

const run = (args: string[]) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });

/** A phase in its own plain Node process (export-phase.mjs): the baseline, or the compiled app's export. */
function runPlainPhase(args: string[]): PhaseResult {
  return parsePhase(run([path.join(path.dirname(SELF), 'export-phase.mjs'), ...args]), args.join(' '));
}

/** The same export from the TypeScript sources under tsx (which resolves their `.js` imports). */
function runTsxPhase(dbFile: string, format: string): PhaseResult {
  return parsePhase(
    run([
      '--import',
      'tsx',
      path.join(path.dirname(SELF), 'export-phase.mjs'),
      'export',
      dbFile,
      format,
      path.join(REPO, 'electron'),
    ]),
    `tsx ${format}`,
  );
}

async function main(): Promise<void> {
  const dir = tempDir('pendopo-bench-');
  const { bloraBackend } = await import('../support/backend.js');
  console.log(`Generating ${HOUSEHOLDS.toLocaleString('en')} households in ${SLS.toLocaleString('en')} SLS (${dir}) …`);
  const genStart = performance.now();
  const backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, {
    slsCount: SLS,
    households: HOUSEHOLDS,
    fieldStart: '2020-09-01',
    fieldDays: 30,
  });
  backend.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  const dbFile = path.join(dir, 'bench.db');
  fs.copyFileSync(backend.database.file, dbFile);
  console.log(`  generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);
  fs.rmSync(BUILD, { recursive: true, force: true });
  if (!runNode('tsc', ['-p', 'electron/tsconfig.json', '--outDir', BUILD, '--sourceMap', 'false']))
    throw new Error('tsc failed');

  const baseline = runPlainPhase(['baseline', dbFile, path.join(dir, 'baseline.csv')]);
  const compiled = path.join(BUILD, 'electron');
  const results = (['csv', 'csv-excel', 'xlsx'] as const).map(
    (format) => [format, runPlainPhase(['export', dbFile, format, compiled])] as const,
  );
  const underTsx = runTsxPhase(dbFile, 'xlsx');
  const line = (label: string, r: PhaseResult, ratios = '') =>
    `${label.padEnd(40)} ${r.rows.toLocaleString('en').padStart(10)} rows ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)} MiB ${r.seconds.toFixed(2).padStart(7)} s  peak ${String(r.peakMb).padStart(4)} MB${ratios}`;
  console.log('');
  console.log(line('baseline: bare iterate-and-write', baseline));
  let ok = true;
  for (const [format, r] of results) {
    if (r.rows !== HOUSEHOLDS) throw new Error(`${format}: wrote ${r.rows} rows, expected ${HOUSEHOLDS}`);
    const within = r.peakMb < LIMIT_MB;
    ok &&= within;
    console.log(
      line(
        `export households --format ${format}`,
        r,
        `   ${(r.seconds / baseline.seconds).toFixed(2)}× time  ${(r.peakMb / baseline.peakMb).toFixed(2)}× peak  ${within ? 'OK' : 'OVER 300 MB'}`,
      ),
    );
  }
  console.log(
    line(
      '  the same XLSX run under tsx',
      underTsx,
      `   ${(underTsx.peakMb / baseline.peakMb).toFixed(2)}× peak (tsx's compiler and caches included)`,
    ),
  );
  console.log(`\nTarget: peak memory under ${LIMIT_MB} MB for every export: ${ok ? 'OK' : 'NOT MET'}.`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(BUILD, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}

await main();
