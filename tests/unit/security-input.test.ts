import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend.js';
import { seedRegisters } from '../support/integrity.js';

/** Every file under the data folder (the backups folder aside), relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ['backups', 'logs'].includes(entry.name) ? [] : filesUnder(full, base);
    return [path.relative(base, full)];
  });
}

const upload = (name: string, text: string) => ({ name, base64: Buffer.from(text).toString('base64') });
const asWindow = { trusted: false };

describe('uploads of a refused change', () => {
  it('a refused zi.pact.attachScan or zi.stage.advance leaves no file behind', async () => {
    const backend = testBackend();
    await seedRegisters(backend, 1, 5);
    const before = filesUnder(backend.dataDir);
    await expect(
      backend.call(
        'integrity.pact.attachScan',
        { pactIds: [999_999], scan: upload('pakta.pdf', 'a scan nobody keeps') },
        asWindow,
      ),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Out of order (no declaration yet), with two documents: refused as a whole.
    await expect(
      backend.call(
        'integrity.stage.advance',
        {
          opd: 'OPD-01',
          stage: 'pengusulan',
          date: '2026-02-01',
          documents: [upload('sk.pdf', 'one'), upload('lampiran.pdf', 'two')],
        },
        asWindow,
      ),
    ).rejects.toMatchObject({ code: 'REJECTED' });
    expect(filesUnder(backend.dataDir)).toEqual(before);
    // An accepted one keeps exactly its file.
    const [employee] = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    await backend.call('integrity.pact.sign', { opd: 'OPD-01', employeeIds: [employee.id], signedAt: '2026-01-10' });
    const pactId = (await backend.call('integrity.pegawai.list', { opd: 'OPD-01' }))[0].pactId!;
    await backend.call(
      'integrity.pact.attachScan',
      { pactIds: [pactId], scan: upload('pakta.pdf', 'the kept scan') },
      asWindow,
    );
    expect(filesUnder(backend.dataDir).filter((f) => !before.includes(f))).toEqual([
      expect.stringMatching(/^integrity\/[0-9a-f]{64}$/),
    ]);
    // The same scan refused again later does not remove the kept one.
    await expect(
      backend.call(
        'integrity.pact.attachScan',
        { pactIds: [999_999], scan: upload('again.pdf', 'the kept scan') },
        asWindow,
      ),
    ).rejects.toThrow();
    expect(await backend.call('backup.check', {})).toMatchObject({ ok: true, files: { checked: 1, problems: [] } });
  });
});

async function createUser(backend: TestBackend, displayName: string, password = 'rahasia-123') {
  return backend.call('users.create', {
    username: `u${Math.random().toString(36).slice(2, 8)}`,
    displayName,
    role: 'operator',
    password,
  });
}

describe('names and passwords', () => {
  it('display names refuse bidi overrides, NUL and other control characters, and keep real names of any script', async () => {
    const backend = testBackend();
    for (const [name, key] of [
      ['Admin\u202Egnp.exe', 'input.bidiCharacter'],
      ['Budi\u2066Kepala\u2069', 'input.bidiCharacter'],
      ['Budi\u0000', 'input.controlCharacter'],
      ['Budi\nKepala Kantor', 'input.controlCharacter'],
      ['Budi\u0085', 'input.controlCharacter'],
    ] as const) {
      await expect(createUser(backend, name), JSON.stringify(name)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        key,
        issues: [expect.objectContaining({ field: 'displayName' })],
      });
    }
    await expect(
      backend.call(
        'users.auth.setupAdmin',
        { username: 'kepala', displayName: 'Kepala\u202E', password: 'rahasia-123' },
        { actor: undefined },
      ),
    ).rejects.toMatchObject({
      key: 'input.bidiCharacter',
    });
    for (const name of ["Siti Nur'aini", 'محمد عبد الله', 'ꦱꦶꦠꦶ ꦤꦸꦂ', 'Ni Luh Putu Ayu 🌺'])
      expect((await createUser(backend, name)).displayName).toBe(name);
    await expect(createUser(backend, '🌺'.repeat(101))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect((await createUser(backend, '🌺'.repeat(100))).displayName).toHaveLength(200); // 100 characters, 200 UTF-16 units
  });

  it('password length is counted in characters as a person sees them, not UTF-16 units', async () => {
    const backend = testBackend();
    for (const password of ['😀😁😂🤣', '👨‍👩‍👧‍👦'.repeat(7), 'e\u0301'.repeat(7), 'pendek']) {
      await expect(createUser(backend, 'X', password), password).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        key: 'users.passwordTooShort',
        params: { min: 8 },
      });
    }
    for (const password of ['😀😁😂🤣😃😄😅😆', 'e\u0301'.repeat(8), 'kata-sandi'])
      expect(await createUser(backend, 'X', password)).toMatchObject({ role: 'operator' });
  });
});
