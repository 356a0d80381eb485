// npm run bench -- import: field sync import throughput against a bare prepared INSERT (the ceiling).
// Generates 1,000,000 households in 2,000 packages and one package of 1,000,000 lines (untimed),
// then times each phase in its own process so peak memory is that phase's alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { bloraBackend } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { household, writePackage, type Household } from '../support/sync-packages.js';
import { migrateDatabase } from '../../electron/db/migrate.js';
import { applyPragmas } from '../../electron/db/open.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2_000);
const SELF = fileURLToPath(import.meta.url);

interface PhaseResult {
  households: number;
  seconds: number;
  peakMb: number;
}

/**
 * Household k of the regency: SLS after SLS, as the tablets write them (an officer's package holds
 * the households of their few SLS). 185 per SLS fills the 5,415 SLS of the sample master.
 */
const PER_SLS = 185;
function householdAt(slsIds: readonly string[], k: number): Household {
  return household(slsIds[Math.floor(k / PER_SLS) % slsIds.length], (k % PER_SLS) + 1, 1, k);
}

function* range(slsIds: readonly string[], from: number, to: number): Generator<Household> {
  for (let k = from; k < to; k++) yield householdAt(slsIds, k);
}

async function freshOffice(dir: string): Promise<{ dbFile: string; slsIds: string[] }> {
  const backend = await bloraBackend();
  const slsIds = await seedSampleSlsMaster(backend.database.db);
  backend.close();
  const dbFile = path.join(dir, `office-${Math.random().toString(36).slice(2)}.db`);
  fs.copyFileSync(backend.database.file, dbFile);
  return { dbFile, slsIds };
}

function peakMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function phaseImport(dbFile: string, files: string[]): Promise<PhaseResult> {
  const { startBackend } = await import('../../electron/api/host.js');
  const backend = startBackend({ dbFile });
  const actor = { username: 'bench', role: 'admin' as const };
  const started = performance.now();
  let households = 0;
  // As `pendopo import sync` does: the next package is read while the current one is written.
  const importFile = (file: string) => backend.api.call('sync.import', { file: { path: file } }, { actor, trusted: true }) as Promise<{ status: string; counts: { new: number } }>;
  let next = importFile(files[0]);
  for (const [i, file] of files.entries()) {
    const current = next;
    if (i + 1 < files.length) next = importFile(files[i + 1]);
    const result = await current;
    if (result.status !== 'imported') throw new Error(`${file}: ${result.status}`);
    households += result.counts.new;
  }
  const seconds = (performance.now() - started) / 1000;
  backend.close();
  return { households, seconds, peakMb: peakMb() };
}

const CEILING_CHUNK = 10_000;

/**
 * The ceiling: the same rows (the officer and a package id of the same shape as the 2,000-package
 * set), one prepared INSERT each, one transaction, into the same table with its indexes and
 * triggers. Rows are built a chunk at a time outside the timed part, so neither building them nor
 * collecting a heap of a million rows is timed.
 */
function phaseCeiling(dbFile: string, slsIds: string[]): PhaseResult {
  const perPackage = Math.ceil(HOUSEHOLDS / PACKAGES);
  const row = (k: number) => {
    const h = householdAt(slsIds, k);
    const p = String(Math.floor(k / perPackage)).padStart(4, '0');
    return [h.household_id, h.sls_id, h.status, h.members, h.male, h.female, h.visited_at, h.revision, `PPL-3316-${p}`, `00000000-0000-4000-8000-00000000${p}`, 0];
  };
  const sqlite = new Database(dbFile);
  applyPragmas(sqlite);
  migrateDatabase(sqlite, dbFile);
  const insert = sqlite.prepare(
    'INSERT INTO households (household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, package_id, flagged) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let timed = 0;
  const time = (work: () => void) => {
    const started = performance.now();
    work();
    timed += performance.now() - started;
  };
  time(() => sqlite.exec('BEGIN'));
  for (let from = 0; from < HOUSEHOLDS; from += CEILING_CHUNK) {
    const rows = Array.from({ length: Math.min(CEILING_CHUNK, HOUSEHOLDS - from) }, (_, i) => row(from + i));
    time(() => {
      for (const r of rows) insert.run(...r);
    });
  }
  time(() => sqlite.exec('COMMIT'));
  sqlite.close();
  return { households: HOUSEHOLDS, seconds: timed / 1000, peakMb: peakMb() };
}

function runPhase(args: string[]): PhaseResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF, 'phase', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`phase ${args[0]} failed`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult;
}

