import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ApiError } from '../../electron/api/errors.js';
import { operations } from '../../electron/api/registry.js';
import { inputFault } from '../../common/text.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { httpClient } from '../support/http-session.js';
import { startTestServer } from '../support/test-server.js';

/** Strings a hostile caller sends: broken UTF-16, NUL and other controls, direction tricks, and sheer size. */
const HOSTILE = [
  'x\uD800y', // lone high surrogate
  '\uDC00', // lone low surrogate
  '\uDC00\uD800', // a pair the wrong way round
  'ab\uD83D', // a pair cut in half at the end
  'nul\u0000byte',
  '\u001B[31mred\u001B[0m',
  'line\r\nbreak',
  'Admin\u202Egnp.exe',
  'x'.repeat(100_000),
  '😀'.repeat(40_000),
  '',
  ' ',
] as const;

/** Strings that pass most schemas, so the hostile ones in other fields reach the handlers. */
const PLAUSIBLE = [
  '33.16',
  '33.16.01',
  '3316010001',
  '3316010001000100',
  'OPD-01',
  'kepala',
  'PPL-3316-0001',
  '2026-01-15',
  'census.quietDays',
  'csv',
  'a.csv',
] as const;

/** A small seeded generator, so a failure names an input that can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] };
}

type Random = ReturnType<typeof random>;

/**
 * A value shaped like `schema` (objects with their keys, enums with their values, arrays, unions…),
 * every string a hostile one: the values reach as deep into each operation as its schema lets them.
 */
function shaped(schema: z.ZodType, rng: Random, depth = 0): unknown {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => shaped(def[key] as z.ZodType, rng, depth + 1);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape as Record<string, z.ZodType>).map(([key, field]) => [
          key,
          shaped(field, rng, depth + 1),
        ]),
      );
    case 'string':
      return rng.next() < 0.5 ? rng.pick(HOSTILE) : rng.pick(PLAUSIBLE);
    case 'number':
      return rng.pick([1, 0, -1, 2026, 1.5, 1e12]);
    case 'boolean':
      return rng.next() < 0.5;
    case 'enum':
      return rng.pick(Object.values(def.entries as Record<string, string>));
    case 'literal':
      return rng.pick(def.values as unknown[]);
    case 'array':
      return depth > 6 ? [] : Array.from({ length: Math.floor(rng.next() * 3) + 1 }, () => inner('element'));
    case 'record':
      return { [rng.pick(HOSTILE)]: inner('valueType') };
    case 'union':
      return shaped(rng.pick(def.options as z.ZodType[]), rng, depth + 1);
    case 'optional':
    case 'default':
    case 'prefault':
      return rng.next() < 0.2 ? undefined : inner('innerType');
    case 'nullable':
      return rng.next() < 0.2 ? null : inner('innerType');
    case 'pipe':
      return inner('in');
    default:
      return rng.pick(HOSTILE);
  }
}

/** Whether any string in the value (or key) must be refused at the boundary. */
function holdsUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return inputFault(value) !== null;
  if (Array.isArray(value)) return value.some(holdsUnstorableText);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => inputFault(k) !== null || holdsUnstorableText(v));
  return false;
}

const ROUNDS = 20;

async function feedEveryOperation(backend: TestBackend, seed: number) {
  const rng = random(seed);
  const internal: string[] = [];
  let refusedAtBoundary = 0;
  for (const [name, operation] of Object.entries(operations)) {
    for (let round = 0; round < ROUNDS; round++) {
      const input = shaped(operation.input, rng);
      const mustRefuse = holdsUnstorableText(input);
      try {
        await backend.call(name as never, input as never, { trusted: false });
        expect(mustRefuse, `${name} accepted ill-formed text: ${JSON.stringify(input).slice(0, 300)}`).toBe(false);
      } catch (error) {
        const apiError = ApiError.from(error);
        if (apiError.code === 'INTERNAL')
          internal.push(`${name} (seed ${seed}, round ${round}): ${apiError.message.slice(0, 200)}`);
        if (mustRefuse) {
          expect(apiError, name).toMatchObject({ code: 'INVALID_INPUT', key: expect.stringMatching(/^input\./) });
          refusedAtBoundary++;
        }
      }
    }
  }
  return { internal, refusedAtBoundary };
}

describe('every operation fed hostile strings', () => {
  it('refuses ill-formed text at the boundary, never fails inside, and the audit chain still verifies', {
    timeout: 300_000,
  }, async () => {
    const backend = await bloraBackend();
    await backend.call('users.create', {
      username: 'kepala',
      displayName: 'Kepala',
      role: 'admin',
      password: 'rahasia-123',
    });
    const { internal, refusedAtBoundary } = await feedEveryOperation(backend, 20261102);
    expect(internal).toEqual([]);
    expect(refusedAtBoundary).toBeGreaterThan(Object.keys(operations).length);
    expect(await backend.call('audit.verify', {})).toMatchObject({ ok: true });
    expect(await backend.call('backup.check', {})).toMatchObject({ ok: true });
    // The trail took refused logins and hostile names, but only as one-line, well-formed text.
    const texts = backend.database.sqlite
      .prepare('SELECT actor, entity_id AS entityId, summary, before, after FROM audit_log')
      .all() as Record<string, string | null>[];
    for (const row of texts)
      for (const text of Object.values(row))
        if (text) expect(text).not.toMatch(/[\u0000-\u001F\u202E]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/);
    backend.close();
  });

  it('over HTTP without a session: the public operations refuse them too, and the chain holds', {
    timeout: 120_000,
  }, async () => {
    const backend = await bloraBackend();
    const server = await startTestServer(backend.api);
    try {
      const rng = random(7);
      for (const name of Object.keys(operations).filter((n) => backend.api.isPublic(n))) {
        for (let round = 0; round < ROUNDS; round++) {
          const input = shaped(operations[name as keyof typeof operations].input, rng);
          const answer = await httpClient(server.loopbackUrl, { localAddress: `127.0.1.${round + 1}` }).post(
            name,
            input,
          );
          expect([200, 401, 403, 413, 429], `${name}: ${answer.status}`).toContain(answer.status);
          if (answer.last?.error) expect(answer.last.error.code, name).not.toBe('INTERNAL');
          if (holdsUnstorableText(input) && answer.status !== 413)
            expect(answer.last.error, name).toMatchObject({ code: 'INVALID_INPUT' });
        }
      }
      expect(await backend.call('audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      await server.close();
      backend.close();
    }
  });
});
