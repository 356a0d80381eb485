import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackend } from '../../electron/api/host.js';
import { logFileIn, rotatingLog } from '../../electron/logging/log-file.js';
import { testBackend } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);

describe('the log file', () => {
  it('gets one line per failed operation: name, code, and the stack of the raw error behind it', async () => {
    const backend = testBackend();
    // An unexpected fault: the table the op reads is gone, so SQLite answers in its own words.
    backend.database.sqlite.exec('DROP TABLE settings');
    const failure = backend.call('settings.list', {});
    await expect(failure).rejects.toMatchObject({ code: 'INTERNAL', key: 'general.internal' });
    await expect(backend.call('settings.set', { key: 'nope', value: 1 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    backend.close();

    const file = logFileIn(backend.dataDir);
    expect(file).toBe(path.join(backend.dataDir, 'logs', 'pendopo.log'));
    const [internal, refused, ...rest] = lines(file);
    expect(rest).toEqual([]);
    expect(internal).toMatchObject({ level: 'error', operation: 'settings.list', code: 'INTERNAL' });
    expect(internal.key).toBe('general.internal');
    expect(internal.message).toContain('no such table: settings');
    // The cause's stack, not just ApiError.from's: it names the file that ran the query.
    expect(internal.stack).toContain('Caused by: SqliteError: no such table: settings');
    expect(internal.stack).toMatch(/settings[\\/]service\.ts/);
    expect(refused).toMatchObject({ level: 'warn', operation: 'settings.set', code: 'INVALID_INPUT' });
    expect(Number.isNaN(Date.parse(refused.at))).toBe(false);
  });

  it('never holds the input (a failed login logs no password)', async () => {
    const dir = tempDir();
    const backend = startBackend({ dbFile: path.join(dir, 'pendopo.db') });
    await expect(
      backend.api.call('users.auth.login', { username: 'nobody', password: 'Rahasia-123456' }, { actor: null }),
    ).rejects.toBeTruthy();
    backend.close();
    const text = fs.readFileSync(logFileIn(backend.dataDir), 'utf8');
    expect(text).toContain('users.auth.login');
    expect(text).not.toContain('Rahasia-123456');
  });

  it('rotates at its size and keeps a few old files', () => {
    const file = path.join(tempDir(), 'logs', 'pendopo.log');
    const log = rotatingLog(file, { maxBytes: 100, keep: 2 });
    for (let i = 0; i < 12; i++) log(`line ${i} ${'x'.repeat(40)}`);
    const folder = fs.readdirSync(path.dirname(file)).sort();
    expect(folder).toEqual(['pendopo.1.log', 'pendopo.2.log', 'pendopo.log']);
    for (const name of folder) expect(fs.statSync(path.join(path.dirname(file), name)).size).toBeLessThan(100);
    expect(fs.readFileSync(file, 'utf8')).toContain('line 11 ');
    expect(fs.readFileSync(path.join(path.dirname(file), 'pendopo.1.log'), 'utf8')).toContain('line 9 ');
  });
});
