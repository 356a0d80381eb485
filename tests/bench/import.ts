// npm run bench -- import: field sync import through the CLI against the shared ceiling
// (tests/bench/ceiling.mjs, the project's verbatim copy of the ceiling every import benchmark divides by — kept out of the formatter: the same households
// read from a JSONL dump, JSON.parse and one prepared INSERT each into a bare table), both measured
// in this run. Generates 1,000,000 households in 2,000 packages and as one 1,000,000-line package
// (untimed); each timed phase runs in its own process, so its peak memory is its own.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { bloraBackend } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { REPO, tempDir } from '../support/office-process.js';
import { household, writePackage, type Household } from '../support/sync-packages.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 2_000);
/** 185 households per SLS fill the 5,415 SLS of the sample master; an officer's package holds a few SLS. */
const PER_SLS = 185;
/** Households an officer visits in one SLS in a day: an SLS takes its officer a few days, as in the field. */
const VISITS_A_DAY = 50;

interface Phase {
  households: number;
  seconds: number;
  peakMb: number | null;
}

const officerOf = (p: number) => `PPL-3316-${String(p).padStart(4, '0')}`;

/** Runs a Node script in a child process; resolves with its wall time and its last stdout line. */
function run(args: string[]): Promise<{ seconds: number; last: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${args.join(' ').slice(0, 200)}: exit ${code}`));
      resolve({ seconds, last: JSON.parse(out.trim().split('\n').pop()!) });
    });
  });
}

async function importThroughCli(dbFile: string, files: string[]): Promise<Phase> {
  const { seconds, last } = await run(['tests/bench/cli-phase.mjs', '--db', dbFile, 'import', 'sync', ...files]);
  if (last.code !== 0) throw new Error(`import sync exited ${last.code}`);
  return { households: HOUSEHOLDS, seconds, peakMb: last.peakMb };
}

async function main(): Promise<void> {
  const dir = tempDir('pendopo-bench-');
  console.log(
    `Generating ${HOUSEHOLDS.toLocaleString('en')} households in ${PACKAGES.toLocaleString('en')} packages, as one package, and as the ceiling's JSONL dump (${dir}) …`,
  );
  const genStart = performance.now();
  const office = await bloraBackend();
  const slsIds = await seedSampleSlsMaster(office.database.db);
  office.close();
  const copies = ['many.db', 'big.db'].map((name) => {
    const file = path.join(dir, name);
    fs.copyFileSync(office.database.file, file);
    return file;
  });
  const householdAt = (k: number): Household => {
    const sls = Math.floor(k / PER_SLS);
    const serial = k % PER_SLS;
    const h = household(slsIds[sls % slsIds.length], serial + 1, 1, k);
    const day = 1 + ((sls + Math.floor(serial / VISITS_A_DAY)) % 28);
    return { ...h, visited_at: `2020-09-${String(day).padStart(2, '0')}${h.visited_at.slice(10)}` };
  };
  const perPackage = Math.ceil(HOUSEHOLDS / PACKAGES);
  const dump = fs.openSync(path.join(dir, 'households.jsonl'), 'w');
  const files: string[] = [];
  for (let p = 0; p < PACKAGES; p++) {
    const rows = Array.from(
      { length: Math.max(0, Math.min(HOUSEHOLDS, (p + 1) * perPackage) - p * perPackage) },
      (_, i) => householdAt(p * perPackage + i),
    );
    const file = path.join(dir, `${officerOf(p)}.spsync`);
    await writePackage(file, { officer: officerOf(p), lines: rows });
    fs.writeSync(dump, rows.map((h) => `${JSON.stringify({ ...h, officer_code: officerOf(p) })}\n`).join(''));
    files.push(file);
  }
  fs.closeSync(dump);
  const bigFile = path.join(dir, 'big.spsync');
  await writePackage(bigFile, {
    officer: officerOf(1),
    lines: (function* () {
      for (let k = 0; k < HOUSEHOLDS; k++) yield householdAt(k);
    })(),
  });
  console.log(
    `  generated in ${((performance.now() - genStart) / 1000).toFixed(1)} s; big package ${(fs.statSync(bigFile).size / 2 ** 20).toFixed(1)} MiB`,
  );
  await ensureCompiled();

  const ceilingRun = await run(['tests/bench/ceiling.mjs', path.join(dir, 'households.jsonl')]);
  const ceiling: Phase = { households: ceilingRun.last.households, seconds: ceilingRun.last.seconds, peakMb: null };
  const many = await importThroughCli(copies[0], files);
  const big = await importThroughCli(copies[1], [bigFile]);

  const rate = (r: Phase) => Math.round(r.households / r.seconds);
  const line = (label: string, r: Phase) =>
    `${label.padEnd(52)} ${r.households.toLocaleString('en').padStart(10)} ${r.seconds.toFixed(2).padStart(7)} s ${rate(r).toLocaleString('en').padStart(9)} /s  ${(rate(r) / rate(ceiling)).toFixed(2)}× ceiling${r.peakMb ? `  peak ${r.peakMb} MB` : ''}`;
  console.log('');
  console.log(line('ceiling (shared ceiling.mjs: JSON.parse + bare INSERT)', ceiling));
  console.log(line(`pendopo import sync: ${PACKAGES.toLocaleString('en')} packages`, many));
  console.log(line(`pendopo import sync: 1 package of ${HOUSEHOLDS.toLocaleString('en')} lines`, big));
  console.log(
    `\nImport times are wall clock of the whole CLI process (start, open, read, validate, write, summary, exit). Target: ≥ 0.50× ceiling.`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
