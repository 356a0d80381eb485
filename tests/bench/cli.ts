// npm run bench -- cli: how long `pendopo --help` takes to start (through scripts/cli.mjs, as
// `npm run cli` runs it: the freshness check of dist/, then the compiled CLI), against a bare
// `node -e 0` measured alternately in the same run. Target: under 4×.
import { spawnSync } from 'node:child_process';
import { ensureCompiled } from '../../scripts/compiled.mjs';
import { REPO } from '../support/office-process.js';

const RUNS = 15;

function timeRun(args: string[]): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { cwd: REPO, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`node ${args.join(' ')}: exit ${run.status}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

await ensureCompiled();
const bare: number[] = [];
const help: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(timeRun(['-e', '0']));
  help.push(timeRun(['scripts/cli.mjs', '--help']));
}
const ratio = median(help) / median(bare);
console.log(`node -e 0               median ${median(bare).toFixed(0)} ms`);
console.log(
  `pendopo --help          median ${median(help).toFixed(0)} ms (scripts/cli.mjs: freshness check + compiled CLI)`,
);
console.log(`ratio ${ratio.toFixed(2)}× (target < 4×) ${ratio < 4 ? 'OK' : 'OVER TARGET'}`);
