import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../electron/api/errors.js';
import { readTableFile } from '../../electron/files/table-file.js';
import { cell, IssueList, validateTable } from '../../electron/files/table-validate.js';
import { resolveFileSource } from '../../electron/files/file-source.js';
import { tempDir } from '../support/office-process.js';

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

const columns = {
  kode_desa: { schema: cell.desaCode() },
  kk: { schema: cell.integer(0) },
  catatan: { schema: z.string(), optional: true },
};

describe('office spreadsheets', () => {
  it('read the same rows from ; with BOM and CRLF, from , with LF, and from .xlsx', async () => {
    const semicolon = await readTableFile(write('a.csv', '\uFEFFKode_Desa;KK;extra\r\n33.16.01.2001;807;x\r\n33.16.01.2002;1269;y\r\n'));
    const comma = await readTableFile(write('b.csv', 'kk,kode_desa\n807,33.16.01.2001\n1269,33.16.01.2002'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['KODE_DESA', 'kk']);
    sheet.addRow(['33.16.01.2001', 807]);
    sheet.addRow(['33.16.01.2002', 1269]);
    const xlsx = await readTableFile(write('c.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())));
    for (const table of [semicolon, comma, xlsx]) {
      const issues = new IssueList();
      const rows = validateTable(table, columns, issues);
      expect(issues.items).toEqual([]);
      expect(rows.map((r) => [r.row, r.record.kode_desa, r.record.kk])).toEqual([
        [2, '33.16.01.2001', 807],
        [3, '33.16.01.2002', 1269],
      ]);
    }
  });

  it('name every bad cell by row, column and value, and a missing column', async () => {
    const table = await readTableFile(write('bad.csv', 'kode_desa;kk\n33.16.01.2001;-3\n3316012002;12\n33.16.01.2003;abc\n'));
    const issues = new IssueList();
    validateTable(table, columns, issues);
    expect(issues.items).toEqual([
      { line: 2, field: 'kk', message: 'expected a whole number (value "-3")' },
      { line: 3, field: 'kode_desa', message: 'expected a village code like 33.16.01.2001 (value "3316012002")' },
      { line: 4, field: 'kk', message: 'expected a whole number (value "abc")' },
    ]);
    expect(() => issues.throwIfAny('bad.csv')).toThrow(/bad.csv: 3 problems, nothing was imported \(first: row 2, kk: expected a whole number/);

    const noColumn = new IssueList();
    validateTable(await readTableFile(write('nokk.csv', 'kode_desa\n33.16.01.2001\n')), columns, noColumn);
    expect(noColumn.items).toEqual([{ line: 1, field: 'kk', message: 'required column "kk" is missing' }]);
  });

  it('refuse an empty file and a broken workbook', async () => {
    await expect(readTableFile(write('empty.csv', ''))).rejects.toMatchObject({ code: 'REJECTED', message: 'The file is empty' });
    await expect(readTableFile(write('broken.xlsx', Buffer.from('PK\u0003\u0004garbage')))).rejects.toBeInstanceOf(ApiError);
  });

  it('refuse a tiny workbook that claims a huge sheet, quickly', async () => {
    for (const [address, message] of [
      ['XFD1', 'The sheet has data beyond column 200'],
      ['A1048576', 'The sheet has data beyond row 200000'],
    ]) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('data');
      sheet.addRow(['kode_desa', 'kk']);
      sheet.getCell(address).value = 'x';
      const started = Date.now();
      await expect(readTableFile(write('huge.xlsx', Buffer.from(await workbook.xlsx.writeBuffer())))).rejects.toMatchObject({ code: 'REJECTED', message });
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });

  it('check real calendar dates', () => {
    expect(cell.date().safeParse('2020-02-29').success).toBe(true);
    expect(cell.date().safeParse('2021-02-29').success).toBe(false);
    expect(cell.date().safeParse('29/02/2020').success).toBe(false);
  });
});

describe('file sources', () => {
  it('let only trusted callers name a path; uploads land in the data folder and are cleaned up', () => {
    const dataDir = tempDir();
    const local = write('x.csv', 'a');
    expect(() => resolveFileSource({ path: local }, { trusted: false, dataDir })).toThrow(/Only the local command line may name a file path/);
    expect(resolveFileSource({ path: local }, { trusted: true, dataDir }).path).toBe(local);
    const upload = resolveFileSource({ name: 'C:\\Users\\clerk\\sls.csv', base64: Buffer.from('hello').toString('base64') }, { trusted: false, dataDir });
    expect(upload.name).toBe('sls.csv');
    expect(upload.path.startsWith(path.join(dataDir, 'incoming'))).toBe(true);
    expect(fs.readFileSync(upload.path, 'utf8')).toBe('hello');
    upload.cleanup();
    expect(fs.existsSync(upload.path)).toBe(false);
  });
});
