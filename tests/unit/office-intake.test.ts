// Office mode keeps answering while a large spreadsheet is read: the reading happens in the reader
// thread, not in the thread that serves requests and owns the database.
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { runCliInProcess } from '../support/cli.js';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../support/http-session.js';
import { startOfficeProcess, tempDir } from '../support/office-process.js';

const PASSWORD = 'rahasia-kantor-1';
const ROWS = 150_000;

/** An SLS master of ROWS rows as an .xlsx (inline strings, as some exporters write them). */
function bigWorkbook(): Promise<Buffer> {
  const cells = (r: number, values: string[]) =>
    values.map((v, i) => `<c r="${'ABCD'[i]}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('');
  const rows = [`<row r="1">${cells(1, ['sls_id', 'kode_desa', 'nama_sls', 'perkiraan_kk'])}</row>`];
  // Every id names another village than its kode_desa: the file is read whole, then refused.
  for (let r = 2; r <= ROWS + 1; r++)
    rows.push(
      `<row r="${r}">${cells(r, [`33160120${String(r).padStart(8, '0')}`, '33.16.02.2001', `RT ${r}`, '40'])}</row>`,
    );
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="sls" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/workbook.xml',
  );
  zip.addBuffer(
    Buffer.from(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/_rels/workbook.xml.rels',
  );
  zip.addBuffer(
    Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    ),
    'xl/worksheets/sheet1.xml',
  );
  zip.end();
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts)));
  });
}

describe('office mode while a spreadsheet is read', () => {
  it('answers other requests throughout a large upload', async () => {
    const dir = tempDir();
    const dbFile = path.join(dir, 'pendopo.db');
    expect(
      (
        await runCliInProcess(
          ['--db', dbFile, 'user', 'add', '--username', 'admin', '--role', 'admin', '--name', 'Admin'],
          { env: { PENDOPO_PASSWORD: PASSWORD } },
        )
      ).code,
    ).toBe(0);
    expect((await runCliInProcess(['--db', dbFile, 'init', '--kabupaten', '33.16'])).code).toBe(0);
    const bytes = await bigWorkbook();
    fs.writeFileSync(path.join(dir, 'sls.xlsx'), bytes);
    const office = await startOfficeProcess(dir);
    try {
      const clerk = httpClient(office.url);
      expect((await clerk.login('admin', PASSWORD)).last.ok).toBe(true);
      let importing = true;
      const upload = clerk
        .post('census.sls.import', { file: { name: 'sls.xlsx', base64: bytes.toString('base64') } })
        .finally(() => (importing = false));
      // A second workstation keeps reading the regency's kecamatan meanwhile.
      const other = httpClient(office.url);
      expect((await other.login('admin', PASSWORD)).last.ok).toBe(true);
      let answeredDuring = 0;
      while (importing) {
        const answer = await other.post('wilayah.kecamatan', {});
        expect(answer.last.ok).toBe(true);
        if (importing) answeredDuring++;
        await new Promise((r) => setTimeout(r, 20));
      }
      const result = await upload;
      expect(result.last).toMatchObject({
        ok: false,
        error: { code: 'REJECTED', key: 'files.rejected', params: { count: ROWS } },
      });
      console.log(`${answeredDuring} requests answered while a ${ROWS}-row .xlsx was imported`);
      expect(answeredDuring).toBeGreaterThanOrEqual(5);
    } finally {
      await office.stop();
    }
  });
});
