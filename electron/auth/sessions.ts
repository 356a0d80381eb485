import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../api/define.js';

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
  /** The account's session epoch when the session opens (users.session_epoch). */
  sessionEpoch: number;
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
      actor: { username: user.username, role: user.role, sessionEpoch: user.sessionEpoch },
      idleMs: user.idleMinutes * 60_000,
      createdAt: at,
      lastSeen: at,
    };
    this.sessions.set(session.token, session);
    return session;
  }

  /** The live session for a token, touched; null when unknown, idle too long, or too old. */
  get(tokenValue: string | undefined): Session | null {
    const session = this.peek(tokenValue);
    if (session) session.lastSeen = this.now();
    return session;
  }

  /** The live session for a token without touching it: an open event stream must not keep a session alive. */
  peek(tokenValue: string | undefined): Session | null {
    if (!tokenValue) return null;
    const session = this.sessions.get(tokenValue);
    if (!session) return null;
    const at = this.now();
    if (at - session.lastSeen > session.idleMs || at - session.createdAt > MAX_SESSION_MS) {
      this.sessions.delete(tokenValue);
      return null;
    }
    return session;
  }

  close(tokenValue: string | undefined): void {
    if (tokenValue) this.sessions.delete(tokenValue);
  }

  /** Ends every session (the database was restored: its accounts are the backup's); returns their tokens. */
  closeAll(): string[] {
    const tokens = [...this.sessions.keys()];
    this.sessions.clear();
    return tokens;
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
