// Runs one command line of the compiled CLI in this process (as scripts/cli.mjs does, without its
// output) and prints its exit code and this process's peak memory, for the benchmarks.
import { runCli } from '../../dist/electron/cli/run.js';

let lines = 0;
const code = await runCli(process.argv.slice(2), {
  stdout: () => lines++,
  stderr: (text) => process.stderr.write(`${text}\n`),
});
console.log(JSON.stringify({ code, lines, peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
