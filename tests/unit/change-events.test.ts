// Change events (issue 12, "live across the office"): the backend announces each committed write;
// office mode streams them to every logged-in browser session; the renderer has one way to listen.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeEvent } from '../../electron/api/define.js';
import { startBackendThreads, type BackendClient } from '../../electron/backend/threads.js';
import { threadsApi } from '../../electron/cli/commands/serve.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { changeSubscription, coalesced, RECONNECTED, type EventSourceLike } from '../../renderer/src/api/changes.js';
import { ADMIN } from '../support/backend.js';
import { httpClient } from '../support/http-session.js';
import { tempDir } from '../support/office-process.js';

/** A stand-in for the browser's EventSource that the test drives. */
class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  closed = false;
  private readonly handlers: Record<string, ((message: { data: string }) => void)[]> = {};
  constructor() {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (message: { data: string }) => void): void {
    (this.handlers[type] ??= []).push(listener);
  }
  emit(type: 'open' | 'change', data = ''): void {
    for (const handler of this.handlers[type] ?? []) handler({ data });
  }
  close(): void {
    this.closed = true;
  }
}

const change = (operation: string): ChangeEvent => ({
  operation,
  topics: ['sync', 'progress', 'audit'],
  at: '2020-09-14T10:00:00.000Z',
});

describe('subscribeChanges (renderer)', () => {
  it('office mode: opens one stream for all listeners, delivers change events, closes after the last listener', () => {
    FakeEventSource.opened = [];
    const subscribe = changeSubscription({ openEventSource: () => new FakeEventSource() });
    const first: ChangeEvent[] = [];
    const second: ChangeEvent[] = [];
    const stopFirst = subscribe((e) => first.push(e));
    const stopSecond = subscribe((e) => second.push(e));
    expect(FakeEventSource.opened).toHaveLength(1);
    const [stream] = FakeEventSource.opened;
    stream.emit('open');
    stream.emit('change', JSON.stringify(change('sync.import')));
    stream.emit('change', 'not json');
    stream.emit('change', JSON.stringify({ operation: 42 }));
    expect(first).toEqual([change('sync.import')]);
    expect(second).toEqual([change('sync.import')]);
    stopFirst();
    expect(stream.closed).toBe(false);
    // The browser reconnected after a lost connection: what changed meanwhile is unknown.
    stream.emit('open');
    expect(second.at(-1)).toMatchObject({
      operation: RECONNECTED,
      topics: expect.arrayContaining(['progress', 'census']),
    });
    stopSecond();
    expect(stream.closed).toBe(true);
    subscribe(() => {});
    expect(FakeEventSource.opened).toHaveLength(2);
  });

  it('desktop: listens through the preload bridge and stops with the last listener', () => {
    let bridgeListener: ((event: unknown) => void) | null = null;
    const subscribe = changeSubscription({
      onChanges: (listener) => {
        bridgeListener = listener;
        return () => (bridgeListener = null);
      },
    });
    const seen: ChangeEvent[] = [];
    const stop = subscribe((e) => seen.push(e));
    bridgeListener!(change('census.assignments.assign'));
    expect(seen).toEqual([change('census.assignments.assign')]);
    stop();
    expect(bridgeListener).toBeNull();
  });
});

/** Reads server-sent events from a response as they arrive. */
function eventReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: ChangeEvent[] = [];
  let buffer = '';
  let ended = false;
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (block.includes('event: change') && data) events.push(JSON.parse(data.slice(6)));
      }
    }
    ended = true;
  })();
  return { events, ended: () => ended, cancel: () => reader.cancel() };
}

describe('GET /api/events (office mode)', () => {
  let server: OfficeServer | undefined;
  let backend: BackendClient | undefined;
  afterEach(async () => {
    await server?.close();
    await backend?.close();
  });

  it('streams every committed write to every logged-in session, and nothing to a browser without one', async () => {
    const dir = tempDir();
    backend = await startBackendThreads({ dbFile: path.join(dir, 'p.db'), dataDir: path.join(dir, 'files') });
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Pendopo</title>');
    for (const [username, role] of [
      ['admin', 'admin'],
      ['clerk', 'operator'],
    ] as const) {
      const created = await backend.call(
        'users.create',
        { username, displayName: username, role, password: 'rahasia-123' },
        ADMIN,
      );
      expect(created.ok).toBe(true);
    }
    server = await startOfficeServer({ api: threadsApi(backend), staticDir, port: 0 });
    const admin = httpClient(server.url);
    const clerk = httpClient(server.url);
    await admin.login('admin', 'rahasia-123');
    await clerk.login('clerk', 'rahasia-123');

    expect((await fetch(`${server.url}api/events`)).status).toBe(401);
    const adminStream = eventReader(await fetch(`${server.url}api/events`, { headers: { cookie: admin.cookie! } }));
    const clerkResponse = await fetch(`${server.url}api/events`, { headers: { cookie: clerk.cookie! } });
    expect(clerkResponse.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const clerkStream = eventReader(clerkResponse);

    expect((await admin.post('wilayah.office.setup', { kabupaten: '33.16' })).last).toMatchObject({ ok: true });
    // A refused write changes nothing and is not announced.
    expect((await clerk.post('settings.set', { key: 'census.quietDays', value: 'many' })).last).toMatchObject({
      ok: false,
    });
    expect((await admin.post('settings.set', { key: 'census.quietDays', value: 4 })).last).toMatchObject({ ok: true });
    for (const stream of [adminStream, clerkStream]) {
      await expect.poll(() => stream.events.map((e) => e.operation)).toEqual(['wilayah.office.setup', 'settings.set']);
    }
    expect(clerkStream.events.find((e) => e.operation === 'wilayah.office.setup')!.topics).toEqual(
      expect.arrayContaining(['wilayah', 'progress', 'census']),
    );

    // After logout, the clerk's stream ends at the next announcement; the admin's goes on.
    await clerk.post('users.auth.logout');
    await admin.post('settings.set', { key: 'census.quietDays', value: 5 });
    await expect.poll(() => clerkStream.ended()).toBe(true);
    await expect
      .poll(() => adminStream.events.map((e) => e.operation))
      .toEqual(['wilayah.office.setup', 'settings.set', 'users.auth.logout', 'settings.set']);
    adminStream.cancel();
  });
});

describe('coalesced (how a screen answers a burst of change events)', () => {
  it('answers the first at once, a burst once per interval, and always the last', () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      const answer = coalesced(() => runs++, 400);
      answer.call();
      expect(runs).toBe(1);
      for (let i = 0; i < 50; i++) answer.call(); // 50 packages committed within the interval
      expect(runs).toBe(1);
      vi.advanceTimersByTime(400);
      expect(runs).toBe(2); // the burst, once
      vi.advanceTimersByTime(400);
      expect(runs).toBe(2); // nothing came meanwhile
      vi.advanceTimersByTime(1_000);
      answer.call();
      expect(runs).toBe(3); // quiet again: at once
      answer.call();
      answer.stop();
      vi.advanceTimersByTime(1_000);
      expect(runs).toBe(3); // stopped (the screen unmounted): nothing pending runs
    } finally {
      vi.useRealTimers();
    }
  });
});
