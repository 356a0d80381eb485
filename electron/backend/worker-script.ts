/** The repository root, seen from this file (electron/backend/). */
const ROOT = new URL('../../', import.meta.url);

/**
 * The script a worker thread starts, for the worker `name` beside the module at `callerUrl`.
 * Compiled JavaScript (the built app, the CLI): `name.js` beside the caller. From TypeScript
 * sources (tsx, vitest): the shim `name-dev.mjs`, which registers tsx first — unless
 * PENDOPO_DIST_WORKERS is set, which the test runner does when dist/ was compiled from exactly
 * these sources: then the same worker from dist/, because tsx compiling the backend's ~200
 * modules costs seconds at every thread start.
 */
export function workerScript(callerUrl: string, name: string): URL {
  if (!callerUrl.endsWith('.ts')) return new URL(`./${name}.js`, callerUrl);
  if (process.env.PENDOPO_DIST_WORKERS !== '1') return new URL(`./${name}-dev.mjs`, callerUrl);
  const fromRoot = new URL('.', callerUrl).href.slice(ROOT.href.length);
  return new URL(`dist/${fromRoot}${name}.js`, ROOT);
}
