import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** Open connections the office server keeps at once: a browser opens about six, an office has a few dozen clerks. */
export const MAX_CONNECTIONS = 512;
/** From one address (a workstation, or every browser and tool on the server machine itself). */
export const MAX_CONNECTIONS_PER_ADDRESS = 64;
/** A connection sends its request headers within this time, or is closed (slow-loris). */
export const HEADERS_TIMEOUT_MS = 30_000;
/** A whole request, the largest upload included, arrives within this time. */
export const REQUEST_TIMEOUT_MS = 10 * 60_000;

/**
 * Caps the connections the server holds, in all and per client address: a connection over the cap
 * is closed at once, before its request is read, so nobody can tie up the server's memory or
 * sockets by opening many and sending slowly.
 */
export function limitConnections(
  server: Server,
  limits = { total: MAX_CONNECTIONS, perAddress: MAX_CONNECTIONS_PER_ADDRESS },
): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const open = new Set<Socket>();
  const perAddress = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '?';
    const fromAddress = perAddress.get(address) ?? 0;
    if (open.size >= limits.total || fromAddress >= limits.perAddress) {
      socket.destroy();
      return;
    }
    open.add(socket);
    perAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      open.delete(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
  });
}

/**
 * After an answer that refused a body: stop waiting for the rest of it a little later. Node drains
 * (and discards) what is still coming, so the caller reads the answer instead of a TCP reset; this
 * bounds how long that may take.
 */
export function closeSoon(socket: Socket, afterMs = 10_000): void {
  setTimeout(() => socket.destroy(), afterMs).unref();
}
