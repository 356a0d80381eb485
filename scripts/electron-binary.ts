import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const electronDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'electron');

/**
 * The Electron executable if it is on disk, without triggering the electron package's download
 * (which `require('electron')` does, and which fails on offline machines).
 */
export function findElectronBinary(): string | null {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const full = path.join(base, relative);
  return fs.existsSync(full) ? full : null;
}

/** Finds the binary, trying the electron package's own download once when it is missing. */
export function obtainElectronBinary(): string | null {
  const found = findElectronBinary();
  if (found || !fs.existsSync(path.join(electronDir, 'install.js'))) return found;
  spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 });
  return findElectronBinary();
}
