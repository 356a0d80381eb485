import { afterEach, describe, expect, it } from 'vitest';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { snapshot, writeFile } from '../support/census.js';

let backend: TestBackend;
afterEach(() => backend?.close());

const SLS = ['3316012001000100', '3316012001000200', '3316012001000300', '3316022001000100'];

/** Three SLS in Jati (33.16.01), one in 33.16.02; a Koseka, two PML, three PPL in Jati, one inactive-to-be. */
async function smallOffice(): Promise<TestBackend> {
  const b = await bloraBackend();
  const slsFile = writeFile(b, 'sls.csv', [
    'sls_id,kode_desa,nama_sls,perkiraan_kk',
    `${SLS[0]},33.16.01.2001,RT 001,40`,
    `${SLS[1]},33.16.01.2001,RT 002,60`,
    `${SLS[2]},33.16.01.2001,RT 003,20`,
    `${SLS[3]},33.16.02.2001,RT 001,30`,
  ]);
  await b.call('census.sls.import', { file: { path: slsFile } });
  const officerFile = writeFile(b, 'o.csv', [
    'kode,nama,peran,kode_kecamatan,atasan,telepon',
    'K1,Koseka Jati,KOSEKA,33.16.01,,',
    'M1,Pml Satu,PML,33.16.01,K1,',
    'M2,Pml Dua,PML,33.16.01,K1,',
    'P1,Ppl Satu,PPL,33.16.01,M1,',
    'P2,Ppl Dua,PPL,33.16.01,M1,',
    'P3,Ppl Tiga,PPL,33.16.01,M2,',
  ]);
  await b.call('census.officers.import', { file: { path: officerFile } });
  return b;
}

const load = async (b: TestBackend, kode: string) =>
  (await b.call('census.officers.list', {})).find((o) => o.kode === kode)!;

