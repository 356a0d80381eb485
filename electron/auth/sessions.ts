import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../api/define.js';

/** Operations after which a transport opens a session for the returned user, and the one that ends it. */
export const SESSION_OPENERS = new Set(['auth.login', 'auth.setupAdmin']);
export const SESSION_CLOSER = 'auth.logout';

/** Hard limit on a session's life, whatever the activity. */
export const MAX_SESSION_MS = 12 * 3_600_000;

export interface Session {
  token: string;
  /** Sent back by the page in a header on every call (double submit): a forged cross-site request cannot know it. */
  csrf: string;
  actor: Actor;
  idleMs: number;
  createdAt: number;
  lastSeen: number;
}

/** What a logged-in user's session is opened from (the auth.login / auth.setupAdmin result). */
export interface SessionUserLike {
  username: string;
  role: Actor['role'];
  idleMinutes: number;
}

const token = () => randomBytes(32).toString('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** In-memory sessions (a restart logs everyone out, which is the safe default). */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(private readonly now: () => number = Date.now) {}

  open(user: SessionUserLike): Session {
    const at = this.now();
    const session: Session = {
      token: token(),
      csrf: token(),
      actor: { username: user.username, role: user.role },
      idleMs: user.idleMinutes * 60_000,
      createdAt: at,
      lastSeen: at,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, touched; null when unknown, idle too long, or too old. */
  get(tokenValue: string | undefined): Session | null {
    if (!tokenValue) return null;
    const session = this.sessions.get(tokenValue);
    if (!session) return null;
    const at = this.now();
    if (at - session.lastSeen > session.idleMs || at - session.createdAt > MAX_SESSION_MS) {
      this.sessions.delete(tokenValue);
      return null;
    }
    session.lastSeen = at;
    return session;
  }

  close(tokenValue: string | undefined): void {
    if (tokenValue) this.sessions.delete(tokenValue);
  }
}

/**
 * Counts failed logins per key (client address, username) in a sliding window; after `limit`
 * failures the key must wait until the oldest failure leaves the window.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    readonly limit = 5,
    readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before another attempt for any of these keys; 0 when allowed. */
  retryAfter(keys: string[]): number {
    const at = this.now();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => at - t < this.windowMs);
      this.failures.set(key, recent);
      if (recent.length >= this.limit) wait = Math.max(wait, recent[0] + this.windowMs - at);
    }
    return wait;
  }

  failed(keys: string[]): void {
    const at = this.now();
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), at]);
  }

  succeeded(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}

/** The desktop window's one session: the same login, idle expiry and logout as office mode, without cookies. */
export class DesktopSession {
  private token: string | undefined;
  constructor(private readonly store = new SessionStore()) {}

  /** The logged-in actor, or null when nobody is (or the session went idle). */
  current(): Actor | null {
    return this.store.get(this.token)?.actor ?? null;
  }

  open(user: SessionUserLike): void {
    this.close();
    this.token = this.store.open(user).token;
  }

  close(): void {
    this.store.close(this.token);
    this.token = undefined;
  }
}
