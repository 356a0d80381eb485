// npm run bench -- export: 1,000,000 households to the machine CSV, the Excel (Indonesia) CSV and
// XLSX through the real operation (streamed to a file under the data folder), against a baseline
// measured in the same run: a bare iterate-and-write of the same rows to a file. Each phase runs in
// its own process so its peak memory (RSS) is its own. Target: peak under 300 MB for every export.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { generateCensusData } from '../support/census-data.js';
import { tempDir } from '../support/office-process.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const SLS = Number(process.env.BENCH_SLS ?? 11_000);
const LIMIT_MB = 300;
const SELF = fileURLToPath(import.meta.url);
const ACTOR = { username: 'bench', role: 'admin' as const };

interface PhaseResult {
  rows: number;
  bytes: number;
  seconds: number;
  peakMb: number;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** The baseline: the same rows, iterated with one prepared statement and written in 64 KiB chunks. */
function phaseBaseline(dbFile: string, out: string): PhaseResult {
  const sqlite = new Database(dbFile, { readonly: true });
  const started = performance.now();
  const fd = fs.openSync(out, 'w');
  let chunk = 'household_id,sls_id,status,members,male,female,visited_at,revision,officer_code\n';
  let rows = 0;
  const statement = sqlite.prepare('SELECT household_id, sls_id, status, members, male, female, visited_at, revision, officer_code FROM households ORDER BY household_id').raw();
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    chunk += `${row.join(',')}\n`;
    rows++;
    if (chunk.length > 65_536) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  sqlite.close();
  return { rows, bytes: fs.statSync(out).size, seconds, peakMb: peakMb() };
}

/** The app: `sync.exportHouseholds` through the API, as every transport calls it. */
async function phaseExport(dbFile: string, format: string): Promise<PhaseResult> {
  const { startBackend } = await import('../../electron/api/host.js');
  const { findExport, removeExport } = await import('../../electron/files/export-store.js');
  const backend = startBackend({ dbFile });
  const started = performance.now();
  let rows = 0;
  const trace = (done: number) => {
    if (process.env.BENCH_TRACE && done % 100_000 === 0) {
      const m = process.memoryUsage();
      console.error(`  ${done} rows: rss ${Math.round(m.rss / 2 ** 20)} MB, heap ${Math.round(m.heapUsed / 2 ** 20)} MB, buffers ${Math.round(m.arrayBuffers / 2 ** 20)} MB`);
    }
  };
  const onProgress = (p: { done: number }) => {
    rows = p.done;
    trace(rows);
  };
  const handle = (await backend.api.call('sync.exportHouseholds', { format }, { actor: ACTOR, onProgress })) as { exportId: string; size: number };
  const seconds = (performance.now() - started) / 1000;
  if (!findExport(backend.dataDir, handle.exportId)) throw new Error('the export file is missing');
  removeExport(backend.dataDir, handle.exportId);
  backend.close();
  return { rows, bytes: handle.size, seconds, peakMb: peakMb() };
}

function runPhase(args: string[]): PhaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'phase', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`phase ${args[0]} failed`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult;
}

async function main(): Promise<void> {
  const dir = tempDir('pendopo-bench-');
  const { bloraBackend } = await import('../support/backend.js');
  console.log(`Generating ${HOUSEHOLDS.toLocaleString('en')} households in ${SLS.toLocaleString('en')} SLS (${dir}) …`);
  const genStart = performance.now();
  const backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, { slsCount: SLS, households: HOUSEHOLDS, fieldStart: '2020-09-01', fieldDays: 30 });
  backend.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  backend.close();
  const dbFile = path.join(dir, 'bench.db');
  fs.copyFileSync(backend.database.file, dbFile);
  console.log(`  generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s`);

  const baseline = runPhase(['baseline', dbFile, path.join(dir, 'baseline.csv')]);
  const results = (['csv', 'csv-excel', 'xlsx'] as const).map((format) => [format, runPhase(['export', dbFile, format])] as const);
  const line = (label: string, r: PhaseResult, ratios = '') =>
    `${label.padEnd(40)} ${r.rows.toLocaleString('en').padStart(10)} rows ${(r.bytes / 2 ** 20).toFixed(1).padStart(7)} MiB ${r.seconds.toFixed(2).padStart(7)} s  peak ${String(r.peakMb).padStart(4)} MB${ratios}`;
  console.log('');
  console.log(line('baseline: bare iterate-and-write', baseline));
  let ok = true;
  for (const [format, r] of results) {
    if (r.rows !== HOUSEHOLDS) throw new Error(`${format}: wrote ${r.rows} rows, expected ${HOUSEHOLDS}`);
    const within = r.peakMb < LIMIT_MB;
    ok &&= within;
    console.log(line(`export households --format ${format}`, r, `   ${(r.seconds / baseline.seconds).toFixed(2)}× time  ${(r.peakMb / baseline.peakMb).toFixed(2)}× peak  ${within ? 'OK' : 'OVER 300 MB'}`));
  }
  console.log(`\nTarget: peak memory under ${LIMIT_MB} MB for every export: ${ok ? 'OK' : 'NOT MET'}.`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!ok) process.exitCode = 1;
}

if (process.argv[2] === 'phase') {
  const [kind, dbFile, arg] = process.argv.slice(3);
  console.log(JSON.stringify(kind === 'baseline' ? phaseBaseline(dbFile, arg) : await phaseExport(dbFile, arg)));
} else {
  await main();
}
