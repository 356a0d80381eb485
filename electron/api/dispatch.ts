import { z } from 'zod';
import type { Db } from '../db/open.js';
import { appendAudit } from '../features/audit/append.js';
import type { Actor, OperationTable, Progress } from './define.js';
import { ApiError } from './errors.js';

export interface ApiHost {
  db: Db;
  dataDir: string;
}

export interface CallOptions {
  actor: Actor;
  onProgress?: (p: Progress) => void;
  /** Set by the CLI only; IPC and HTTP callers are never trusted. */
  trusted?: boolean;
}

export interface Api {
  readonly names: readonly string[];
  call(name: unknown, input: unknown, options: CallOptions): Promise<unknown>;
}

function describeIssues(error: z.ZodError) {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : null,
    message: issue.message,
  }));
}

/**
 * The one entry point every transport (IPC, HTTP, CLI, tests) goes through: it checks the name,
 * validates the input against the operation's schema, enforces roles, and runs writing operations
 * in one transaction with their audit entry.
 */
export function createApi(host: ApiHost, table: OperationTable): Api {
  return {
    names: Object.keys(table),
    async call(name, input, { actor, onProgress, trusted = false }) {
      if (typeof name !== 'string' || !Object.hasOwn(table, name)) {
        throw new ApiError('UNKNOWN_OPERATION', `Unknown operation: ${typeof name === 'string' ? name.slice(0, 80) : typeof name}`);
      }
      const operation = table[name];
      if (!operation.roles.includes(actor.role)) {
        throw new ApiError('FORBIDDEN', `${name}: role "${actor.role}" may not do this`);
      }
      const parsed = operation.input.safeParse(input ?? {});
      if (!parsed.success) {
        const issues = describeIssues(parsed.error);
        const first = issues[0];
        throw new ApiError('INVALID_INPUT', `${name}: invalid input${first ? ` (${first.field ?? 'input'}: ${first.message})` : ''}`, issues);
      }
      const ctx = { db: host.db, actor, dataDir: host.dataDir, progress: onProgress ?? (() => {}), trusted };
      try {
        const prepared = operation.prepare ? await operation.prepare(parsed.data, ctx) : undefined;
        if (!operation.writes) return operation.run(parsed.data, ctx, prepared);
        return host.db.$client.transaction(() => {
          const output = operation.run(parsed.data, ctx, prepared);
          const record = operation.audit?.(parsed.data, output) ?? { entity: name.split('.')[0], summary: '' };
          appendAudit(host.db, { actor: actor.username, operation: name, ...record });
          return output;
        })();
      } catch (error) {
        throw ApiError.from(error, name);
      }
    },
  };
}
