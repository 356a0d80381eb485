import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { importSamples } from '../support/census.js';
import { seedRegisters } from '../support/integrity.js';

/** A renderer module, loaded as the app loads it (the renderer's imports are not NodeNext's). */
const rendererModule = async (file: string) =>
  (await import(pathToFileURL(path.resolve('renderer/src', file)).href)) as Record<string, unknown>;

type Language = 'id' | 'en';
type Row = {
  operation: string;
  summary: string;
  summaryKey: string | null;
  summaryParams: Record<string, string | number> | null;
};

/** The audit screen's summary column in a language, with the renderer's own catalogues. */
async function screenSays(language: Language) {
  const { auditSummary } = (await rendererModule('features/settings/audit-summary.ts')) as {
    auditSummary: (row: Row, t: (key: string) => string, language: Language) => string;
  };
  const { MESSAGE_CATALOGUES } = (await rendererModule('i18n/index.ts')) as {
    MESSAGE_CATALOGUES: Record<Language, Record<string, string>>[];
  };
  const messages = Object.assign({}, ...MESSAGE_CATALOGUES.map((c) => c[language])) as Record<string, string>;
  return (row: Row) => auditSummary(row, (key) => messages[key] ?? `MISSING ${key}`, language);
}

describe('codes inside audit summaries are said by their labels', () => {
  it('says roles, ZI stages, OPD kinds and officer fields in words, days dd/mm/yyyy and setting values plainly, in both languages', async () => {
    const backend = await bloraBackend();
    await importSamples(backend);
    await seedRegisters(backend, 1, 2);
    await backend.call('users.create', {
      username: 'ani',
      displayName: 'Ani',
      role: 'operator',
      password: 'rahasia-123',
    });
    const [opd] = await backend.call('integrity.opd.list', {});
    await backend.call('integrity.opd.update', {
      kode: opd.kode,
      nama: opd.nama,
      jenis: 'instansi_vertikal',
      kepala: null,
      version: opd.version,
    });
    await backend.call('integrity.stage.advance', { opd: opd.kode, stage: 'pencanangan', date: '2026-01-15' });
    await backend.call('integrity.stage.advance', { opd: opd.kode, stage: 'pembangunan', date: '2026-02-01' });
    const officer = (await backend.call('census.officers.list', {})).find((o) => o.kode === 'PML-3316-0001')!;
    await backend.call('census.officers.update', {
      kode: officer.kode,
      version: officer.version,
      telepon: '081234567890',
      atasanKode: 'KSK-3316-001',
    });
    await backend.call('settings.set', { key: 'census.fieldStart', value: '2026-01-05' });
    await backend.call('settings.set', { key: 'census.quietDays', value: 14 });
    const rows = (await backend.call('audit.page', { offset: 0, limit: 500 })).rows;
    const wanted = [
      'users.create',
      'integrity.opd.update',
      'integrity.stage.advance',
      'census.officers.update',
      'settings.set',
    ];
    const chosen = rows.filter((r) => wanted.includes(r.operation)).sort((a, b) => a.id - b.id);

    const id = await screenSays('id');
    expect(chosen.map(id)).toEqual([
      'membuat ani sebagai Operator',
      `${opd.nama} → ${opd.nama}; Instansi vertikal; kepala -`,
      'belum ada → Pencanangan pada 15/01/2026',
      'Pencanangan → Pembangunan pada 01/02/2026',
      'mengubah Telepon, Atasan',
      '(kosong) → 05/01/2026',
      '3 → 14',
    ]);
    const en = await screenSays('en');
    expect(chosen.map(en)).toEqual([
      'created ani as Clerk',
      `${opd.nama} → ${opd.nama}; Central-government office; kepala -`,
      'none → Declaration on 15/01/2026',
      'Declaration → Building on 01/02/2026',
      'edited Phone, Supervisor',
      '(empty) → 05/01/2026',
      '3 → 14',
    ]);
    for (const said of [...chosen.map(id), ...chosen.map(en)])
      expect(said).not.toMatch(
        /operator|instansi_vertikal|pencanangan|pembangunan|telepon|atasanKode|MISSING|\d{4}-\d{2}|"/,
      );
    backend.close();
  });
});
