import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliProcess, tempDir } from '../support/office-process.js';

describe('pendopo CLI', () => {
  it('init --json prints the regency summary; a second run changes nothing', async () => {
    const db = path.join(tempDir(), 'cli.db');
    const first = await runCliProcess(['--db', db, 'init', '--kabupaten', '33.16', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ kabupaten: '33.16', nama: 'KABUPATEN BLORA', kecamatan: 16, desa: 295 });
    const second = await runCliProcess(['--db', db, 'init', '--kabupaten', '33.16', '--json']);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it('refuses a different regency and an unknown code with exit 1 and a clear message', async () => {
    const db = path.join(tempDir(), 'cli.db');
    await runCliProcess(['--db', db, 'init', '--kabupaten', '33.16']);
    const other = await runCliProcess(['--db', db, 'init', '--kabupaten', '33.17']);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('already belongs to regency 33.16');
    const unknown = await runCliProcess(['--db', path.join(tempDir(), 'x.db'), 'init', '--kabupaten', '99.99']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown regency code 99.99');
  });

  it('exits 2 on usage errors', async () => {
    const db = path.join(tempDir(), 'cli.db');
    expect((await runCliProcess(['--db', db, 'frobnicate'])).code).toBe(2);
    expect((await runCliProcess(['--db', db, 'init'])).stderr).toContain('--kabupaten is required');
    expect((await runCliProcess(['--db', db, 'init', '--kabupaten', '33.16', '--colour'])).code).toBe(2);
    expect((await runCliProcess(['--db', db, 'serve', '--port', 'eighty'])).code).toBe(2);
  });
});
