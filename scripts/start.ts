// npm start: builds the UI and the main process, then runs the desktop app, or office mode where
// no Electron binary can be had (offline machines).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { obtainElectronBinary } from './electron-binary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function step(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

step(bin('vite'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

const extraArgs = process.argv.slice(2);
const electron = obtainElectronBinary();
if (electron) {
  step(bin('tsc'), ['-p', 'electron/tsconfig.json']);
  const abi = spawnSync(electron, ['-e', 'process.stdout.write(process.versions.modules)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  }).stdout.toString();
  if (!fs.existsSync(path.join(root, 'build', 'native', `electron-abi${abi}`, 'better_sqlite3.node'))) {
    step(process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')]);
  }
  const child = spawn(electron, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron binary not available on this machine (it cannot be downloaded here): starting office mode instead.');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli', 'main.ts'), 'serve', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
