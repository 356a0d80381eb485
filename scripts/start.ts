// npm start: builds the UI and the main process, then runs the desktop app, or office mode where
// no Electron binary (or no Electron build of better-sqlite3) can be had, e.g. offline machines.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { obtainElectronBinary } from './electron-binary.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs a Node script (never a .bin shim, which Windows cannot spawn without a shell). */
function node(script: string, args: string[]): boolean {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) console.error(`${path.basename(script)}: ${result.error.message}`);
  return result.status === 0;
}

function electronNativeReady(electron: string): boolean {
  const abi = spawnSync(electron, ['-e', 'process.stdout.write(process.versions.modules)'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  }).stdout?.toString();
  if (!abi) return false;
  if (fs.existsSync(path.join(root, 'build', 'native', `electron-abi${abi}`, 'better_sqlite3.node'))) return true;
  return node(path.join(root, 'scripts', 'build-electron-native.mjs'), []);
}

function officeMode(reason: string, extraArgs: string[]): void {
  console.log(`${reason}: starting office mode instead.`);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron', 'cli', 'main.ts'), 'serve', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!node(path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) process.exit(1);

const extraArgs = process.argv.slice(2);
const electron = obtainElectronBinary();
if (!electron) {
  officeMode('Electron binary not available on this machine (it cannot be downloaded here)', extraArgs);
} else if (!node(path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', 'electron/tsconfig.json'])) {
  process.exit(1);
} else if (!electronNativeReady(electron)) {
  officeMode('better-sqlite3 could not be built for Electron on this machine (needs a C++ toolchain and internet)', extraArgs);
} else {
  const child = spawn(electron, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
