// npm run bench -- office: office mode under load. One session imports 200 field sync packages over
// HTTP while another polls the dashboard and two lists every 250 ms; each call's p95 latency is
// compared with its p95 on the same server idle (after the same data was loaded), measured in this
// run. Target: ≤ 3× idle.
import fs from 'node:fs';
import path from 'node:path';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { runCliInProcess } from '../support/cli.js';
import { SLS_SAMPLE } from '../support/census.js';
import { httpClient, type HttpClient } from '../support/http-session.js';
import { startOfficeProcess, tempDir } from '../support/office-process.js';
import { household, writePackage } from '../support/sync-packages.js';

const PACKAGES = Number(process.env.BENCH_PACKAGES ?? 200);
const PER_PACKAGE = 500;
const POLL_MS = 250;
const IDLE_SECONDS = 10;
const PASSWORD = 'rahasia-bench-1';
/** What a coordinator's screen asks while it is open: the dashboard, the import history, a coverage table. */
const READS: [string, unknown][] = [
  ['progress.dashboard', {}],
  ['sync.imports', { limit: 200 }],
  ['progress.table', { level: 'kecamatan' }],
];

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timedCall(client: HttpClient, name: string, input: unknown): Promise<number> {
  const started = performance.now();
  const answer = await client.post(name, input);
  if (!answer.last?.ok) throw new Error(`${name}: ${JSON.stringify(answer.last).slice(0, 300)}`);
  return performance.now() - started;
}

async function importAll(client: HttpClient, files: string[]): Promise<number> {
  const started = performance.now();
  for (const file of files) {
    const answer = await client.post('sync.import', {
      file: { name: path.basename(file), base64: fs.readFileSync(file).toString('base64') },
    });
    if (answer.last?.value?.status !== 'imported')
      throw new Error(`${file}: ${JSON.stringify(answer.last).slice(0, 300)}`);
  }
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  await ensureCompiled();
  const dir = tempDir('pendopo-bench-office-');
  const dbFile = path.join(dir, 'pendopo.db');
  const cli = (...args: string[]) =>
    runCliInProcess(['--db', dbFile, ...args], { env: { PENDOPO_PASSWORD: PASSWORD } });
  for (const args of [
    ['init', '--kabupaten', '33.16'],
    ['import', 'sls', SLS_SAMPLE],
    ['user', 'add', '--username', 'importer', '--role', 'operator'],
    ['user', 'add', '--username', 'viewer', '--role', 'koordinator'],
  ]) {
    const run = await cli(...args);
    if (run.code !== 0) throw new Error(`${args.join(' ')}: ${run.stderr}`);
  }
  const slsIds = fs
    .readFileSync(SLS_SAMPLE, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/[;,]/)[0]);
  console.log(`Generating ${2 * PACKAGES} packages of ${PER_PACKAGE} households (half loaded before measuring) …`);
  const files: string[] = [];
  for (let p = 0; p < 2 * PACKAGES; p++) {
    const file = path.join(dir, `PPL-${String(p).padStart(4, '0')}.spsync`);
    const lines = Array.from({ length: PER_PACKAGE }, (_, i) => {
      const k = p * PER_PACKAGE + i;
      return household(slsIds[Math.floor(k / 185) % slsIds.length], (k % 185) + 1, 1, k);
    });
    await writePackage(file, { officer: `PPL-3316-${String(p).padStart(4, '0')}`, lines });
    files.push(file);
  }

  const office = await startOfficeProcess(dir);
  try {
    const importer = httpClient(office.url);
    const viewer = httpClient(office.url);
    await importer.login('importer', PASSWORD);
    await viewer.login('viewer', PASSWORD);
    const preload = await importAll(importer, files.slice(0, PACKAGES));
    console.log(`  preloaded ${PACKAGES} packages over HTTP in ${preload.toFixed(1)} s`);

    // The viewer's screen: each call polled on its own, every POLL_MS, idle first, then during the import.
    const poll = async (keepGoing: () => boolean) => {
      const latencies = new Map<string, number[]>(READS.map(([name]) => [name, []]));
      await Promise.all(
        READS.map(async ([name, input]) => {
          while (keepGoing()) {
            latencies.get(name)!.push(await timedCall(viewer, name, input));
            await sleep(POLL_MS);
          }
        }),
      );
      return latencies;
    };
    const idleUntil = performance.now() + IDLE_SECONDS * 1000;
    const idle = await poll(() => performance.now() < idleUntil);
    let importing = true;
    const imported = importAll(importer, files.slice(PACKAGES)).finally(() => (importing = false));
    const loaded = await poll(() => importing);
    const importSeconds = await imported;

    console.log(
      `\nWhile one session imported ${PACKAGES} packages (${(PACKAGES * PER_PACKAGE).toLocaleString('en')} households) over HTTP in ${importSeconds.toFixed(1)} s:`,
    );
    let worst = 0;
    for (const [name] of READS) {
      const ratio = p95(loaded.get(name)!) / p95(idle.get(name)!);
      worst = Math.max(worst, ratio);
      console.log(
        `  ${name.padEnd(22)} idle p95 ${p95(idle.get(name)!).toFixed(0).padStart(5)} ms   during import p95 ${p95(loaded.get(name)!).toFixed(0).padStart(5)} ms (${loaded.get(name)!.length} calls)   ${ratio.toFixed(2)}× idle`,
      );
    }
    console.log(`Worst p95 ratio ${worst.toFixed(2)}× (target ≤ 3.00×) ${worst <= 3 ? 'OK' : 'OVER TARGET'}`);
  } finally {
    await office.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
