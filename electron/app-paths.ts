import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder holding package.json: the repository when run from source (tsx), the app folder when
 * compiled to dist/ or packaged. Finding it by walking up keeps one answer for every layout.
 */
export function appRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the app folder (package.json)');
    dir = parent;
  }
  root = dir;
  return root;
}

/** The data folder beside a database file: `pendopo.db` → `pendopo-files`. */
export function defaultDataDir(dbFile: string): string {
  return `${path.resolve(dbFile).replace(/\.[^./\\]+$/, '')}-files`;
}

export const rendererDir = () => path.join(appRoot(), 'dist', 'renderer');
export const migrationsDir = () => path.join(appRoot(), 'drizzle', 'migrations');
