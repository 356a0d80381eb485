import { TOPICS, type Topic } from '../../common/topics.js';
import type { z } from 'zod';
import type { Db } from '../db/open.js';

export const ROLES = ['admin', 'operator', 'koordinator', 'timzi', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone who may read dashboards and registers. */
export const ALL_ROLES: readonly Role[] = ROLES;

export interface Actor {
  username: string;
  role: Role;
  /** For a session's actor: the account's session epoch at login; the session ends when the account's differs. */
  sessionEpoch?: number;
}

export interface Progress {
  done: number;
  total: number;
  label?: string;
}

/** The built-in account the CLI uses for automation when no `--as USER` is given. */
export const SYSTEM_ACTOR: Actor = { username: 'system', role: 'admin' };

/** Stands in for nobody in a `public` operation called before login; least privilege. */
export const ANONYMOUS_ACTOR: Actor = { username: 'anonymous', role: 'pimpinan' };

export interface OpContext {
  db: Db;
  /** Who calls; for a `public` operation called before login, ANONYMOUS_ACTOR. */
  actor: Actor;
  /** Folder for files the app keeps (scans, exports, backups). */
  dataDir: string;
  /** Reports progress of long work to the caller; a no-op where nobody listens. */
  progress(p: Progress): void;
  /** The operation names the caller's role may call (for `users.session.me`, so screens hide the rest). */
  allowedOperations(): string[];
  /** True only for local callers such as the CLI, which may name file paths. Windows never are. */
  trusted: boolean;
}

export { TOPICS, type Topic };

/** Announced after each committed write: which operation, and which data it changed. */
export interface ChangeEvent {
  operation: string;
  topics: Topic[];
  /** When it was committed (ISO, UTC). */
  at: string;
  /**
   * The database was replaced (a restore from a backup): its accounts, roles and passwords are the
   * backup's, so every session ends and every window goes back to the login screen.
   */
  endsSessions?: true;
}

export interface AuditRecord {
  entity: string;
  entityId?: string | null;
  /** English, hashed; write it with `audited(key, params)` (common/audit-texts) so the UI can say it in its language. */
  summary: string;
  summaryKey?: string;
  summaryParams?: Record<string, string | number>;
  /** Short before/after summaries of the changed record (never a full NIP/NIK). */
  before?: string | null;
  after?: string | null;
  /** Only for login and first-run operations, whose caller is not yet a session's actor. */
  actor?: string;
}

/**
 * One API operation. `prepare` does slow, asynchronous work that must not hold the database
 * (reading and validating files, off the main thread where it matters); `run` is synchronous and,
 * for writing operations, executes inside one transaction together with its audit entry.
 */
/**
 * `opens`: the transport opens a session for the returned user (closing the caller's old one; a
 * password change opens a fresh one too, since it ends every other session of the account);
 * `closes`: it ends the caller's session; `reads`: it answers about the session itself, with its
 * CSRF token (so it needs none: it is how a reloaded page learns it).
 */
export type SessionEffect = 'opens' | 'closes' | 'reads';

export interface Operation<I extends z.ZodType = z.ZodType, P = unknown, O = unknown> {
  input: I;
  writes: boolean;
  roles: readonly Role[];
  /** Callable without a logged-in user (login, first-run status). Few operations should be. */
  public?: boolean;
  /** What the call does to the caller's session, for the transports that keep sessions. */
  session?: SessionEffect;
  /**
   * The operation only checks and names a database file (`{ file }` in its output); the database
   * threads (electron/backend/threads.ts) then close every connection, restore that file over the
   * database and reopen it. Answered by those threads only: the dispatcher alone swaps nothing.
   */
  replacesDatabase?: true;
  /**
   * What a committed call changes, for the change events pushed to every open window (issue 12):
   * its own feature's data unless listed here. Every write also changes `audit` (its audit entry).
   */
  changes?: readonly Topic[];
  /** The feature whose table declares it (set by the registry with `ofFeature`). */
  feature?: Topic;
  prepare?: (input: z.output<I>, ctx: OpContext) => Promise<P>;
  run: (input: z.output<I>, ctx: OpContext, prepared: P) => O;
  /** Undoes what `prepare` left outside the database (staged files) when the change is refused or fails. */
  discard?: (input: z.output<I>, ctx: OpContext, prepared: P) => void;
  audit?: (input: z.output<I>, output: O) => AuditRecord;
}

/** Keeps each operation's exact types while checking it against the Operation shape. */
export function op<I extends z.ZodType, P = undefined, O = unknown>(
  definition: Operation<I, P, O>,
): Operation<I, P, O> {
  return definition;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds operations of every input, prepared and output type
export type OperationTable = Record<string, Operation<any, any, any>>;

/** What a caller passes for operation N of a table (before schema defaults are applied). */
export type InputOf<T extends OperationTable, N extends keyof T> = z.input<T[N]['input']>;
/** What operation N of a table returns. */
export type OutputOf<T extends OperationTable, N extends keyof T> = ReturnType<T[N]['run']>;

/** Tags each operation of a feature's table with the feature, the data its writes change by default. */
export function ofFeature<T extends OperationTable>(feature: Topic, table: T): T {
  return Object.fromEntries(Object.entries(table).map(([name, definition]) => [name, { ...definition, feature }])) as T;
}

/** What a committed call of this operation changed. */
export function changedTopics(operation: Operation): Topic[] {
  return [...new Set<Topic>([...(operation.changes ?? (operation.feature ? [operation.feature] : [])), 'audit'])];
}

/** Merges the features' tables; a name declared twice is a programming error caught at start-up. */
export function mergeOperations<T extends OperationTable[]>(...tables: T): UnionToIntersection<T[number]> {
  const merged: OperationTable = {};
  for (const table of tables) {
    for (const [name, definition] of Object.entries(table)) {
      if (name in merged) throw new Error(`Operation "${name}" is declared twice`);
      merged[name] = definition;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
