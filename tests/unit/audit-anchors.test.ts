import path from 'node:path';
import { runCliInProcess } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/features/audit/append.js';
import { restoreDatabase } from '../../electron/features/backup/restore.js';
import { bloraBackend, testBackend, type TestBackend } from '../support/backend.js';
import { pdfText } from '../support/pdf-text.js';
import { exportBytes } from '../support/exports.js';
import { tamper } from '../support/tamper.js';

const reopen = (backend: TestBackend) => testBackend(backend.dir);
const changes = async (backend: TestBackend, from: number, count: number) => {
  for (let value = from; value < from + count; value++)
    await backend.call('settings.set', { key: 'census.targetLoadKk', value });
};
const lastId = (backend: TestBackend) =>
  (backend.database.sqlite.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;

/** An office with history and two backups in its backups folder, the newest taken before the last few changes. */
async function officeWithBackups() {
  const backend = testBackend();
  await changes(backend, 301, 5);
  const first = await backend.call('backup.create', {});
  await changes(backend, 310, 5);
  // Backup names carry the second they were taken: wait for the next one.
  await new Promise((r) => setTimeout(r, 1100));
  const secondHead = lastId(backend); // a backup holds the chain up to just before its own entry
  const second = await backend.call('backup.create', {});
  await changes(backend, 320, 3);
  return { backend, first, second, secondHead };
}

describe('cutting off the newest audit entries', () => {
  it('is invisible to the chain itself but found by check against the head every backup carries', async () => {
    const { backend, second, secondHead } = await officeWithBackups();
    expect(await backend.call('backup.check', {})).toMatchObject({ ok: true, anchors: { checked: 2, problems: [] } });
    tamper(backend, `DELETE FROM audit_log WHERE id >= ${secondHead}`);
    const cut = reopen(backend);
    expect(await cut.call('audit.verify', {})).toMatchObject({ ok: true }); // a shorter chain is still a valid chain
    const check = await cut.call('backup.check', {});
    expect(check.ok).toBe(false);
    expect(check.anchors.problems).toEqual([
      {
        source: second.name,
        head: expect.stringMatching(new RegExp(`^${secondHead}:[0-9a-f]{64}$`)),
        problem: 'missing',
      },
    ]);
    const cli = await runCliInProcess(['--db', cut.database.file, 'check']);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`${second.name} (head ${secondHead}:`);
    expect(cli.stdout).toContain('newest entries were cut off');
  });

  it('an end cut off and re-written with valid hashes is found too', async () => {
    const { backend, second, secondHead } = await officeWithBackups();
    tamper(backend, `DELETE FROM audit_log WHERE id >= ${secondHead - 1}`);
    const forged = reopen(backend);
    // A forger who knows the (public) hash scheme appends entries of their own past the backup's head.
    forged.database.sqlite.transaction(() => {
      for (let i = 0; i < 6; i++)
        appendAudit(forged.database.db, {
          actor: 'tester',
          operation: 'settings.set',
          entity: 'setting',
          summary: `forged ${i}`,
        });
    })();
    expect(await forged.call('audit.verify', {})).toMatchObject({ ok: true });
    expect((await forged.call('backup.check', {})).anchors.problems).toEqual([
      expect.objectContaining({ source: second.name, problem: 'different' }),
    ]);
  });

  it('a restore is told apart from a truncation: backups of the chain it gave up are not flagged, later ones are', async () => {
    const { backend, first } = await officeWithBackups();
    backend.close();
    restoreDatabase(backend.database.file, path.join(backend.dataDir, 'backups', first.name), { actor: 'tester' });
    const restored = reopen(backend);
    expect(await restored.call('backup.check', {})).toMatchObject({ ok: true, anchors: { checked: 2, problems: [] } });
    await changes(restored, 400, 2);
    await new Promise((r) => setTimeout(r, 1100));
    const thirdHead = lastId(restored);
    const third = await restored.call('backup.create', {});
    tamper(restored, `DELETE FROM audit_log WHERE id >= ${thirdHead}`);
    expect((await reopen(restored).call('backup.check', {})).anchors.problems).toEqual([
      expect.objectContaining({ source: third.name, problem: 'missing' }),
    ]);
  });

  it('the daily report prints the head; check --head finds a cut made after it was printed', async () => {
    const backend = await bloraBackend();
    await changes(backend, 301, 4);
    const report = await backend.call('progress.dailyReport', {});
    const printed = /Kepala rantai audit: (\d+:[0-9a-f]{16})/.exec(pdfText(exportBytes(backend, report)))![1];
    expect(Number(printed.split(':')[0])).toBe(lastId(backend));
    expect(await backend.call('backup.check', { heads: [printed] })).toMatchObject({
      ok: true,
      anchors: { checked: 1, problems: [] },
    });
    await expect(backend.call('backup.check', { heads: ['12:abc'] })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      key: 'audit.badHead',
    });
    tamper(backend, `DELETE FROM audit_log WHERE id >= ${lastId(backend) - 1}`);
    const cut = reopen(backend);
    expect((await cut.call('backup.check', { heads: [printed] })).anchors.problems).toEqual([
      { source: 'given', head: printed, problem: 'missing' },
    ]);
    const cli = await runCliInProcess(['--db', cut.database.file, 'check', '--head', printed]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`given (head ${printed})`);
  });
});
