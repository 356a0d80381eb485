// Runs the project's tools through Node itself: node_modules/.bin shims cannot be spawned without a
// shell on Windows, and a failed spawn must say why rather than exit silently.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TOOLS = {
  vite: 'node_modules/vite/bin/vite.js',
  tsc: 'node_modules/typescript/bin/tsc',
  vitest: 'node_modules/vitest/vitest.mjs',
  playwright: 'node_modules/@playwright/test/cli.js',
  biome: 'node_modules/@biomejs/biome/bin/biome',
  tsx: 'node_modules/tsx/dist/cli.mjs',
} as const;

const scriptFile = (script: string) => path.join(root, script in TOOLS ? TOOLS[script as keyof typeof TOOLS] : script);

/** Runs a Node script (a path under the repository, or one of the tools by name); true on exit 0. */
export function runNode(script: keyof typeof TOOLS | string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const file = scriptFile(script);
  const result = spawnSync(process.execPath, [file, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.error) console.error(`${path.basename(file)}: ${result.error.message}`);
  return result.status === 0;
}

/**
 * Runs a Node script like runNode, alongside others: its output is kept and handed back whole, so
 * steps that run at the same time do not interleave their lines.
 */
export function runNodeQuietly(script: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  const file = scriptFile(script);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (error) => resolve({ ok: false, output: `${output}${path.basename(file)}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });
}
