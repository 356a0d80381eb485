// The regency dashboard's queries over 1,000,000 households in 5,000 SLS and in an 11,000-SLS regency
// (Kabupaten Magelang's size), against the floor measured in the same run: one bare
// `GROUP BY sls_id, status` over the households table. Target: ≤ 2× the floor.
import path from 'node:path';
import { startBackend } from '../../electron/api/host.js';
import { progressDashboard } from '../../electron/features/progress/dashboard.js';
import { generateCensusData } from '../support/census-data.js';
import { tempDir } from '../support/office-process.js';

const HOUSEHOLDS = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const SLS_SIZES = process.env.BENCH_SLS ? [Number(process.env.BENCH_SLS)] : [5_000, 11_000];
const RUNS = 7;
const ACTOR = { username: 'bench', role: 'admin' as const };
const samples = path.resolve('tests/fixtures/samples');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

for (const SLS of SLS_SIZES) {
  const backend = startBackend({ dbFile: path.join(tempDir('pendopo-bench-'), 'bench.db') });
  await backend.api.send('wilayah.office.setup', { kabupaten: '33.16' }, { actor: ACTOR, trusted: true });
  await backend.api.send(
    'participation.importBaseline',
    { file: { path: path.join(samples, 'baseline-blora.csv') } },
    { actor: ACTOR, trusted: true },
  );
  await backend.api.send(
    'participation.import',
    { file: { path: path.join(samples, 'sp-online-blora.csv') } },
    { actor: ACTOR, trusted: true },
  );
  const sqlite = backend.database.sqlite;
  const db = backend.database.db;

  console.log(`\nGenerating ${HOUSEHOLDS.toLocaleString('en')} households in ${SLS.toLocaleString('en')} SLS…`);
  const generation = time(() =>
    generateCensusData(sqlite, { slsCount: SLS, households: HOUSEHOLDS, fieldStart: '2020-09-01', fieldDays: 30 }),
  );
  sqlite.exec('ANALYZE');
  console.log(
    `  generated in ${(generation / 1000).toFixed(1)} s (${Math.round(HOUSEHOLDS / (generation / 1000)).toLocaleString('en')} households/s with the summary rebuilt)`,
  );

  const floorStatement = sqlite.prepare('SELECT sls_id, status, count(*) AS n FROM households GROUP BY sls_id, status');
  const floorRows = floorStatement.all().length;
  const floor: number[] = [];
  const dashboard: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Interleaved so both see the same cache and machine load.
    floor.push(time(() => floorStatement.all()));
    dashboard.push(time(() => progressDashboard(db, '2020-09-20')));
  }
  const result = progressDashboard(db, '2020-09-20');
  if (result.field.regency?.households !== HOUSEHOLDS)
    throw new Error(`dashboard counted ${result.field.regency?.households} households, expected ${HOUSEHOLDS}`);

  const floorMs = median(floor);
  const dashboardMs = median(dashboard);
  const ratio = dashboardMs / floorMs;
  console.log(`floor: GROUP BY sls_id, status over households (${floorRows} groups)   median ${floorMs.toFixed(1)} ms`);
  console.log(
    `regency dashboard (coverage and last sync per SLS/kecamatan/regency, trend, quiet SLS, open conflicts, SP Online ranking and curve)   median ${dashboardMs.toFixed(1)} ms`,
  );
  console.log(`ratio dashboard / floor = ${ratio.toFixed(2)} (target ≤ 2.00) ${ratio <= 2 ? 'OK' : 'OVER TARGET'}`);
  backend.close();
}
