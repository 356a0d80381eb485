import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { maskNip } from '../../common/nip.js';
import { bloraBackend } from '../support/backend.js';
import { seedRegisters, writeCsv } from '../support/integrity.js';
import { runCliInProcess } from '../support/cli.js';
import { tempDir } from '../support/office-process.js';
import { pdfText } from '../support/pdf-text.js';
import { exportBytes } from '../support/exports.js';

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value)))));
  return cells.join('\n');
}

function expectNoFullNip(text: string, nips: string[]) {
  for (const nip of nips) expect(text).not.toContain(nip);
}

describe('NIP masking', () => {
  it('holds in every export (CSV, XLSX, PDF), error and the audit log, while the masked form is shown', async () => {
    const backend = await bloraBackend();
    const { people } = await seedRegisters(backend, 2, 15);
    const nips = people.map((p) => p.nip).filter(Boolean);
    await backend.call('integrity.pact.sign', { opd: 'OPD-01', nips: nips.slice(0, 5), signedAt: '2026-01-10' });
    await backend.call('integrity.asn.spOnline.mark', { nips: nips.slice(0, 5), date: '2020-06-20' });
    const bad = writeCsv(backend.dir, 'bad.csv', 'nip;nama;jabatan;unit_kerja;status', [
      `${nips[0]};A;;OPD-01;PNS`,
      `${nips[0]};B;;OPD-01;PNS`,
    ]);
    const error = await backend.call('integrity.pegawai.import', { file: { path: bad } }).catch((e: unknown) => e);
    const errorText = JSON.stringify(error);
    expect(errorText).toContain(maskNip(nips[0]));
    expectNoFullNip(errorText, nips);

    const csv = exportBytes(backend, await backend.call('integrity.export.pacts', { format: 'csv' })).toString();
    expect(csv.split('\n')[0]).toBe('opd_kode,opd_nama,nip_masked,nama,status,signed_at,event');
    expect(csv).toContain(`OPD-01,Dinas Nomor 1,${maskNip(nips[0])},Pegawai 0,signed,2026-01-10,`);
    expectNoFullNip(csv, nips);
    const xlsx = await xlsxText(exportBytes(backend, await backend.call('integrity.export.pacts', { format: 'xlsx' })));
    expect(xlsx).toContain(maskNip(nips[1]));
    expectNoFullNip(xlsx, nips);
    const overview = exportBytes(
      backend,
      await backend.call('integrity.export.integrity', { format: 'csv' }),
    ).toString();
    expectNoFullNip(overview, nips);
    const pdf = pdfText(exportBytes(backend, await backend.call('integrity.export.signatureList', { opd: 'OPD-01' })));
    expect(pdf).toContain(maskNip(nips[2]));
    expect(pdf).toContain('Pegawai 2');
    expectNoFullNip(pdf, nips);

    const audit = backend.database.sqlite.prepare('SELECT * FROM audit_log').all();
    expect(audit.length).toBeGreaterThan(3);
    expectNoFullNip(JSON.stringify(audit), nips);
    backend.close();
  });

  it('holds in the CLI: rejected imports, pact signing by NIP and exports', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'cli.db');
    const nip = '198503122010011001';
    await runCliInProcess(['--db', db, 'init', '--kabupaten', '33.16']);
    const opd = writeCsv(dir, 'opd.csv', 'kode;nama;jenis', ['OPD-01;Dinas Kesehatan;dinas']);
    expect((await runCliInProcess(['--db', db, 'import', 'opd', opd])).code).toBe(0);
    const bad = writeCsv(dir, 'bad.csv', 'nip;nama;jabatan;unit_kerja;status', [
      `${nip};Ani;;Dinas Kesehatan;PNS`,
      `${nip};Ani;;Dinas Kesehatan;PNS`,
    ]);
    const rejected = await runCliInProcess(['--db', db, '--json', 'import', 'pegawai', bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toContain('19850312********01');
    expect(rejected.stderr + rejected.stdout).not.toContain(nip);

    const good = writeCsv(dir, 'good.csv', 'nip;nama;jabatan;unit_kerja;status', [
      `${nip};Ani;;Dinas Kesehatan;PNS`,
      `;Budi;Satpam;OPD-01;NON-ASN`,
    ]);
    const imported = await runCliInProcess(['--db', db, '--json', 'import', 'pegawai', good]);
    expect(JSON.parse(imported.stdout)).toMatchObject({ added: 2 });
    const signed = await runCliInProcess([
      '--db',
      db,
      'pact',
      'sign',
      '--opd',
      'OPD-01',
      '--nip',
      nip,
      '--date',
      '2026-01-10',
    ]);
    expect(signed).toMatchObject({ code: 0, stdout: 'OPD-01: 1 signed, 0 already signed\n' });
    const unknown = await runCliInProcess([
      '--db',
      db,
      'pact',
      'sign',
      '--opd',
      'OPD-01',
      '--nip',
      '199001012015011001',
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('19900101********01');
    expect(unknown.stderr).not.toContain('199001012015011001');
    const exported = await runCliInProcess(['--db', db, 'export', 'pacts', '--opd', 'OPD-01', '--format', 'csv']);
    expect(exported.stdout.split('\n')).toEqual([
      'opd_kode,opd_nama,nip_masked,nama,status,signed_at,event',
      'OPD-01,Dinas Kesehatan,19850312********01,Ani,signed,2026-01-10,',
      'OPD-01,Dinas Kesehatan,,Budi,not_signed,,',
      '',
    ]);
    const overview = await runCliInProcess(['--db', db, 'export', 'integrity', '--format', 'csv']);
    expect(overview.stdout).toBe(
      'kode,nama,jenis,pegawai,signed,signed_pct,stage\nOPD-01,Dinas Kesehatan,dinas,2,1,50,\n',
    );
    const asn = await runCliInProcess(['--db', db, 'asn', 'sp-online', '--nip', nip, '--date', '2020-06-20']);
    expect(asn).toMatchObject({ code: 0, stdout: '1 marked, 0 unchanged\n' });
    const xlsxOut = path.join(dir, 'overview.xlsx');
    expect(
      (await runCliInProcess(['--db', db, 'export', 'integrity', '--format', 'xlsx', '--out', xlsxOut])).code,
    ).toBe(0);
  }, 120_000);
});
