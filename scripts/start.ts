// npm start: builds the UI and the main process, then runs the desktop app, or office mode where
// no Electron binary (or no Electron build of better-sqlite3) can be had, e.g. offline machines.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { obtainElectronBinary } from './electron-binary.js';
import { root, runNode } from './node-tools.js';

/** Builds better-sqlite3 for this Electron unless that build exists already. */
function electronNativeReady(): boolean {
  return runNode('scripts/build-electron-native.mjs', ['--if-missing']);
}

function officeMode(reason: string, extraArgs: string[]): void {
  console.log(`${reason}: starting office mode instead.`);
  // As `npm run cli -- serve`: compiled JavaScript, compiled first if a source changed.
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'cli.mjs'), 'serve', ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (!runNode('vite', ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'])) process.exit(1);

const extraArgs = process.argv.slice(2);
const electron = obtainElectronBinary();
if (!electron) {
  officeMode('Electron binary not available on this machine (it cannot be downloaded here)', extraArgs);
} else if (!runNode('tsc', ['-p', 'electron/tsconfig.json'])) {
  process.exit(1);
} else if (!electronNativeReady()) {
  officeMode(
    'better-sqlite3 could not be built for Electron on this machine (needs a C++ toolchain and internet)',
    extraArgs,
  );
} else {
  const child = spawn(electron, ['.', ...extraArgs], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
