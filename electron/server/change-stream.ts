import type { ServerResponse } from 'node:http';
import type { ChangeEvent } from '../api/define.js';
import type { SessionStore } from '../auth/sessions.js';

/** A comment line now and then keeps proxies and idle timeouts from cutting a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * `GET /api/events`: each logged-in browser session's server-sent event stream. Every committed
 * write is announced to every stream whose session is still live (checked at each event without
 * touching it, so an open stream never keeps an idle session alive); a stream whose session ended
 * is closed, and the browser's reconnect then gets 401 and stops.
 */
export class ChangeStreams {
  private readonly streams = new Map<ServerResponse, string>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly sessions: SessionStore) {
    this.heartbeat = setInterval(() => this.each((res) => res.write(': keep-alive\n\n')), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Starts the stream of a session that was checked by the caller. */
  open(res: ServerResponse, token: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    this.streams.set(res, token);
    res.on('close', () => this.streams.delete(res));
  }

  announce(event: ChangeEvent): void {
    const message = `event: change\ndata: ${JSON.stringify(event)}\n\n`;
    this.each((res) => res.write(message));
  }

  get size(): number {
    return this.streams.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const res of this.streams.keys()) res.end();
    this.streams.clear();
  }

  private each(send: (res: ServerResponse) => void): void {
    for (const [res, token] of this.streams) {
      if (this.sessions.peek(token)) send(res);
      else {
        this.streams.delete(res);
        res.end();
      }
    }
  }
}
