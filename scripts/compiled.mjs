// The command line and the worker threads run from compiled JavaScript in dist/ (a TypeScript
// compile at every start cost seconds). `ensureCompiled()` compiles first whenever a source file
// changed, appeared or disappeared since the last compile, so `npm run cli` works straight after
// `npm install` / `npm ci` and never runs stale code. Plain JavaScript: it must run before any build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.compiled-from');
const lockDir = path.join(dist, '.compiling');
/** What the electron tsconfig compiles, and the configuration it compiles with. */
const SOURCE_DIRS = ['electron', 'common', path.join('drizzle', 'schema')];
const CONFIG_FILES = [path.join('electron', 'tsconfig.json'), 'tsconfig.base.json'];
/** A lock older than this was left by a compile that was killed. */
const STALE_LOCK_MS = 5 * 60_000;

/** Path, size and modification time of every source under `base`: a stat each, a few milliseconds in all. */
export function sourceFingerprint(base = root) {
  const hash = createHash('sha256');
  const files = [...CONFIG_FILES];
  for (const dir of SOURCE_DIRS) {
    for (const name of fs.readdirSync(path.join(base, dir), { recursive: true })) {
      if (/\.(c|m)?ts$/.test(name)) files.push(path.join(dir, name));
    }
  }
  for (const file of files.sort()) {
    const stat = fs.statSync(path.join(base, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

const isFresh = (fingerprint) => fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === fingerprint;

/** True when dist/ was compiled from exactly the current sources. */
export const isCompiled = () => isFresh(sourceFingerprint());

function takeLock() {
  fs.mkdirSync(dist, { recursive: true });
  try {
    fs.mkdirSync(lockDir);
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (Date.now() - fs.statSync(lockDir).mtimeMs > STALE_LOCK_MS) fs.rmSync(lockDir, { recursive: true, force: true });
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Compiles dist/ unless it was compiled from exactly these sources; one process compiles, the others wait for it. */
export async function ensureCompiled({ quiet = false } = {}) {
  for (;;) {
    const fingerprint = sourceFingerprint();
    if (isFresh(fingerprint)) return;
    if (!takeLock()) {
      await sleep(200);
      continue;
    }
    try {
      if (isFresh(fingerprint)) return;
      if (!quiet) process.stderr.write('Compiling Pendopo (sources changed since the last run)…\n');
      const tsc = spawnSync(
        process.execPath,
        [
          path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
          '-p',
          path.join(root, 'electron', 'tsconfig.json'),
        ],
        {
          cwd: root,
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      if (tsc.status !== 0)
        throw new Error(
          `compiling failed (tsc exit ${tsc.status ?? tsc.error?.message}); fix the errors above and run again`,
        );
      fs.writeFileSync(stampFile, fingerprint);
      return;
    } finally {
      fs.rmSync(lockDir, { recursive: true, force: true });
    }
  }
}
