import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../electron/features/users/password.js';
import { testBackend } from '../support/backend.js';
import { runCliInProcess } from '../support/cli.js';

const PASSWORD = 'rahasia-123';

describe('accounts', () => {
  it('store only salted scrypt hashes, never the password', async () => {
    const backend = testBackend();
    await backend.call('users.create', { username: 'sari', displayName: 'Sari', role: 'operator', password: PASSWORD });
    const stored = backend.database.sqlite.prepare('SELECT password_hash FROM users').get() as {
      password_hash: string;
    };
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored.password_hash).not.toContain(PASSWORD);
    expect(hashPassword(PASSWORD)).not.toBe(hashPassword(PASSWORD));
    expect(verifyPassword(PASSWORD, stored.password_hash)).toBe(true);
    expect(verifyPassword('rahasia-124', stored.password_hash)).toBe(false);
    const dump = JSON.stringify(backend.database.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain(PASSWORD);
  });

  it('refuse short passwords, reserved and duplicate names', async () => {
    const backend = testBackend();
    await expect(
      backend.call('users.create', { username: 'sari', displayName: 'S', role: 'operator', password: 'short' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(
      backend.call('users.create', { username: 'system', displayName: 'S', role: 'admin', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'REJECTED' });
    await expect(
      backend.call('users.create', { username: 'Not Valid!', displayName: 'S', role: 'admin', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await backend.call('users.create', { username: 'sari', displayName: 'S', role: 'operator', password: PASSWORD });
    await expect(
      backend.call('users.create', { username: 'sari', displayName: 'S', role: 'operator', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('a role change applies to the next call; the last admin cannot be disabled; stale edits conflict', async () => {
    const backend = testBackend();
    const boss = await backend.call('users.create', {
      username: 'boss',
      displayName: 'Boss',
      role: 'admin',
      password: PASSWORD,
    });
    const sari = await backend.call('users.create', {
      username: 'sari',
      displayName: 'Sari',
      role: 'operator',
      password: PASSWORD,
    });
    await expect(
      backend.call('users.create', { username: 'sari', displayName: 'Sari 2', role: 'operator', password: PASSWORD }),
    ).rejects.toMatchObject({ code: 'CONFLICT', key: 'users.exists', params: { username: 'sari' } });
    const asSari = { actor: { username: 'sari', role: 'operator' as const } };
    await expect(backend.call('users.list', {}, asSari)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await backend.call('users.update', { username: 'sari', version: sari.version, role: 'admin' });
    expect(await backend.call('users.list', {}, asSari)).toHaveLength(2); // same session actor, new role
    await expect(
      backend.call('users.update', { username: 'sari', version: sari.version, displayName: 'Stale' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      key: 'general.changedMeanwhile',
    });
    const now = (await backend.call('users.list', {})).find((u) => u.username === 'sari')!;
    await backend.call('users.update', { username: 'sari', version: now.version, active: false });
    await expect(
      backend.call('users.update', { username: 'boss', version: boss.version, role: 'operator' }),
    ).rejects.toMatchObject({
      code: 'REJECTED',
      message: 'The last active admin cannot be disabled or demoted',
      key: 'users.lastAdmin',
    });
    const audit = backend.database.sqlite
      .prepare("SELECT before, after FROM audit_log WHERE operation = 'users.update' ORDER BY id LIMIT 1")
      .get();
    expect(audit).toEqual({ before: 'sari (Sari), role operator', after: 'sari (Sari), role admin' });
  });

  it('CLI: user add, then --as acts as that user (audited under their name); wrong password exits 1', async () => {
    const backend = testBackend();
    backend.close();
    const db = backend.database.file;
    const env = { PENDOPO_PASSWORD: PASSWORD };
    expect(
      (
        await runCliInProcess(
          ['--db', db, 'user', 'add', '--username', 'kasi', '--role', 'admin', '--name', 'Kepala Seksi'],
          { env },
        )
      ).code,
    ).toBe(0);
    expect(
      (await runCliInProcess(['--db', db, 'user', 'add', '--username', 'kasi2', '--role', 'boss'], { env })).code,
    ).toBe(2);
    const asKasi = await runCliInProcess(
      ['--db', db, '--as', 'kasi', '--json', 'user', 'add', '--username', 'clerk', '--role', 'operator'],
      { env },
    );
    expect(asKasi).toMatchObject({ code: 0, stdout: '{"username":"clerk","role":"operator"}\n' });
    const asClerk = await runCliInProcess(['--db', db, '--as', 'clerk', 'user', 'list'], { env });
    expect(asClerk.code).toBe(1);
    expect(asClerk.stderr).toContain('Role "operator" may not do this');
    const wrong = await runCliInProcess(['--db', db, '--as', 'kasi', 'user', 'list'], {
      env: { PENDOPO_PASSWORD: 'nope-nope-nope' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Wrong username or password');
    const reopened = testBackend(backend.dir);
    const rows = reopened.database.sqlite.prepare('SELECT actor, operation FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([
      { actor: 'system', operation: 'users.create' },
      { actor: 'kasi', operation: 'users.auth.login' },
      { actor: 'kasi', operation: 'users.create' },
      { actor: 'clerk', operation: 'users.auth.login' },
      { actor: 'kasi', operation: 'users.auth.login' }, // the refused one
    ]);
    expect(reopened.database.sqlite.prepare('SELECT summary FROM audit_log ORDER BY id DESC LIMIT 1').get()).toEqual({
      summary: 'login refused',
    });
    reopened.close();
  });
});
