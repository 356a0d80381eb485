import readline from 'node:readline';
import { UsageError } from './command.js';

export const PASSWORD_ENV = 'PENDOPO_PASSWORD';

/** A password from PENDOPO_PASSWORD, or typed at a terminal without echo. Never from the command line (shell history). */
export async function readPassword(prompt: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`No password: set ${PASSWORD_ENV} or run at a terminal to be asked`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stderr.write(prompt);
  muted._writeToOutput = () => {};
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