describe('assignments', () => {
  it('assigns many SLS at once and the PPL load follows', async () => {
    backend = await smallOffice();
    const r = await backend.call('census.assignments.assign', { slsIds: SLS.slice(0, 3), officer: 'P1' });
    expect(r).toMatchObject({ assigned: 3, moved: 0, unchanged: 0, crossKecamatan: [] });
    expect(await load(backend, 'P1')).toMatchObject({ sls: 3, kk: 120 });
    expect(await load(backend, 'M1')).toMatchObject({ teamSize: 2 });
  });

  it('taking an SLS from another PPL ends the old assignment and keeps it in the history', async () => {
    backend = await smallOffice();
    await backend.call('census.assignments.assign', { slsIds: [SLS[0], SLS[1]], officer: 'P1' });
    const r = await backend.call('census.assignments.assign', {
      slsIds: [SLS[0]],
      officer: 'P2',
      reason: 'beban terlalu berat',
    });
    expect(r).toMatchObject({ assigned: 0, moved: 1 });
    const history = await backend.call('census.assignments.history', { slsId: SLS[0] });
    expect(history.map((h) => [h.officerCode, h.endDate === null, h.reason, h.endReason])).toEqual([
      ['P2', true, 'beban terlalu berat', null],
      ['P1', false, null, 'beban terlalu berat'],
    ]);
    expect(await load(backend, 'P1')).toMatchObject({ sls: 1, kk: 60 });
    const active = backend.database.sqlite
      .prepare('SELECT sls_id, count(*) AS n FROM assignments WHERE end_date IS NULL GROUP BY sls_id HAVING n > 1')
      .all();
    expect(active).toEqual([]);
    expect((await backend.call('census.assignments.history', { officer: 'P1' })).map((h) => h.slsId).sort()).toEqual([
      SLS[0],
      SLS[1],
    ]);
  });

  it('a move needs a reason: without one nothing changes; with one it is in the history and the audit trail', async () => {
    backend = await smallOffice();
    await backend.call('census.assignments.assign', { slsIds: [SLS[0], SLS[1]], officer: 'P1' });
    const before = snapshot(backend, 'assignments');
    await expect(
      backend.call('census.assignments.assign', { slsIds: [SLS[0], SLS[2]], officer: 'P2' }),
    ).rejects.toMatchObject({ code: 'REJECTED', key: 'census.assign.reasonRequired', params: { count: 1 } });
    expect(snapshot(backend, 'assignments')).toEqual(before);
    await backend.call('census.assignments.assign', {
      slsIds: [SLS[0]],
      officer: 'P2',
      reason: 'P1 mengundurkan diri',
    });
    expect((await backend.call('census.assignments.history', { slsId: SLS[0] }))[1].endReason).toBe(
      'P1 mengundurkan diri',
    );
    await backend.call('census.assignments.unassign', { slsIds: [SLS[1]], reason: 'SLS digabung' });
    expect((await backend.call('census.assignments.history', { slsId: SLS[1] }))[0].endReason).toBe('SLS digabung');
    const audit = backend.database.sqlite
      .prepare("SELECT summary FROM audit_log WHERE operation LIKE 'census.assignments.%' ORDER BY id")
      .all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual([
      expect.stringContaining('2 new'),
      expect.stringContaining('(P1 mengundurkan diri)'),
      expect.stringContaining('(SLS digabung)'),
    ]);
  });

  it('warns when an SLS lies outside the PPL’s home kecamatan', async () => {
    backend = await smallOffice();
    const r = await backend.call('census.assignments.assign', { slsIds: [SLS[0], SLS[3]], officer: 'P1' });
    expect(r.crossKecamatan).toEqual([SLS[3]]);
  });

  it('refuses a PML, an unknown SLS or an inactive PPL, and changes nothing', async () => {
    backend = await smallOffice();
    const before = snapshot(backend, 'assignments');
    await expect(backend.call('census.assignments.assign', { slsIds: [SLS[0]], officer: 'M1' })).rejects.toMatchObject({
      code: 'REJECTED',
      message: expect.stringContaining('only a PPL'),
      key: 'census.assignments.notPpl',
      params: { kode: 'M1', role: 'PML' },
    });
    await expect(
      backend.call('census.assignments.assign', { slsIds: [SLS[0], '3316012001009900'], officer: 'P1' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const p3 = await load(backend, 'P3');
    await backend.call('census.officers.update', { kode: 'P3', version: p3.version, aktif: false });
    await expect(backend.call('census.assignments.assign', { slsIds: [SLS[0]], officer: 'P3' })).rejects.toMatchObject({
      message: expect.stringContaining('inactive'),
    });
    expect(snapshot(backend, 'assignments')).toEqual(before);
  });

  it('unassigns many SLS, keeping the history', async () => {
    backend = await smallOffice();
    await backend.call('census.assignments.assign', { slsIds: SLS.slice(0, 3), officer: 'P1' });
    expect(await backend.call('census.assignments.unassign', { slsIds: [SLS[0], SLS[1], SLS[3]] })).toEqual({
      ended: 2,
      unchanged: 1,
    });
    expect(await load(backend, 'P1')).toMatchObject({ sls: 1, kk: 20 });
    expect(await backend.call('census.assignments.history', { officer: 'P1' })).toHaveLength(3);
  });
});

describe('replacement', () => {
  it('retiring a PPL moves every active SLS to the replacement with reason "pengganti"', async () => {
    backend = await smallOffice();
    await backend.call('census.assignments.assign', { slsIds: SLS.slice(0, 3), officer: 'P1' });
    await backend.call('census.assignments.assign', { slsIds: [SLS[2]], officer: 'P2', reason: 'dekat rumah' });
    const r = await backend.call('census.officers.retire', { kode: 'P1', replacement: 'P3' });
    expect(r).toEqual({ kode: 'P1', replacement: 'P3', movedSls: 2, movedTeam: 0 });
    expect(await load(backend, 'P1')).toMatchObject({ aktif: false, sls: 0 });
    expect(await load(backend, 'P3')).toMatchObject({ sls: 2, kk: 100 });
    const history = await backend.call('census.assignments.history', { slsId: SLS[0] });
    expect(history.map((h) => [h.officerCode, h.reason, h.endReason, h.endDate === null])).toEqual([
      ['P3', 'pengganti', null, true],
      ['P1', null, 'pengganti', false],
    ]);
    expect((await backend.call('census.assignments.history', { officer: 'P1' })).length).toBe(3);
  });

  it('retiring a PML moves the team under the replacement PML', async () => {
    backend = await smallOffice();
    expect(await backend.call('census.officers.retire', { kode: 'M1', replacement: 'M2' })).toMatchObject({
      movedTeam: 2,
    });
    expect(await load(backend, 'M2')).toMatchObject({ teamSize: 3 });
    expect((await load(backend, 'P1')).atasanKode).toBe('M2');
  });

  it('refuses without a replacement, with one of another role, or a deactivation that would strand SLS', async () => {
    backend = await smallOffice();
    await backend.call('census.assignments.assign', { slsIds: [SLS[0]], officer: 'P1' });
    const before = [snapshot(backend, 'assignments'), snapshot(backend, 'officers')];
    await expect(backend.call('census.officers.retire', { kode: 'P1' })).rejects.toMatchObject({
      message: expect.stringContaining('choose a replacement PPL'),
    });
    await expect(backend.call('census.officers.retire', { kode: 'P1', replacement: 'M1' })).rejects.toMatchObject({
      message: expect.stringContaining('must be replaced by a PPL'),
      key: 'census.officer.replacementRole',
    });
    const p1 = await load(backend, 'P1');
    await expect(
      backend.call('census.officers.update', { kode: 'P1', version: p1.version, aktif: false }),
    ).rejects.toMatchObject({ message: expect.stringContaining('retire them with a replacement') });
    expect([snapshot(backend, 'assignments'), snapshot(backend, 'officers')]).toEqual(before);
  });
});

describe('grid edits', () => {
  it('an SLS edit is validated like the importer and refused when the row moved meanwhile', async () => {
    backend = await smallOffice();
    const [row] = await backend.call('census.sls.list', { desa: '33.16.01.2001' });
    const edited = await backend.call('census.sls.update', {
      slsId: row.slsId,
      version: row.version,
      estimatedHouseholds: '55',
    });
    expect(edited).toMatchObject({ estimatedHouseholds: 55, version: row.version + 1 });
    await expect(
      backend.call('census.sls.update', { slsId: row.slsId, version: row.version, nama: 'RT 009' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      backend.call('census.sls.update', { slsId: row.slsId, version: edited.version, estimatedHouseholds: 2500 }),
    ).rejects.toMatchObject({
      code: 'REJECTED',
      key: 'files.cell.aboveMax',
      issues: [
        {
          field: 'perkiraan_kk',
          key: 'files.cell.aboveMax',
          params: { column: 'perkiraan_kk', value: '2500', max: 2000 },
        },
      ],
    });
    await expect(
      backend.call('census.sls.update', { slsId: row.slsId, version: edited.version, nama: '' }),
    ).rejects.toMatchObject({ issues: [{ field: 'nama_sls' }] });
  });

  it('an officer edit normalises the phone, checks the supervisor and the version', async () => {
    backend = await smallOffice();
    const p1 = await load(backend, 'P1');
    const edited = await backend.call('census.officers.update', {
      kode: 'P1',
      version: p1.version,
      telepon: '0812 3456 7890',
      atasanKode: 'M2',
    });
    expect(edited).toMatchObject({ telepon: '+6281234567890', atasanKode: 'M2' });
    await expect(
      backend.call('census.officers.update', { kode: 'P1', version: p1.version, nama: 'X' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      backend.call('census.officers.update', { kode: 'P1', version: edited.version, atasanKode: 'K1' }),
    ).rejects.toMatchObject({ issues: [{ field: 'atasan' }] });
    await expect(
      backend.call('census.officers.update', { kode: 'P1', version: edited.version, telepon: '12345' }),
    ).rejects.toMatchObject({ issues: [{ field: 'telepon' }] });
  });

  it('a pimpinan may read but not assign', async () => {
    backend = await smallOffice();
    const pimpinan = { username: 'kepala', role: 'pimpinan' as const };
    expect(await backend.call('census.sls.list', {}, { actor: pimpinan })).toHaveLength(4);
    await expect(
      backend.call('census.assignments.assign', { slsIds: [SLS[0]], officer: 'P1' }, { actor: pimpinan }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
