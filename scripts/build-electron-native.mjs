#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron into build/native/electron-abi<N>/ (with
// --current also build/native/electron-current/ for packaging; --if-missing keeps an existing
// build). It works on a private copy of the module so node_modules/better-sqlite3 keeps its Node
// build: never rebuild that one for Electron.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = require('electron/package.json').version;
const electronBinary = require('electron');
const abi = execFileSync(electronBinary, ['-e', 'process.stdout.write(process.versions.modules)'], {
  env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
}).toString();

const existing = path.join(root, 'build', 'native', `electron-abi${abi}`, 'better_sqlite3.node');
if (process.argv.includes('--if-missing') && fs.existsSync(existing)) process.exit(0);

const source = path.dirname(require.resolve('better-sqlite3/package.json'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pendopo-native-'));
const copy = path.join(work, 'better-sqlite3');
fs.cpSync(source, copy, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', {
  paths: [path.dirname(process.execPath), '/usr/lib/node_modules/npm', root],
});
execFileSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    '--dist-url=https://electronjs.org/headers',
  ],
  {
    cwd: copy,
    stdio: 'inherit',
  },
);
const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
for (const folder of [`electron-abi${abi}`, ...(process.argv.includes('--current') ? ['electron-current'] : [])]) {
  const target = path.join(root, 'build', 'native', folder);
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(built, path.join(target, 'better_sqlite3.node'));
  console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${abi}) → ${path.relative(root, target)}`);
}
fs.rmSync(work, { recursive: true, force: true });
