import { runCli } from '../../electron/cli/run.js';
import type { CliRun } from './office-process.js';

/**
 * Runs one command line through the CLI's own code in this process: the same parsing, commands,
 * output and exit codes as the real process without its start-up. `runCliProcess` remains for
 * what only a real process shows (stdio, exit status, signals).
 */
export async function runCliInProcess(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const saved = Object.fromEntries(Object.keys(options.env ?? {}).map((key) => [key, process.env[key]]));
  Object.assign(process.env, options.env);
  try {
    const code = await runCli(args, {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
    });
    return { code, signal: null, stdout, stderr };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
