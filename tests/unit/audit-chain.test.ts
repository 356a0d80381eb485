import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/features/audit/verify.js';
import { testBackend, type TestBackend } from '../support/backend.js';
import { runCliInProcess } from '../support/cli.js';
import { tamper } from '../support/tamper.js';
import { exportBytes } from '../support/exports.js';

/** A backend with five audited changes to a setting. */
async function withHistory(): Promise<TestBackend> {
  const backend = testBackend();
  for (let value = 301; value <= 305; value++)
    await backend.call('settings.set', { key: 'census.targetLoadKk', value });
  return backend;
}

const reopen = (backend: TestBackend) => testBackend(backend.dir);

describe('the audit trail', () => {
  it('chains every entry to the previous one and verifies intact', async () => {
    const backend = await withHistory();
    const rows = backend.database.sqlite
      .prepare('SELECT id, prev_hash, hash, before, after FROM audit_log ORDER BY id')
      .all() as {
      id: number;
      prev_hash: string;
      hash: string;
      before: string;
      after: string;
    }[];
    expect(rows).toHaveLength(5);
    expect(rows[0].prev_hash).toBe('');
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows[4]).toMatchObject({ before: '304', after: '305' });
    expect(verifyAuditChain(backend.database.db)).toEqual({ ok: true, entries: 5, unchained: 0, broken: null });
  });

  it('refuses UPDATE and DELETE of entries (append-only triggers)', async () => {
    const backend = await withHistory();
    expect(() => backend.database.sqlite.exec("UPDATE audit_log SET actor = 'someone' WHERE id = 2")).toThrow(
      /append-only/,
    );
    expect(() => backend.database.sqlite.exec('DELETE FROM audit_log WHERE id = 2')).toThrow(/append-only/);
  });

  it('names the first broken entry when a row was edited out of band', async () => {
    const backend = await withHistory();
    tamper(backend, "UPDATE audit_log SET summary = '300 → 999' WHERE id = 3");
    expect(verifyAuditChain(reopen(backend).database.db)).toMatchObject({
      ok: false,
      broken: { id: 3, reason: expect.stringContaining('edited') },
    });
  });

  it('names the entry after a deleted row', async () => {
    const backend = await withHistory();
    tamper(backend, 'DELETE FROM audit_log WHERE id = 2');
    expect(verifyAuditChain(reopen(backend).database.db)).toMatchObject({
      ok: false,
      broken: { id: 3, reason: expect.stringContaining('missing') },
    });
  });

  it('names a row inserted out of band, even with a plausible link and hash', async () => {
    const backend = await withHistory();
    // A forger copies entry 4's link but cannot produce a hash that entry 5 (renumbered) still links to.
    tamper(
      backend,
      'CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE id >= 4',
      'DELETE FROM audit_log WHERE id >= 4',
      "INSERT INTO audit_log (id, at, actor, operation, entity, entity_id, summary, prev_hash, hash) SELECT 4, at, 'forger', 'settings.set', 'setting', 'x', 'forged', prev_hash, hash FROM t WHERE id = 4",
      'INSERT INTO audit_log SELECT id + 1, at, actor, operation, entity, entity_id, summary, before, after, prev_hash, hash, summary_key, summary_params FROM t',
    );
    expect(verifyAuditChain(reopen(backend).database.db)).toMatchObject({ ok: false, broken: { id: 4 } });
  });

  it('catches a row appended with no hash after the chain began', async () => {
    const backend = await withHistory();
    tamper(
      backend,
      "INSERT INTO audit_log (at, actor, operation, entity, summary) VALUES ('2026-01-01', 'x', 'y', 'z', 'added')",
    );
    expect(verifyAuditChain(reopen(backend).database.db)).toMatchObject({ ok: false, broken: { id: 6 } });
  });

  it('`pendopo audit verify` exits 0 when intact and 1 naming the entry when broken', async () => {
    const backend = await withHistory();
    const file = backend.database.file;
    const intact = await runCliInProcess(['--db', file, 'audit', 'verify']);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain('Audit chain intact: 5 entries');
    tamper(backend, "UPDATE audit_log SET actor = 'nobody' WHERE id = 2");
    const broken = await runCliInProcess(['--db', path.resolve(file), 'audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Audit chain BROKEN at entry 2');
  });

  it('lists entries by user, operation, entity and date, and exports them as CSV', async () => {
    const backend = await withHistory();
    await backend.call('users.create', {
      username: 'sari',
      displayName: 'Sari',
      role: 'operator',
      password: 'rahasia-123',
    });
    const bySetting = await backend.call('audit.list', { entity: 'setting' });
    expect(bySetting.rows).toHaveLength(5);
    expect(bySetting.facets.operations).toEqual(['settings.set', 'users.create']);
    expect((await backend.call('audit.list', { operation: 'users.create' })).rows[0]).toMatchObject({
      entityId: 'sari',
      actor: 'tester',
    });
    expect((await backend.call('audit.list', { from: '2000-01-01', to: '2000-12-31' })).rows).toHaveLength(0);
    const csv = exportBytes(backend, await backend.call('audit.exportCsv', { entity: 'user' })).toString('utf8');
    expect(csv.split('\n')[0]).toBe('id,at,user,operation,entity,entity_id,summary,before,after');
    expect(csv).toContain('users.create,user,sari,created sari as operator');
    expect(csv).not.toContain('rahasia');
    await expect(backend.call('audit.list', {}, { actor: { username: 'op', role: 'operator' } })).rejects.toMatchObject(
      { code: 'FORBIDDEN' },
    );
  });
});
