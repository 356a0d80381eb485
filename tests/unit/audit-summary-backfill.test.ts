import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AUDIT_TEXTS, audited, auditText, type AuditTextKey } from '../../common/audit-texts/index.js';
import { parseAuditSummary } from '../../common/audit-texts/parse.js';
import { appendAudit } from '../../electron/features/audit/append.js';
import { verifyAuditChain } from '../../electron/features/audit/verify.js';
import { testBackend, type TestBackend, withNewUser } from '../support/backend.js';

/** Words no template writes on its own: each parameter gets its own, numbers a thousands separator. */
function sampleParams(key: string): Record<string, string | number> {
  const names = [...AUDIT_TEXTS.en[key].matchAll(/\{\{\s*(\w+)\s*(,\s*raw)?/g)];
  return Object.fromEntries(names.map(([, name, raw], i) => [name, raw ? 12034 + i : i % 2 ? 5415 + i : `v_${name}`]));
}
const operationOf = (key: string) => `${key.split('.')[0]}.someOperation`;

describe('old audit summaries read back into their keys', () => {
  it('reads every template back into its key and parameters', () => {
    for (const key of Object.keys(AUDIT_TEXTS.en) as AuditTextKey[]) {
      const params = sampleParams(key);
      expect(parseAuditSummary(operationOf(key), audited(key, params).summary), key).toEqual({ key, params });
    }
  });

  it('takes the more specific template, numbers as numbers, and leaves words no template writes', () => {
    expect(parseAuditSummary('participation.setTarget', 'inherited → 1,250')).toEqual({
      key: 'participation.targetSetFromInherited',
      params: { after: 1250 },
    });
    expect(parseAuditSummary('users.update', 'updated kepala (password reset)')?.key).toBe(
      'users.updatedPasswordReset',
    );
    expect(parseAuditSummary('integrity.lke.answer', 'area 12: 85.5% → total 71.25')?.params).toEqual({
      item: 12,
      achievement: 85.5,
      total: 71.25,
    });
    // A place with spaces after a date reads several ways, all saying the same words in both languages.
    expect(
      parseAuditSummary('participation.deleteSession', 'deleted 2026-01-05 33.16.01.2001 Balai Desa Kamolan'),
    ).toEqual({
      key: 'participation.jemputBolaDeleted',
      params: { tanggal: '2026-01-05', desa: '33.16.01.2001', tempat: 'Balai Desa Kamolan' },
    });
    // …but not when a split would move a number whose separators the languages write differently.
    expect(parseAuditSummary('participation.deleteSession', 'deleted 2026-01-05 1,250 3,000 4,000')).toBeNull();
    expect(parseAuditSummary('users.create', 'user kepala created')).toBeNull();
    // A template of another feature does not read it: settings.changed says "a → b" too.
    expect(parseAuditSummary('census.sls.update', 'a → b')).toBeNull();
  });
});

async function withOldEntries(): Promise<TestBackend> {
  const backend = await withNewUser();
  await backend.call('users.update', { username: 'kepala', version: 1, password: 'rahasia-456' });
  await backend.call('settings.set', { key: 'census.targetLoadKk', value: 1250 });
  const db = backend.database.db;
  db.$client.transaction(() =>
    appendAudit(db, { actor: 'tester', operation: 'users.create', entity: 'user', summary: 'user lama created' }),
  )();
  return backend;
}

/** The file as a version before 0015_audit_summary_keys left it: no key columns, schema version 15. */
function asBeforeKeys(backend: TestBackend): void {
  const file = backend.database.file;
  backend.close();
  const raw = new Database(file);
  raw.exec('ALTER TABLE audit_log DROP COLUMN summary_key; ALTER TABLE audit_log DROP COLUMN summary_params;');
  raw.pragma('user_version = 15');
  raw.close();
}

describe('migration 0016 backfills the keys of entries written before 0015', () => {
  it('gives old entries their keys where the template reads them, keeps the rest, and the chain still verifies', async () => {
    const old = await withOldEntries();
    const hashesBefore = old.database.db.$client.prepare('SELECT id, summary, hash FROM audit_log ORDER BY id').all();
    asBeforeKeys(old);

    const migrated = testBackend(old.dir);
    const page = await migrated.call('audit.page', { offset: 0, limit: 50 });
    const rows = page.rows.sort((a, b) => a.id - b.id);
    const said = rows.map((r) => (r.summaryKey && auditText('id', r.summaryKey, r.summaryParams ?? {})) || r.summary);
    expect(said).toEqual([
      'membuat kepala sebagai pimpinan',
      'mengubah kepala (kata sandi disetel ulang)',
      '300 → 1250',
      'user lama created',
    ]);
    expect(rows.map((r) => r.summaryKey)).toEqual([
      'users.created',
      'users.updatedPasswordReset',
      'settings.changed',
      null,
    ]);
    expect(migrated.database.db.$client.prepare('SELECT id, summary, hash FROM audit_log ORDER BY id').all()).toEqual(
      hashesBefore,
    );
    expect(verifyAuditChain(migrated.database.db)).toMatchObject({ ok: true });
    expect(() => migrated.database.db.$client.exec("UPDATE audit_log SET summary = 'x'")).toThrow(/append-only/);
    migrated.close();
  });
});
