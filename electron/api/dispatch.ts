import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { appendAudit } from '../features/audit/append.js';
import {
  ANONYMOUS_ACTOR,
  changedTopics,
  type Actor,
  type ChangeEvent,
  type OperationTable,
  type Progress,
  type SessionEffect,
  type InputOf,
  type OutputOf,
} from './define.js';
import { currentAccount } from '../features/users/service.js';
import { ApiError } from './errors.js';
import { issueOf, refuseUnsafeText } from './text-input.js';

export interface ApiHost {
  db: Db;
  dataDir: string;
  /** Told after each writing call committed (not after one that failed and rolled back). */
  afterCommit?: (event: ChangeEvent) => void;
  /** Told of every call that failed (its name and the error), for the log file. */
  onFailure?: (operation: unknown, error: ApiError) => void;
  /** Set in the database threads, which swap the database after an operation that `replacesDatabase`. */
  replacesDatabase?: boolean;
}

export interface CallOptions {
  /** The logged-in user (from the transport's session), or null when nobody is logged in. */
  actor: Actor | null;
  onProgress?: (p: Progress) => void;
  /** Set by the CLI only; IPC and HTTP callers are never trusted. */
  trusted?: boolean;
}

export interface Api<T extends OperationTable = OperationTable> {
  readonly names: readonly string[];
  /** For transports: a name and input from outside (a window, a browser), both checked here. */
  call(name: unknown, input: unknown, options: CallOptions): Promise<unknown>;
  /** For callers in this process (the CLI, tests, benchmarks): name, input and answer typed by the table. */
  send<N extends keyof T & string>(name: N, input: InputOf<T, N>, options: CallOptions): Promise<OutputOf<T, N>>;
  /** Whether the operation may be called without a session (transports skip CSRF checks for none else). */
  isPublic(name: string): boolean;
  /** What the operation does to the caller's session (`Operation.session`), if anything. */
  sessionEffect(name: string): SessionEffect | undefined;
  /** The operations this role may call, for the UI to hide the rest. */
  allowedFor(role: Actor['role']): string[];
}

function describeIssues(error: z.ZodError) {
  return error.issues.map(issueOf);
}

/**
 * The one entry point every transport (IPC, HTTP, CLI, tests) goes through: it checks the name,
 * validates the input against the operation's schema, enforces roles, and runs writing operations
 * in one transaction with their audit entry.
 */
export function createApi<T extends OperationTable>(host: ApiHost, table: T): Api<T> {
  const allowedFor = (role: Actor['role']) =>
    Object.keys(table).filter((name) => table[name].public || table[name].roles.includes(role));
  const api: Api<T> = {
    names: Object.keys(table),
    isPublic: (name) => Object.hasOwn(table, name) && table[name].public === true,
    sessionEffect: (name) => (Object.hasOwn(table, name) ? table[name].session : undefined),
    allowedFor,
    async call(name, input, options) {
      try {
        return await callOperation(name, input, options);
      } catch (error) {
        const apiError = ApiError.from(error, typeof name === 'string' ? name : undefined);
        host.onFailure?.(name, apiError);
        throw apiError;
      }
    },
    // The dispatcher validates the input against the table's schema and returns what `run` did.
    send: (name, input, options) => api.call(name, input, options) as Promise<OutputOf<T, typeof name>>,
  };

  async function callOperation(
    name: unknown,
    input: unknown,
    { actor: sessionActor, onProgress, trusted = false }: CallOptions,
  ): Promise<unknown> {
    if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
      throw ApiError.problem('UNKNOWN_OPERATION', 'general.unknownOperation', {
        operation: typeof name === 'string' ? name.slice(0, 80) : typeof name,
      });
    }
    const operation = table[name];
    // The account as it is now: a role changed or an account disabled since login counts at once.
    const actor = sessionActor ? currentAccount(host.db, sessionActor) : null;
    if (!actor && !operation.public) {
      throw ApiError.problem('UNAUTHENTICATED', 'general.unauthenticated');
    }
    if (actor && !operation.public && !operation.roles.includes(actor.role)) {
      throw ApiError.problem('FORBIDDEN', 'general.roleForbidden', { role: actor.role });
    }
    refuseUnsafeText(name, input);
    const parsed = operation.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw ApiError.invalidInput(name, describeIssues(parsed.error));
    }
    if (operation.replacesDatabase && !host.replacesDatabase) throw ApiError.problem('FORBIDDEN', 'restore.onlyInApp');
    const ctx = {
      db: host.db,
      actor: actor ?? ANONYMOUS_ACTOR,
      dataDir: host.dataDir,
      progress: onProgress ?? (() => {}),
      trusted,
      allowedOperations: () => (actor ? allowedFor(actor.role) : Object.keys(table).filter((n) => table[n].public)),
    };
    let prepared: unknown;
    try {
      prepared = operation.prepare ? await operation.prepare(parsed.data, ctx) : undefined;
    } catch (error) {
      throw ApiError.from(error, name);
    }
    try {
      if (!operation.writes) return operation.run(parsed.data, ctx, prepared);
      // IMMEDIATE takes the write lock up front, so another process's commit between this op's first read
      // and first write makes it wait (busy_timeout) instead of failing with SQLITE_BUSY_SNAPSHOT.
      const output = host.db.$client
        .transaction(() => {
          const result = operation.run(parsed.data, ctx, prepared);
          const record = operation.audit?.(parsed.data, result) ?? { entity: name.split('.')[0], summary: '' };
          appendAudit(host.db, { operation: name, ...record, actor: record.actor ?? ctx.actor.username });
          return result;
        })
        .immediate();
      host.afterCommit?.({ operation: name, topics: changedTopics(operation), at: new Date().toISOString() });
      return output;
    } catch (error) {
      operation.discard?.(parsed.data, ctx, prepared);
      throw ApiError.from(error, name);
    }
  }

  return api;
}
