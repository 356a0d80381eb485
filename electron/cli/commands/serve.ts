import path from 'node:path';
import { defaultDataDir, rendererDir } from '../../app-paths.js';
import { ApiError } from '../../api/errors.js';
import type { BackendClient } from '../../backend/threads.js';
import type { OfficeApi } from '../../server/office-server.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export function parsePort(value: unknown): number {
  if (value === undefined) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be 0–65535, got "${String(value)}"`);
  return port;
}

/** The database threads as the office server calls them: a refused call throws, as the in-process API does. */
export function threadsApi(client: BackendClient): OfficeApi {
  return {
    names: client.names,
    isPublic: (name) => client.isPublic(name),
    sessionEffect: (name) => client.sessionEffect(name),
    async call(name, input, { actor, onProgress }) {
      const result = await client.call(String(name), input, actor, onProgress);
      if (!result.ok) throw ApiError.revive(result.error);
      return result.value;
    },
    onChange: (listener) => client.onChange(listener),
  };
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--port N] [--host 127.0.0.1]',
  summary: 'office mode: serve the app to browsers on this machine (or the office network with --host)',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  ownBackend: true,
  async run({ values }, ctx) {
    // Loaded here, not at the top: `pendopo --help` must not load the server. The backend itself is
    // loaded only by the database threads.
    const [{ startBackendThreads }, { isLoopback }, { startOfficeServer }] = await Promise.all([
      import('../../backend/threads.js'),
      import('../../server/host-check.js'),
      import('../../server/office-server.js'),
    ]);
    const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
    const port = parsePort(values.port);
    // The database lives in its own threads (one writer, readers): SQL never runs on the HTTP thread.
    const dbFile = path.resolve(ctx.dbFile);
    const backend = await startBackendThreads({ dbFile, dataDir: defaultDataDir(dbFile) });
    const server = await startOfficeServer({
      api: threadsApi(backend),
      staticDir: rendererDir(),
      dataDir: defaultDataDir(dbFile),
      host,
      port,
    });
    ctx.io.stdout(
      ctx.json
        ? JSON.stringify({ url: server.url, db: dbFile })
        : `Pendopo office mode: ${server.url} (database ${dbFile})`,
    );
    if (!isLoopback(host)) {
      ctx.io.stderr(
        'Reachable from the network: every page but the login needs a session. Traffic is plain HTTP: use it only on the office LAN.',
      );
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await backend.close();
    return 0;
  },
};
