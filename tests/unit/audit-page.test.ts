import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditPageQuery } from '../../electron/features/audit/query.js';
import { testBackend, type TestBackend } from '../support/backend.js';

// 620 settings changes and one account: more than a page of the trail, read a page at a time.
let backend: TestBackend;
beforeAll(async () => {
  backend = testBackend();
  for (let value = 100; value < 720; value++) await backend.call('settings.set', { key: 'census.targetLoadKk', value });
  await backend.call('users.create', {
    username: 'sari',
    displayName: 'Sari',
    role: 'operator',
    password: 'rahasia-123',
  });
}, 120_000);
afterAll(() => backend?.close());

describe('audit.page: the trail a page at a time', () => {
  it('reads newest first from the key (no sort of the trail), counts every match and pages on', async () => {
    const { sql, params } = auditPageQuery(backend.database.db, { offset: 0, limit: 100, filter: {} }).toSQL();
    const plan = (backend.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n');
    expect(plan).not.toContain('TEMP B-TREE');

    const first = await backend.call('audit.page', { offset: 0, limit: 100, filter: {} });
    expect(first.total).toBe(621);
    expect(first.rows).toHaveLength(100);
    expect(first.rows[0]).toMatchObject({ operation: 'users.create', entityId: 'sari' });
    const last = await backend.call('audit.page', { offset: 600, limit: 100, filter: {} });
    expect(last.rows).toHaveLength(21);
    expect(last.rows.at(-1)!.id).toBe(1);
    expect(Buffer.byteLength(JSON.stringify(first))).toBeLessThan(100_000);

    const settings = await backend.call('audit.page', { offset: 0, limit: 500, filter: { entity: 'setting' } });
    expect(settings.total).toBe(620);
    expect(settings.rows.every((r) => r.entity === 'setting')).toBe(true);
    expect(await backend.call('audit.facets', {})).toMatchObject({ operations: ['settings.set', 'users.create'] });
    await expect(backend.call('audit.page', { offset: 0, limit: 501, filter: {} })).rejects.toThrow();
    await expect(
      backend.call('audit.page', { offset: 0, limit: 10, filter: {} }, { actor: { username: 'op', role: 'operator' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe("audit.page: dates are the office's days, not UTC days", () => {
  it('an entry at 02.30 WIB counts on that WIB day, one at 23.30 WIB on the day before', async () => {
    const office = testBackend();
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-02T16:30:00Z')); // 23.30 WIB, 2 December
      await office.call('settings.set', { key: 'census.targetLoadKk', value: 111 });
      vi.setSystemTime(new Date('2026-12-02T19:30:00Z')); // 02.30 WIB, 3 December
      await office.call('settings.set', { key: 'census.targetLoadKk', value: 222 });
      vi.useRealTimers();
      const on = async (from: string, to: string) =>
        (await office.call('audit.page', { offset: 0, limit: 10, filter: { entity: 'setting', from, to } })).rows.map(
          (r) => r.summary,
        );
      expect(await on('2026-12-03', '2026-12-03')).toEqual([expect.stringContaining('222')]);
      expect(await on('2026-12-02', '2026-12-02')).toEqual([expect.stringContaining('111')]);
      expect(await on('2026-12-01', '2026-12-01')).toEqual([]);
    } finally {
      vi.useRealTimers();
      office.close();
    }
  });
});
