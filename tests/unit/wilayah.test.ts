import { describe, expect, it } from 'vitest';
import { bloraBackend, testBackend } from '../support/backend.js';

describe('office setup from idn-area-data', () => {
  it('loads Kabupaten Blora: 16 kecamatan and 295 villages', async () => {
    const backend = testBackend();
    const result = await backend.call('wilayah.office.setup', { kabupaten: '33.16' });
    expect(result).toMatchObject({
      kabupaten: '33.16',
      nama: 'KABUPATEN BLORA',
      kecamatan: 16,
      desa: 295,
      created: true,
    });
    const kecamatan = await backend.call('wilayah.kecamatan', {});
    expect(kecamatan).toHaveLength(16);
    expect(kecamatan.reduce((sum, k) => sum + k.desa + k.kelurahan, 0)).toBe(295);
    const villages = await backend.call('wilayah.desa', { kecamatan: '33.16.01' });
    expect(villages.every((v) => v.kecamatanKode === '33.16.01')).toBe(true);
    expect(villages.find((v) => v.kode === '33.16.01.2001')?.jenis).toBe('desa');
    backend.close();
  });

  it('is idempotent for the same regency and refuses a different one', async () => {
    const backend = await bloraBackend();
    const again = await backend.call('wilayah.office.setup', { kabupaten: '33.16' });
    expect(again.created).toBe(false);
    expect((await backend.call('wilayah.desa', {})).length).toBe(295);
    await expect(backend.call('wilayah.office.setup', { kabupaten: '33.17' })).rejects.toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('already belongs to regency 33.16'),
      key: 'wilayah.otherRegency',
      params: { existing: '33.16', wanted: '33.17' },
    });
    backend.close();
  });

  it('refuses an unknown code and changes nothing', async () => {
    const backend = testBackend();
    await expect(backend.call('wilayah.office.setup', { kabupaten: '99.99' })).rejects.toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('Unknown regency code 99.99'),
      key: 'wilayah.unknownRegency',
    });
    expect(await backend.call('wilayah.office.get', {})).toBeNull();
    const audit = backend.database.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(audit.n).toBe(0);
    backend.close();
  });

  it('finds regencies by name, case-insensitively', async () => {
    const backend = testBackend();
    const found = await backend.call('wilayah.office.searchKabupaten', { query: 'BLORA' });
    expect(found.map((r) => r.kode)).toEqual(['33.16']);
    backend.close();
  });

  it('records the setup in the audit log', async () => {
    const backend = await bloraBackend();
    const rows = backend.database.sqlite.prepare('SELECT actor, operation, entity, entity_id FROM audit_log').all();
    expect(rows).toEqual([
      { actor: 'tester', operation: 'wilayah.office.setup', entity: 'office', entity_id: '33.16' },
    ]);
    backend.close();
  });
});
