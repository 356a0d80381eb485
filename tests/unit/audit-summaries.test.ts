import { describe, expect, it } from 'vitest';
import { AUDIT_TEXTS, auditText } from '../../common/audit-texts/index.js';
import { verifyAuditChain } from '../../electron/features/audit/verify.js';
import { testBackend, type TestBackend, withNewUser } from '../support/backend.js';
import { tamper } from '../support/tamper.js';

/** The summary as the Indonesian audit screen says it (the server's key and params, rendered as the renderer does). */
async function saidInIndonesian(backend: TestBackend): Promise<string> {
  const [row] = (await backend.call('audit.page', { offset: 0, limit: 1, filter: { operation: 'users.create' } })).rows;
  return (row.summaryKey && auditText('id', row.summaryKey, row.summaryParams ?? {})) || row.summary;
}

describe('audit summaries in the UI language', () => {
  it('stores the hashed English words and says them in Indonesian', async () => {
    const backend = await withNewUser();
    const [row] = (await backend.call('audit.list', { operation: 'users.create' })).rows;
    expect(row.summary).toBe('created kepala as pimpinan');
    expect(await saidInIndonesian(backend)).toBe('membuat kepala sebagai pimpinan');
    expect(verifyAuditChain(backend.database.db)).toMatchObject({ ok: true });
  });

  it('shows the stored English when the unhashed parameters were changed, and the chain still verifies', async () => {
    const backend = await withNewUser();
    tamper(backend, `UPDATE audit_log SET summary_params = '{"username":"penyusup","role":"admin"}'`);
    const reopened = testBackend(backend.dir);
    expect(await saidInIndonesian(reopened)).toBe('created kepala as pimpinan');
    expect(verifyAuditChain(reopened.database.db)).toMatchObject({ ok: true });
  });

  it('shows the stored English when the unhashed key was changed', async () => {
    const backend = await withNewUser();
    tamper(backend, "UPDATE audit_log SET summary_key = 'users.firstAdmin', summary_params = '{}'");
    const reopened = testBackend(backend.dir);
    expect(await saidInIndonesian(reopened)).toBe('created kepala as pimpinan');
    expect(verifyAuditChain(reopened.database.db)).toMatchObject({ ok: true });
  });

  it('still reports the chain broken when the hashed summary was changed to match forged parameters', async () => {
    const backend = await withNewUser();
    tamper(
      backend,
      `UPDATE audit_log SET summary = 'created penyusup as admin', summary_params = '{"username":"penyusup","role":"admin"}'`,
    );
    expect(verifyAuditChain(testBackend(backend.dir).database.db)).toMatchObject({ ok: false, broken: { id: 1 } });
  });

  it('shows entries without a key (written before keys existed) as stored', async () => {
    const backend = await withNewUser();
    tamper(backend, 'UPDATE audit_log SET summary_key = NULL, summary_params = NULL');
    expect(await saidInIndonesian(testBackend(backend.dir))).toBe('created kepala as pimpinan');
  });

  it('has every summary in both languages with the same parameters', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
    expect(Object.keys(AUDIT_TEXTS.id).sort()).toEqual(Object.keys(AUDIT_TEXTS.en).sort());
    for (const [key, english] of Object.entries(AUDIT_TEXTS.en))
      expect(placeholders(AUDIT_TEXTS.id[key]), key).toEqual(placeholders(english));
  });
});
