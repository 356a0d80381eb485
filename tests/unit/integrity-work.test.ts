import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { seedRegisters } from '../support/integrity.js';
import { exportBytes } from '../support/exports.js';
import type { OpInput } from '../../electron/api/types.js';

const TIMZI = { actor: { username: 'tim', role: 'timzi' as const } };

async function setup() {
  const backend = await bloraBackend();
  const registers = await seedRegisters(backend, 3, 20);
  return { backend, ...registers };
}

function scan(dir: string, name: string, text: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('declarations and pacts', () => {
  it('a declaration with witnesses starts the stage; ticking employees signs them at once and raises the percentage', async () => {
    const { backend } = await setup();
    const doc = scan(backend.dir, 'deklarasi.pdf', '%PDF-1.4 declaration');
    const event = await backend.call(
      'integrity.declaration.create',
      {
        date: '2026-01-15',
        place: 'Pendopo Kabupaten',
        opd: ['OPD-01', 'OPD-02'],
        witnesses: [
          { nama: 'H. Arief Rohman', jabatan: 'Bupati' },
          { nama: 'X', jabatan: 'Kajari' },
        ],
        document: { path: doc },
      },
      TIMZI,
    );
    expect(event).toMatchObject({ opd: 2, witnesses: 2, started: 2 });
    const [listed] = await backend.call('integrity.declaration.list', {});
    expect(listed.witnesses).toEqual([
      { nama: 'H. Arief Rohman', jabatan: 'Bupati' },
      { nama: 'X', jabatan: 'Kajari' },
    ]);
    expect((await backend.call('integrity.file.open', { fileId: listed.document!.id })).fileName).toBe('deklarasi.pdf');

    const employees = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    const ticked = employees.slice(0, 10).map((e) => e.id);
    const out = await backend.call(
      'integrity.pact.sign',
      { opd: 'OPD-01', employeeIds: ticked, signedAt: '2026-01-15', eventId: event.id },
      TIMZI,
    );
    expect(out).toEqual({ opd: 'OPD-01', signed: 10, alreadySigned: 0 });
    const again = await backend.call(
      'integrity.pact.sign',
      { opd: 'OPD-01', employeeIds: ticked.slice(0, 3), signedAt: '2026-01-16' },
      TIMZI,
    );
    expect(again).toMatchObject({ signed: 0, alreadySigned: 3 });
    const overview = await backend.call('integrity.opd.list', {});
    expect(overview[0]).toMatchObject({
      kode: 'OPD-01',
      pegawai: 20,
      signed: 10,
      signedPct: 50,
      rank: 1,
      stage: 'pencanangan',
    });
    expect(overview.find((o) => o.kode === 'OPD-03')).toMatchObject({ signed: 0, signedPct: 0, stage: null });
    backend.close();
  });

  it('refuses the whole batch when one ticked employee is not in the OPD, or the OPD was not at the event', async () => {
    const { backend } = await setup();
    const one = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    const other = await backend.call('integrity.pegawai.list', { opd: 'OPD-02' });
    await expect(
      backend.call('integrity.pact.sign', {
        opd: 'OPD-01',
        employeeIds: [one[0].id, other[0].id],
        signedAt: '2026-01-15',
      }),
    ).rejects.toMatchObject({
      code: 'REJECTED',
      key: 'integrity.pact.cannotSign',
      issues: [expect.objectContaining({ message: expect.stringContaining('is not a current employee of OPD-01') })],
    });
    const event = await backend.call('integrity.declaration.create', {
      date: '2026-01-15',
      place: 'Aula',
      opd: ['OPD-02'],
      witnesses: [],
    });
    await expect(
      backend.call('integrity.pact.sign', {
        opd: 'OPD-01',
        employeeIds: [one[0].id],
        signedAt: '2026-01-15',
        eventId: event.id,
      }),
    ).rejects.toMatchObject({
      key: 'integrity.pact.notInDeclaration',
      message: expect.stringMatching(/did not take part/),
    });
    expect((await backend.call('integrity.opd.list', {})).every((o) => o.signed === 0)).toBe(true);
    backend.close();
  });

  it('revoking and correcting keep the old pact with its reason, audited', async () => {
    const { backend } = await setup();
    const [e] = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    await backend.call('integrity.pact.sign', { opd: 'OPD-01', employeeIds: [e.id], signedAt: '2026-01-10' });
    const signed = (await backend.call('integrity.pegawai.list', { opd: 'OPD-01' }))[0];
    const corrected = await backend.call('integrity.pact.correct', {
      pactId: signed.pactId!,
      signedAt: '2026-01-12',
      eventId: null,
      reason: 'salah tanggal',
    });
    await backend.call('integrity.pact.revoke', { pactId: corrected.id, reason: 'orang yang salah' });
    const record = await backend.call('integrity.pegawai.get', { id: e.id });
    expect(record.pacts.map((p) => [p.status, p.signedAt, p.endReason])).toEqual([
      ['corrected', '2026-01-10', 'salah tanggal'],
      ['revoked', '2026-01-12', 'orang yang salah'],
    ]);
    await expect(backend.call('integrity.pact.revoke', { pactId: corrected.id, reason: 'lagi' })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    const audit = backend.database.sqlite
      .prepare("SELECT operation, summary FROM audit_log WHERE entity = 'pact' ORDER BY id")
      .all() as { operation: string }[];
    expect(audit.map((a) => a.operation)).toEqual([
      'integrity.pact.sign',
      'integrity.pact.correct',
      'integrity.pact.revoke',
    ]);
    expect((await backend.call('integrity.opd.list', {})).find((o) => o.kode === 'OPD-01')?.signed).toBe(0);
    backend.close();
  });

  it('a scan is kept by SHA-256 and refused on open once its bytes changed', async () => {
    const { backend } = await setup();
    const [e] = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    await backend.call(
      'integrity.pact.sign',
      {
        opd: 'OPD-01',
        employeeIds: [e.id],
        signedAt: '2026-01-10',
        scan: { name: 'halaman-1.png', base64: Buffer.from('PNG scan bytes').toString('base64') },
      },
      { trusted: false },
    );
    const pact = (await backend.call('integrity.pegawai.get', { id: e.id })).pacts[0];
    const opened = await backend.call('integrity.file.open', { fileId: pact.scanId! });
    expect(exportBytes(backend, opened).toString()).toBe('PNG scan bytes');
    const kept = path.join(backend.dataDir, 'integrity', opened.sha256);
    expect(fs.existsSync(kept)).toBe(true);
    fs.writeFileSync(kept, 'tampered');
    await expect(backend.call('integrity.file.open', { fileId: pact.scanId! })).rejects.toThrow(
      /no longer matches its recorded SHA-256/,
    );
    fs.rmSync(kept);
    await expect(backend.call('integrity.file.open', { fileId: pact.scanId! })).rejects.toThrow(/missing/);
    backend.close();
  });

  it('pendopo check proves the kept scans: a tampered one is reported as changed', async () => {
    const { backend } = await setup();
    const [e] = await backend.call('integrity.pegawai.list', { opd: 'OPD-01' });
    await backend.call(
      'integrity.pact.sign',
      {
        opd: 'OPD-01',
        employeeIds: [e.id],
        signedAt: '2026-01-10',
        scan: { path: scan(backend.dir, 'pakta.pdf', '%PDF signed pact') },
      },
      TIMZI,
    );
    const sha256 = (
      await backend.call('integrity.file.open', {
        fileId: (await backend.call('integrity.pegawai.get', { id: e.id })).pacts[0].scanId!,
      })
    ).sha256;
    const clean = await backend.call('backup.check', {});
    expect(clean).toMatchObject({ ok: true, files: { checked: 1, problems: [] } });

    fs.writeFileSync(path.join(backend.dataDir, 'integrity', sha256), '%PDF forged pact');
    const report = await backend.call('backup.check', {});
    expect(report.ok).toBe(false);
    expect(report.files.problems).toEqual([{ path: `integrity/${sha256}`, problem: 'changed' }]);
    backend.close();
  });

  it('a scan attached after signing reaches every chosen pact', async () => {
    const { backend } = await setup();
    const ids = (await backend.call('integrity.pegawai.list', { opd: 'OPD-02' })).slice(0, 3).map((e) => e.id);
    await backend.call('integrity.pact.sign', { opd: 'OPD-02', employeeIds: ids, signedAt: '2026-01-10' });
    const pactIds = (await backend.call('integrity.pegawai.list', { opd: 'OPD-02' }))
      .filter((e) => e.pactId)
      .map((e) => e.pactId!);
    const out = await backend.call('integrity.pact.attachScan', {
      pactIds,
      scan: { path: scan(backend.dir, 'lembar.pdf', '%PDF scan of 3 signatures') },
    });
    expect(out.pacts).toBe(3);
    for (const id of ids) {
      const [pact] = (await backend.call('integrity.pegawai.get', { id })).pacts;
      expect(pact.scanId).toBe(out.scanId);
    }
    expect((await backend.call('integrity.file.open', { fileId: out.scanId })).fileName).toBe('lembar.pdf');
    backend.close();
  });

  it('new employees since the declaration who have not signed are listed', async () => {
    const { backend, people } = await setup();
    await backend.call('integrity.declaration.create', {
      date: '2026-01-15',
      place: 'Aula',
      opd: ['OPD-01'],
      witnesses: [],
    });
    const lines = [...people, { nip: '199001012015011001', nama: 'Pegawai Pindahan', opd: 'OPD-01' }].map(
      (p) => `${p.nip};${p.nama};Staf;${p.opd};${p.nip ? 'PNS' : 'NON-ASN'}`,
    );
    fs.writeFileSync(path.join(backend.dir, 'p2.csv'), ['nip;nama;jabatan;unit_kerja;status', ...lines].join('\n'));
    await backend.call('integrity.pegawai.import', {
      file: { path: path.join(backend.dir, 'p2.csv') },
      date: '2026-02-01',
    });
    const detail = await backend.call('integrity.opd.detail', { kode: 'OPD-01' });
    expect(detail.declaredAt).toBe('2026-01-15');
    expect(detail.newUnsigned.map((id) => detail.employees.find((e) => e.id === id)?.nama)).toEqual([
      'Pegawai Pindahan',
    ]);
    backend.close();
  });
});

describe('stages and requirements', () => {
  it('go in order only, keep the history, and gate pengusulan on WTP and SAKIP ≥ CC', async () => {
    const { backend } = await setup();
    const step = (stage: OpInput<'integrity.stage.advance'>['stage'], date: string, extra: object = {}) =>
      backend.call('integrity.stage.advance', { opd: 'OPD-01', stage, date, ...extra }, TIMZI);
    await expect(step('pembangunan', '2026-01-01')).rejects.toMatchObject({
      key: 'integrity.stage.outOfOrder',
      params: { current: 'none', stage: 'pembangunan', allowed: 'pencanangan' },
    });
    await step('pencanangan', '2026-01-15');
    await expect(step('pengusulan', '2026-02-01')).rejects.toMatchObject({
      key: 'integrity.stage.outOfOrder',
      params: { current: 'pencanangan', stage: 'pengusulan' },
    });
    await step('pembangunan', '2026-02-01');
    await expect(step('penilaian_internal', '2026-03-01')).rejects.toThrow(/TPI score/);
    await step('penilaian_internal', '2026-03-01', { tpiScore: 78.5 });

    await expect(step('pengusulan', '2026-04-01')).rejects.toMatchObject({
      key: 'integrity.stage.requirementsNotMet',
      params: { opd: 'OPD-01', year: 2026 },
      issues: [
        { key: 'integrity.requirement.auditOpinionMissing', params: { year: 2026 } },
        { key: 'integrity.requirement.sakipGradeMissing', params: { year: 2026 } },
      ],
    });
    let req = await backend.call(
      'integrity.requirements.set',
      { opd: 'OPD-01', year: 2026, auditOpinion: 'WTP', sakipGrade: 'C', version: 0 },
      TIMZI,
    );
    await expect(step('pengusulan', '2026-04-01')).rejects.toMatchObject({
      issues: [{ key: 'integrity.requirement.sakipGrade', params: { year: 2026, value: 'C' } }],
    });
    await expect(
      backend.call('integrity.requirements.set', {
        opd: 'OPD-01',
        year: 2026,
        auditOpinion: 'WDP',
        sakipGrade: 'CC',
        version: 0,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    req = await backend.call('integrity.requirements.set', {
      opd: 'OPD-01',
      year: 2026,
      auditOpinion: 'WDP',
      sakipGrade: 'CC',
      version: req.version,
    });
    await expect(step('pengusulan', '2026-04-01')).rejects.toMatchObject({
      issues: [{ key: 'integrity.requirement.auditOpinion', params: { year: 2026, value: 'WDP' } }],
    });
    req = await backend.call('integrity.requirements.set', {
      opd: 'OPD-01',
      year: 2026,
      auditOpinion: 'WTP',
      sakipGrade: 'CC',
      version: req.version,
    });
    expect(req.met).toBe(true);
    await step('pengusulan', '2026-04-01');
    await step('evaluasi_tpn', '2026-06-01');
    await step('perbaikan', '2026-08-01', { note: 'LKE kurang' });
    await step('pembangunan', '2026-08-02');
    await step('penilaian_internal', '2026-09-01', { tpiScore: 81 });
    await step('pengusulan', '2026-09-15');
    await step('evaluasi_tpn', '2026-10-01');
    await expect(step('ditetapkan', '2026-11-01')).rejects.toThrow(/decree number/);
    await step('ditetapkan', '2026-11-01', {
      predicate: 'WBK',
      decreeNumber: 'B/123/M.RB.06/2026',
      decreeDate: '2026-10-30',
    });

    const history = await backend.call('integrity.stage.history', { opd: 'OPD-01' });
    expect(history.history.map((h) => h.stage)).toEqual([
      'pencanangan',
      'pembangunan',
      'penilaian_internal',
      'pengusulan',
      'evaluasi_tpn',
      'perbaikan',
      'pembangunan',
      'penilaian_internal',
      'pengusulan',
      'evaluasi_tpn',
      'ditetapkan',
    ]);
    expect(history.history.at(-1)).toMatchObject({
      predicate: 'WBK',
      decreeNumber: 'B/123/M.RB.06/2026',
      decreeDate: '2026-10-30',
    });
    expect(history.next).toEqual(['pembangunan']);
    backend.close();
  });
});

describe('LKE worksheet', () => {
  it('is seeded with the 90/2021 weights; totals and pass marks follow the data an admin edits', async () => {
    const { backend } = await setup();
    const model = await backend.call('integrity.lke.model', {});
    expect(model.items.filter((i) => i.part === 'pengungkit').reduce((s, i) => s + i.weight, 0)).toBe(60);
    expect(model.items.filter((i) => i.part === 'hasil').map((i) => i.weight)).toEqual([22.5, 17.5]);
    expect(model.passMarks.map((m) => [m.predicate, m.minTotal, m.minPengungkit])).toEqual([
      ['WBK', 75, 40],
      ['WBBM', 85, 48],
    ]);

    let sheet = await backend.call('integrity.lke.sheet', { opd: 'OPD-01', year: 2026 });
    for (const row of sheet.rows) {
      sheet = await backend.call(
        'integrity.lke.answer',
        { opd: 'OPD-01', year: 2026, itemId: row.itemId, achievement: 80, note: 'ok', version: 0 },
        TIMZI,
      );
    }
    expect([sheet.pengungkit, sheet.hasil, sheet.total]).toEqual([48, 32, 80]);
    expect(sheet.passMarks.map((m) => [m.predicate, m.passed])).toEqual([
      ['WBK', true],
      ['WBBM', false],
    ]);
    await expect(
      backend.call('integrity.lke.answer', {
        opd: 'OPD-01',
        year: 2026,
        itemId: sheet.rows[0].itemId,
        achievement: 90,
        note: '',
        version: 0,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });

    const supervision = model.items.find((i) => i.code === 'penguatan_pengawasan')!;
    await expect(
      backend.call(
        'integrity.lke.updateItem',
        { id: supervision.id, nama: supervision.nama, weight: 20, version: 1 },
        TIMZI,
      ),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await backend.call('integrity.lke.updateItem', {
      id: supervision.id,
      nama: supervision.nama,
      weight: 20,
      version: 1,
    });
    await backend.call('integrity.lke.updatePassMark', {
      predicate: 'WBK',
      minTotal: 85,
      minPengungkit: 40,
      version: 1,
    });
    sheet = await backend.call('integrity.lke.sheet', { opd: 'OPD-01', year: 2026 });
    expect(sheet.total).toBe(84);
    expect(sheet.passMarks.find((m) => m.predicate === 'WBK')?.passed).toBe(false);

    await backend.call('integrity.lke.addEvidence', {
      opd: 'OPD-01',
      year: 2026,
      itemId: supervision.id,
      files: [{ path: scan(backend.dir, 'sk-tim.pdf', 'SK') }],
    });
    sheet = await backend.call('integrity.lke.sheet', { opd: 'OPD-01', year: 2026 });
    expect(sheet.rows.find((r) => r.itemId === supervision.id)?.evidence.map((e) => e.name)).toEqual(['sk-tim.pdf']);
    backend.close();
  });
});

describe('ASN SP Online participation', () => {
  it('marks from a NIP list or ticks, counts ASN only, ranks OPD against 100%', async () => {
    const { backend, people } = await setup();
    const asnOf = (opd: string) => people.filter((p) => p.opd === opd && p.nip);
    await backend.call('integrity.asn.spOnline.mark', { nips: asnOf('OPD-02').map((p) => p.nip), date: '2020-06-20' });
    await backend.call('integrity.asn.spOnline.mark', {
      nips: asnOf('OPD-01')
        .slice(0, 8)
        .map((p) => p.nip),
      date: '2020-06-21',
    });
    const again = await backend.call('integrity.asn.spOnline.mark', {
      nips: asnOf('OPD-01')
        .slice(0, 2)
        .map((p) => p.nip),
    });
    expect(again).toMatchObject({ changed: 0, unchanged: 2 });
    const result = await backend.call('integrity.asn.participation', {});
    expect(result.rows.map((r) => [r.kode, r.asn, r.done, r.ratePct, r.rank])).toEqual([
      ['OPD-02', 16, 16, 100, 1],
      ['OPD-01', 16, 8, 50, 2],
      ['OPD-03', 16, 0, 0, 3],
    ]);
    expect(result.total).toEqual({ asn: 48, done: 24, ratePct: 50 });

    const nonAsn = (await backend.call('integrity.pegawai.list', { opd: 'OPD-03' })).find(
      (e) => e.status === 'NON-ASN',
    )!;
    await expect(backend.call('integrity.asn.spOnline.mark', { employeeIds: [nonAsn.id] })).rejects.toMatchObject({
      key: 'integrity.asn.cannotMark',
      issues: [expect.objectContaining({ key: 'integrity.asn.nonAsn' })],
    });
    await expect(
      backend.call('integrity.asn.spOnline.mark', { nips: [asnOf('OPD-03')[0].nip, '199901012020011999'] }),
    ).rejects.toThrow(/19990101\*{8}99/);
    expect((await backend.call('integrity.asn.participation', {})).total.done).toBe(24);
    backend.close();
  });
});
