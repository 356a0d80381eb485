import { ApiError } from '../api/errors.js';

/**
 * Slows password guessing without handing anyone a way to lock an account out.
 *
 * - Failures count per account *and* address: guesses from one workstation never slow the owner
 *   logging in at another. A second count per address over every account catches one password
 *   tried on many names.
 * - The first few failures are free; each further one doubles the wait (1 s, 2 s, 4 s … up to
 *   `maxDelayMs`). There is no lockout: once the wait has passed, one more try is allowed.
 * - An attempt counts as a failure from the moment it starts, and a success takes it back, so a
 *   burst of parallel guesses cannot all slip in before the first one has failed.
 * - Failures older than the window are forgotten, and at most `maxKeys` keys are kept (oldest
 *   dropped first): a flood of made-up names cannot exhaust memory, and the address count still holds.
 */
export interface ThrottleRules {
  /** Failures of one account from one address before any wait. */
  freePerAccount: number;
  /** Failures from one address, over all accounts, before any wait. */
  freePerAddress: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a failure is remembered. */
  windowMs: number;
  maxKeys: number;
}

export const LOGIN_THROTTLE_RULES: ThrottleRules = {
  freePerAccount: 3,
  freePerAddress: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  windowMs: 24 * 3_600_000,
  maxKeys: 10_000,
};

/** One started attempt: hand it back to `succeeded` when the password was right. */
export interface LoginAttempt {
  keys: string[];
  at: number;
}

/** The refusal while a login must wait: seconds when short, minutes when long. */
export function throttledError(retryAfterMs: number): ApiError {
  const seconds = Math.ceil(retryAfterMs / 1000);
  return seconds < 120
    ? ApiError.problem('FORBIDDEN', 'auth.throttledSeconds', { seconds })
    : ApiError.problem('FORBIDDEN', 'auth.throttledMinutes', { minutes: Math.ceil(seconds / 60) });
}

export type ThrottleAnswer = { allowed: true; attempt: LoginAttempt } | { allowed: false; retryAfterMs: number };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly rules: ThrottleRules = LOGIN_THROTTLE_RULES,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether this username may try from this address now; if so, the attempt is counted until it succeeds. */
  begin(username: string, address: string): ThrottleAnswer {
    const at = this.now();
    const pair = `pair:${address}\n${username}`;
    const host = `addr:${address}`;
    const wait = Math.max(
      this.waitFor(pair, this.rules.freePerAccount, at),
      this.waitFor(host, this.rules.freePerAddress, at),
    );
    if (wait > 0) return { allowed: false, retryAfterMs: wait };
    for (const key of [pair, host]) this.record(key, at);
    return { allowed: true, attempt: { keys: [pair, host], at } };
  }

  /** The password was right: this account's failures from this address are cleared, and this attempt is not held against the address. */
  succeeded(attempt: LoginAttempt): void {
    const [pair, host] = attempt.keys;
    this.failures.delete(pair);
    const times = this.failures.get(host);
    const index = times?.indexOf(attempt.at) ?? -1;
    if (times && index >= 0) times.splice(index, 1);
  }

  private recent(key: string, at: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => at - t < this.rules.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  private waitFor(key: string, free: number, at: number): number {
    const times = this.recent(key, at);
    if (times.length < free) return 0;
    const delay = Math.min(this.rules.maxDelayMs, this.rules.baseDelayMs * 2 ** (times.length - free));
    return Math.max(0, times[times.length - 1] + delay - at);
  }

  private record(key: string, at: number): void {
    const times = this.failures.get(key) ?? [];
    this.failures.delete(key); // re-inserted last: the map's order is oldest-touched first
    // Enough to reach the longest delay; older entries change nothing.
    this.failures.set(key, [...times, at].slice(-64));
    for (const oldest of this.failures.keys()) {
      if (this.failures.size <= this.rules.maxKeys) break;
      this.failures.delete(oldest);
    }
  }
}
