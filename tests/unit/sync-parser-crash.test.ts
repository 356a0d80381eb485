// Rule 6 when the parser itself fails (a thread that dies, a bug): the package is still recorded,
// as rejected, and nothing else changes. The parser thread is made to fail; the database is real.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { SAMPLES, seedSampleSlsMaster } from '../support/census-seed.js';
import { contentDump } from '../support/sync-state.js';

vi.mock('../../electron/features/sync/run-parse-worker.js', () => ({
  parsePackageInWorker: () => Promise.reject(new Error('the package parser stopped (exit 1)')),
}));

describe('field sync: a package that crashes the parser', () => {
  it('is recorded as rejected with the reason, and changes nothing else', async () => {
    const backend = await bloraBackend();
    await seedSampleSlsMaster(backend.database.db);
    const before = contentDump(backend.database.db);
    const file = path.join(SAMPLES, 'sync-rules/ok-base.spsync');
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result).toMatchObject({
      status: 'rejected',
      errors: [{ code: 'package.unreadable', params: { detail: 'the package parser stopped (exit 1)' } }],
    });
    expect(contentDump(backend.database.db)).toBe(before);
    const [last] = await backend.call('sync.imports', { limit: 1 });
    expect(last).toMatchObject({ id: result.importId, fileName: 'ok-base.spsync', status: 'rejected', errorCount: 1 });
    backend.close();
  });
});
