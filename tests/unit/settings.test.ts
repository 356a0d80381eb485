import { describe, expect, it } from 'vitest';
import { testBackend } from '../support/backend.js';

describe('office settings', () => {
  it('read their defaults, change within their rules, and record the change', async () => {
    const backend = testBackend();
    const before = await backend.call('settings.list', {});
    expect(before.find((s) => s.key === 'census.targetLoadKk')?.value).toBe(300);
    await backend.call('settings.set', { key: 'census.targetLoadKk', value: 250 });
    expect((await backend.call('settings.list', {})).find((s) => s.key === 'census.targetLoadKk')?.value).toBe(250);
    const audit = backend.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE operation = 'settings.set'")
      .get();
    expect(audit).toEqual({ summary: '300 → 250' });
    backend.close();
  });

  it('refuse a bad value, an unknown key and a role that may not change it', async () => {
    const backend = testBackend();
    // Said by key, the setting's key as the field (the UI shows its label), never `expected YYYY-MM-DD`.
    await expect(backend.call('settings.set', { key: 'census.fieldStart', value: '17/08/2026' })).rejects.toMatchObject(
      {
        code: 'INVALID_INPUT',
        key: 'input.date',
        params: { field: 'census.fieldStart' },
      },
    );
    await expect(backend.call('settings.set', { key: 'census.targetLoadKk', value: -1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(backend.call('settings.set', { key: 'nope', value: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await expect(
      backend.call(
        'settings.set',
        { key: 'census.quietDays', value: 5 },
        { actor: { username: 'clerk', role: 'operator' } },
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', key: 'general.roleForbidden', params: { role: 'operator' } });
    expect((await backend.call('settings.list', {})).find((s) => s.key === 'census.quietDays')?.value).toBe(3);
    backend.close();
  });
});
