import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
/** The real CLI as `npm run cli` starts it: compiled JavaScript, compiled first if a source changed. */
const CLI = path.join(REPO, 'scripts', 'cli.mjs');

export interface CliRun {
  code: number;
  /** The signal that ended the process (SIGKILL in crash tests), or null. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function tempDir(prefix = 'pendopo-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs the real CLI (`npm run cli` without npm's noise) in a child process. */
export function runCliProcess(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
      cwd: REPO,
      env: { ...process.env, ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
}

export interface OfficeProcess {
  url: string;
  dbFile: string;
  dir: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `pendopo serve` on a free port with its own database file. */
export function startOfficeProcess(dir = tempDir(), extraArgs: string[] = []): Promise<OfficeProcess> {
  const dbFile = path.join(dir, 'pendopo.db');
  const child = spawn(process.execPath, [CLI, '--db', dbFile, '--json', 'serve', '--port', '0', ...extraArgs], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (!line) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        dbFile,
        dir,
        child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
