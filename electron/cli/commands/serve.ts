import { rendererDir } from '../../app-paths.js';
import { startAutoBackups } from '../../features/backup/schedule.js';
import { isLoopback } from '../../server/host-check.js';
import { startOfficeServer } from '../../server/office-server.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';

export function parsePort(value: unknown): number {
  if (value === undefined) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0–65535, got "${String(value)}"`);
  return port;
}

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve [--port N] [--host 127.0.0.1]',
  summary: 'office mode: serve the app to browsers on this machine (or the office network with --host)',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run({ values }, ctx) {
    const backend = ctx.backend();
    const server = await startOfficeServer({
      api: backend.api,
      staticDir: rendererDir(),
      dataDir: backend.dataDir,
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      port: parsePort(values.port),
    });
    const backups = startAutoBackups(backend.database.db, backend.dataDir, (error) => ctx.io.stderr(`Automatic backup failed: ${error.message}`));
    ctx.io.stdout(ctx.json ? JSON.stringify({ url: server.url, db: backend.database.file }) : `Pendopo office mode: ${server.url} (database ${backend.database.file})`);
    if (!isLoopback(typeof values.host === 'string' ? values.host : '127.0.0.1')) {
      ctx.io.stderr('Reachable from the network: every page but the login needs a session. Traffic is plain HTTP: use it only on the office LAN.');
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    backups.stop();
    await server.close();
    return 0;
  },
};
