import type { ChangeEvent, Topic } from '../../../electron/api/types.js';

import { TOPICS } from '../../../common/topics.js';

export type { ChangeEvent, Topic };
export type ChangeListener = (event: ChangeEvent) => void;

/** The part of EventSource this uses (the browser's own, which reconnects by itself). */
export interface EventSourceLike {
  addEventListener(type: 'change', listener: (message: { data: string }) => void): void;
  addEventListener(type: 'open', listener: () => void): void;
  close(): void;
}

export interface ChangeSources {
  /** Electron: the preload's listener for the main process's change events. */
  onChanges?: (listener: (event: unknown) => void) => () => void;
  /** Office mode: opens `GET api/events` (server-sent events, with the session cookie). */
  openEventSource?: () => EventSourceLike;
}

/** Told after a lost stream came back: changes may have been missed meanwhile, so everything may have changed. */
export const RECONNECTED = 'reconnected';
const EVERY_TOPIC: Topic[] = [...TOPICS];

function asChangeEvent(value: unknown): ChangeEvent | null {
  const event = value as Partial<ChangeEvent> | null;
  if (!event || typeof event.operation !== 'string' || !Array.isArray(event.topics) || typeof event.at !== 'string')
    return null;
  return {
    operation: event.operation,
    topics: event.topics.filter((t): t is Topic => typeof t === 'string'),
    at: event.at,
    ...(event.endsSessions === true ? { endsSessions: true as const } : {}),
  };
}

/**
 * One way for screens to hear that data changed, in the desktop (IPC) and in office mode (SSE):
 * `subscribe(listener)` returns the function that stops listening. The stream is opened with the
 * first listener and closed after the last; malformed messages are ignored.
 */
export function changeSubscription(sources: ChangeSources): (listener: ChangeListener) => () => void {
  const listeners = new Set<ChangeListener>();
  let stop: (() => void) | null = null;
  const deliver = (value: unknown) => {
    const event = asChangeEvent(value);
    if (event) for (const listener of [...listeners]) listener(event);
  };
  const start = (): (() => void) => {
    if (sources.onChanges) return sources.onChanges(deliver);
    if (!sources.openEventSource) return () => {};
    const stream = sources.openEventSource();
    let opened = false;
    stream.addEventListener('open', () => {
      if (opened) deliver({ operation: RECONNECTED, topics: EVERY_TOPIC, at: new Date().toISOString() });
      opened = true;
    });
    stream.addEventListener('change', (message) => {
      try {
        deliver(JSON.parse(message.data));
      } catch {
        // not JSON: not one of ours
      }
    });
    return () => stream.close();
  };
  return (listener) => {
    listeners.add(listener);
    stop ??= start();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && stop) {
        stop();
        stop = null;
      }
    };
  };
}

/**
 * `call()` runs `run` at once, then at most once per `ms` while calls keep coming; a call that
 * came meanwhile is always answered by one more run at the end. `stop()` drops what is pending.
 */
export function coalesced(run: () => void, ms: number): { call(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let missed = false;
  const fire = () => {
    run();
    timer = setTimeout(() => {
      timer = null;
      if (missed) {
        missed = false;
        fire();
      }
    }, ms);
  };
  return {
    call: () => {
      if (timer) missed = true;
      else fire();
    },
    stop: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      missed = false;
    },
  };
}
