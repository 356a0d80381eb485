import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ALL_ROLES, mergeOperations, op } from '../../electron/api/define.js';
import { createApi } from '../../electron/api/dispatch.js';
import { ApiError } from '../../electron/api/errors.js';
import { problemText } from '../../common/problems/index.js';
import { ADMIN, testBackend } from '../support/backend.js';

function apiWithTestOps() {
  const backend = testBackend();
  const table = {
    'test.write': op({
      input: z.object({ key: z.string().min(1), fail: z.boolean().default(false) }),
      writes: true,
      roles: ['admin', 'operator'],
      run: ({ key, fail }, { db }) => {
        db.run(sql`INSERT INTO settings(key, value) VALUES (${key}, '1')`);
        if (fail) throw new ApiError('REJECTED', 'asked to fail');
        return { key };
      },
      audit: (input) => ({ entity: 'setting', entityId: input.key, summary: 'test write' }),
    }),
    'test.progress': op({
      input: z.object({}),
      writes: false,
      roles: ALL_ROLES,
      prepare: async (_input, ctx) => {
        for (let done = 1; done <= 3; done++) ctx.progress({ done, total: 3 });
      },
      run: () => 'done',
    }),
  };
  return { backend, api: createApi({ db: backend.database.db, dataDir: backend.dir }, table) };
}

const count = (backend: ReturnType<typeof testBackend>, table: string) =>
  (backend.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('the API table', () => {
  it('refuses an unknown operation with a typed error', async () => {
    const { api } = apiWithTestOps();
    await expect(api.call('nope.nothing', {}, { actor: ADMIN })).rejects.toMatchObject({
      code: 'UNKNOWN_OPERATION',
      key: 'general.unknownOperation',
    });
    await expect(api.call(42, {}, { actor: ADMIN })).rejects.toMatchObject({ code: 'UNKNOWN_OPERATION' });
    await expect(api.call('__proto__', {}, { actor: ADMIN })).rejects.toMatchObject({ code: 'UNKNOWN_OPERATION' });
  });

  it('refuses invalid input, naming the field', async () => {
    const { api } = apiWithTestOps();
    const error = await api.call('test.write', { key: '' }, { actor: ADMIN }).catch((e: ApiError) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_INPUT');
    expect((error as ApiError).issues?.[0]).toMatchObject({ field: 'key' });
    // Said by catalogue key, so the UI names the field by its label in its own language.
    expect((error as ApiError).key).toBe('input.required');
    expect((error as ApiError).params).toEqual({ field: 'key' });
  });

  it('refuses an unknown operation, a stranger and a role by catalogue key', async () => {
    const { api } = apiWithTestOps();
    const unknown = (await api.call('nope.nothing', {}, { actor: ADMIN }).catch((e: unknown) => e)) as ApiError;
    // The name stays in the parameters for the log; what a clerk reads in either language never shows it.
    expect(unknown).toMatchObject({ key: 'general.unknownOperation', params: { operation: 'nope.nothing' } });
    for (const language of ['id', 'en'] as const)
      expect(problemText(language, unknown.key!, unknown.params)).not.toContain('nope');
    await expect(api.call('test.write', { key: 'a' }, { actor: null })).rejects.toMatchObject({
      key: 'general.unauthenticated',
    });
    await expect(
      api.call('test.write', { key: 'a' }, { actor: { username: 'boss', role: 'pimpinan' } }),
    ).rejects.toMatchObject({ key: 'general.roleForbidden', params: { role: 'pimpinan' } });
  });

  it('turns an unexpected error (raw SQLite text) into the coded internal problem, keeping the cause', async () => {
    const backend = testBackend();
    const table = {
      'test.broken': op({
        input: z.object({}),
        writes: true,
        roles: ['admin'],
        run: (_input, { db }) => db.run(sql`INSERT INTO no_such_table VALUES (1)`),
      }),
    };
    const api = createApi({ db: backend.database.db, dataDir: backend.dir }, table);
    const error = (await api.call('test.broken', {}, { actor: ADMIN }).catch((e: unknown) => e)) as ApiError;
    expect(error).toMatchObject({ code: 'INTERNAL', key: 'general.internal' });
    expect(error.message).toMatch(/^test\.broken: .*no_such_table/);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.stack).toContain('Caused by:');
    expect(error.toJSON()).not.toHaveProperty('stack');
  });

  it('refuses a role the operation does not allow', async () => {
    const { api } = apiWithTestOps();
    await expect(
      api.call('test.write', { key: 'a' }, { actor: { username: 'boss', role: 'pimpinan' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('writes the change and its audit entry together', async () => {
    const { api, backend } = apiWithTestOps();
    await api.call('test.write', { key: 'k1' }, { actor: ADMIN });
    expect(count(backend, 'settings')).toBe(1);
    expect(
      backend.database.sqlite.prepare('SELECT actor, operation, entity, entity_id, summary FROM audit_log').get(),
    ).toEqual({
      actor: 'tester',
      operation: 'test.write',
      entity: 'setting',
      entity_id: 'k1',
      summary: 'test write',
    });
  });

  it('rolls back the change and writes no audit entry when the operation fails', async () => {
    const { api, backend } = apiWithTestOps();
    await expect(api.call('test.write', { key: 'k2', fail: true }, { actor: ADMIN })).rejects.toMatchObject({
      code: 'REJECTED',
    });
    expect(count(backend, 'settings')).toBe(0);
    expect(count(backend, 'audit_log')).toBe(0);
  });

  it('passes progress to the caller', async () => {
    const { api } = apiWithTestOps();
    const seen: number[] = [];
    await api.call('test.progress', {}, { actor: ADMIN, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a table that declares a name twice', () => {
    const one = { 'x.y': op({ input: z.object({}), writes: false, roles: ALL_ROLES, run: () => 1 }) };
    expect(() => mergeOperations(one, { ...one })).toThrow('Operation "x.y" is declared twice');
  });
});