async function main(): Promise<void> {
  const dir = tempDir('pendopo-bench-');
  console.log(`Generating ${HOUSEHOLDS.toLocaleString('en')} households in ${PACKAGES} packages and in one package (${dir}) …`);
  const genStart = performance.now();
  const many = await freshOffice(dir);
  const big = await freshOffice(dir);
  const ceilingDb = path.join(dir, 'ceiling.db');
  fs.copyFileSync(many.dbFile, ceilingDb);
  const slsIds = many.slsIds;
  const perPackage = Math.ceil(HOUSEHOLDS / PACKAGES);
  const packageFiles: string[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const file = path.join(dir, `PPL-${String(p).padStart(4, '0')}.spsync`);
    await writePackage(file, { officer: `PPL-3316-${String(p).padStart(4, '0')}`, lines: range(slsIds, p * perPackage, Math.min(HOUSEHOLDS, (p + 1) * perPackage)) });
    packageFiles.push(file);
  }
  const listFile = path.join(dir, 'packages.json');
  fs.writeFileSync(listFile, JSON.stringify(packageFiles));
  const bigFile = path.join(dir, 'big.spsync');
  await writePackage(bigFile, { officer: 'PPL-3316-0001', lines: range(slsIds, 0, HOUSEHOLDS) });
  console.log(`  generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s; big package ${(fs.statSync(bigFile).size / 2 ** 20).toFixed(1)} MiB`);

  const ceiling = runPhase(['ceiling', ceilingDb]);
  const manyResult = runPhase(['import', many.dbFile, listFile]);
  const bigResult = runPhase(['import', big.dbFile, JSON.stringify([bigFile])]);
  const rate = (r: PhaseResult) => Math.round(r.households / r.seconds);
  const line = (label: string, r: PhaseResult) =>
    `${label.padEnd(44)} ${r.households.toLocaleString('en').padStart(10)} households ${r.seconds.toFixed(2).padStart(7)} s ${rate(r).toLocaleString('en').padStart(9)} /s  ${(rate(r) / rate(ceiling)).toFixed(2)}× ceiling  peak ${r.peakMb} MB`;
  console.log('');
  console.log(line('ceiling: bare prepared INSERT, 1 transaction', ceiling));
  console.log(line(`import: ${PACKAGES} packages`, manyResult));
  console.log(line('import: 1 package of 1,000,000 lines', bigResult));
  console.log(`\nTargets: ≥ 0.50× ceiling; big package peak memory < 300 MB (${bigResult.peakMb} MB).`);
  fs.rmSync(dir, { recursive: true, force: true });
}

if (process.argv[2] === 'phase') {
  const [kind, dbFile, files] = process.argv.slice(3);
  if (kind === 'ceiling') {
    const backendless = await (async () => {
      const sqlite = new Database(dbFile);
      const ids = sqlite.prepare('SELECT sls_id FROM sls ORDER BY rowid').pluck().all() as string[];
      sqlite.close();
      return ids;
    })();
    console.log(JSON.stringify(phaseCeiling(dbFile, backendless)));
  } else {
    const list = files.startsWith('[') ? (JSON.parse(files) as string[]) : (JSON.parse(fs.readFileSync(files, 'utf8')) as string[]);
    console.log(JSON.stringify(await phaseImport(dbFile, list)));
  }
} else {
  await main();
}
