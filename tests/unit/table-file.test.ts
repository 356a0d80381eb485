import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readTableFile } from '../../electron/files/table-file.js';
import { cell, IssueList, validateTable, type Columns } from '../../electron/files/table-validate.js';
import { resolveFileSource } from '../../electron/files/file-source.js';
import { MAX_SHEET_ROWS } from '../../electron/files/xlsx-read.js';
import { tempDir } from '../support/office-process.js';

function write(name: string, content: string | Buffer | Uint8Array): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, content);
  return file;
}

const columns = {
  kode_desa: { schema: cell.desaCode(), code: 'code' },
  kk: { schema: cell.integer(0) },
  catatan: { schema: z.string(), optional: true },
} satisfies Columns;

async function validated(file: string, rules: Columns = columns) {
  const issues = new IssueList();
  const rows = validateTable(await readTableFile(file, { columns: Object.keys(rules) }), rules, issues);
  return {
    rows,
    issues: issues.items.map(({ line, field, key, params }) => ({ line, field, key, params })),
    notices: issues.notices.map((n) => n.key),
  };
}

const utf16 = (text: string, endian: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
};

async function workbook(rows: ExcelJS.CellValue[][], textColumns: number[] = []): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  for (const row of rows) sheet.addRow(row);
  for (const c of textColumns) sheet.getColumn(c).numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('office spreadsheets: the one reader', () => {
  it('reads the same rows from ; with BOM and CRLF, from , with LF, from UTF-16 "Unicode text" (tabs, LE and BE), and from .xlsx', async () => {
    const text = 'Kode_Desa\tKK\textra\r\n33.16.01.2001\t807\tx\r\n33.16.01.2002\t1269\ty\r\n';
    const files = [
      write('a.csv', '\uFEFFKode_Desa;KK;extra\r\n33.16.01.2001;807;x\r\n33.16.01.2002;1269;y\r\n'),
      write('b.csv', 'kk,kode_desa\n807,33.16.01.2001\n1269,33.16.01.2002'),
      write('c.txt', utf16(text, 'le')),
      write('d.txt', utf16(text, 'be')),
      write(
        'e.xlsx',
        await workbook([
          ['KODE_DESA', 'kk'],
          ['33.16.01.2001', 807],
          ['33.16.01.2002', 1269],
        ]),
      ),
    ];
    for (const file of files) {
      const { rows, issues, notices } = await validated(file);
      expect(issues, file).toEqual([]);
      expect(notices).toEqual([]);
      expect(rows.map((r) => [r.row, r.record.kode_desa, r.record.kk])).toEqual([
        [2, '33.16.01.2001', 807],
        [3, '33.16.01.2002', 1269],
      ]);
    }
  });

  it('decodes Windows-1252 correctly (curly apostrophes, é) and says it read it so', async () => {
    const bytes = Buffer.from(
      'nama;kode\nMa\x92ruf Hidayat;A1\nSiti Nur\x92aini;A2\nJos\xe9 \x93Pepe\x94 \x80;A3\n',
      'latin1',
    );
    const table = await readTableFile(write('cp1252.csv', bytes));
    expect(table.source).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';' });
    expect(table.rows.map((r) => r.values.nama)).toEqual(['Ma’ruf Hidayat', 'Siti Nur’aini', 'José “Pepe” €']);
    expect(table.rows.every((r) => !r.problems)).toBe(true);
    expect(table.notices.map((n) => n.key)).toEqual(['files.readAsWindows1252']);
    const utf8 = await readTableFile(write('utf8.csv', 'nama;kode\nMa’ruf Hidayat;A1\n'));
    expect([utf8.source.encoding, utf8.notices, utf8.rows[0].values.nama]).toEqual(['utf-8', [], 'Ma’ruf Hidayat']);
  });

  it('refuses invalid bytes, NUL, other control characters and lost letters, naming row and column', async () => {
    const rules = { nama: { schema: cell.text(1, 120) }, kode: { schema: cell.text(1, 10) } } satisfies Columns;
    const overlong = Buffer.concat([
      Buffer.from('nama;kode\nMa’ruf;A1\nSiti;A'),
      Buffer.from([0xc0, 0xaf]),
      Buffer.from('2\nBudi\u0000;A3\nDewi\u001b;A4\nSri;A6\n'),
    ]);
    const { rows, issues } = await validated(write('bad.csv', overlong), rules);
    expect(issues).toEqual([
      { line: 3, field: 'kode', key: 'files.cell.invalidBytes', params: expect.objectContaining({ column: 'kode' }) },
      {
        line: 4,
        field: 'nama',
        key: 'files.cell.controlCharacter',
        params: expect.objectContaining({ column: 'nama', code: 'U+0000' }),
      },
      {
        line: 5,
        field: 'nama',
        key: 'files.cell.controlCharacter',
        params: expect.objectContaining({ code: 'U+001B' }),
      },
    ]);
    expect(rows.map((r) => r.record.nama)).toEqual(['Ma’ruf', 'Sri']);
    // A letter some earlier program already lost: valid UTF-8, but the name is wrong.
    const lost = await validated(write('lost.csv', 'nama;kode\nAgus\uFFFDs;A5\n'), rules);
    expect(lost.issues).toEqual([
      {
        line: 2,
        field: 'nama',
        key: 'files.cell.replacementCharacter',
        params: expect.objectContaining({ value: 'Agus\uFFFDs' }),
      },
    ]);
    // A control character in a column no importer reads is no reason to refuse the file.
    const extra = await validated(write('extra.csv', 'nama;kode;catatan\nBudi;A1;x\u0007y\n'), rules);
    expect(extra.issues).toEqual([]);
  });

  it('refuses a code stored as a number (XLSX) or written in scientific notation (CSV), naming the column', async () => {
    const csv = await validated(write('sci.csv', 'kode_desa;kk\n3.316012001E+15;807\n33.16.01.2002;12\n'));
    expect(csv.issues).toEqual([
      {
        line: 2,
        field: 'kode_desa',
        key: 'files.codeAsNumber',
        params: expect.objectContaining({ column: 'kode_desa', value: '3.316012001E+15' }),
      },
    ]);
    const slsRules = {
      sls_id: { schema: z.string(), code: 'code' },
      kk: { schema: cell.integer(0) },
    } satisfies Columns;
    const numbers = await validated(
      write(
        'n.xlsx',
        await workbook([
          ['sls_id', 'kk'],
          [3316012001000100, 807],
          ['3316012001000200', 12],
        ]),
      ),
      slsRules,
    );
    expect(numbers.issues).toEqual([
      {
        line: 2,
        field: 'sls_id',
        key: 'files.codeAsNumber',
        params: expect.objectContaining({ column: 'sls_id', value: '3316012001000100' }),
      },
    ]);
    // Counts stored as numbers are what numbers are for.
    expect(numbers.rows).toEqual([{ row: 3, record: { sls_id: '3316012001000200', kk: 12 } }]);
  });

  it('puts back the leading 0 a phone lost in a Number column, and says so', async () => {
    const rules = { telepon: { schema: z.string(), code: 'phone' } } satisfies Columns;
    const xlsx = await validated(
      write('p.xlsx', await workbook([['telepon'], [82516843796], ['085094140823'], [6282968065573]])),
      rules,
    );
    expect(xlsx.issues).toEqual([]);
    expect(xlsx.rows.map((r) => r.record.telepon)).toEqual(['082516843796', '085094140823', '6282968065573']);
    expect(xlsx.notices).toEqual(['files.phoneZeroRestored']);
    const csv = await validated(write('p.csv', 'telepon\n82516843796\n8.25168E+10\n'), rules);
    expect(csv.rows.map((r) => r.record.telepon)).toEqual(['082516843796']);
    expect(csv.issues).toEqual([
      {
        line: 3,
        field: 'telepon',
        key: 'files.codeAsNumber',
        params: expect.objectContaining({ value: '8.25168E+10' }),
      },
    ]);
  });

  it('reads dates an .xlsx stores as date cells as YYYY-MM-DD', async () => {
    const rules = { tanggal: { schema: cell.date() } } satisfies Columns;
    const book = await workbook([['tanggal'], [new Date(Date.UTC(2020, 1, 15))], ['2020-02-16']]);
    expect((await validated(write('d.xlsx', book), rules)).rows.map((r) => r.record.tanggal)).toEqual([
      '2020-02-15',
      '2020-02-16',
    ]);
  });

  it('names every bad cell by row, column and value, and a missing column', async () => {
    const { issues } = await validated(
      write('bad.csv', 'kode_desa;kk\n33.16.01.2001;-3\n3316012002;12\n33.16.01.2003;abc\n'),
    );
    expect(issues).toEqual([
      { line: 2, field: 'kk', key: 'files.cell.wholeNumber', params: { column: 'kk', value: '-3' } },
      { line: 3, field: 'kode_desa', key: 'files.cell.desaCode', params: { column: 'kode_desa', value: '3316012002' } },
      { line: 4, field: 'kk', key: 'files.cell.wholeNumber', params: { column: 'kk', value: 'abc' } },
    ]);
    const list = new IssueList();
    validateTable(await readTableFile(write('bad2.csv', 'kode_desa;kk\n33.16.01.2001;-3\n')), columns, list);
    expect(() => list.throwIfAny()).toThrow(/1 problems, nothing was imported/);
    expect(list.items[0].message).toBe(
      '"-3" is not a whole number. Write digits only, without dots, commas or spaces (e.g. 1269).',
    );
    const noColumn = await validated(write('nokk.csv', 'kode_desa\n33.16.01.2001\n'));
    expect(noColumn.issues).toEqual([{ line: 1, field: 'kk', key: 'files.column.missing', params: { column: 'kk' } }]);
  });

  it('refuses an empty file and a broken workbook', async () => {
    await expect(readTableFile(write('empty.csv', ''))).rejects.toMatchObject({ code: 'REJECTED', key: 'files.empty' });
    await expect(readTableFile(write('broken.xlsx', Buffer.from('PK\u0003\u0004garbage')))).rejects.toMatchObject({
      code: 'REJECTED',
      key: 'files.xlsx.damaged',
    });
  });

  it('recognises .xls, .ods, .numbers and other files by their bytes and says to save as .xlsx or CSV (UTF-8)', async () => {
    const zipOf = (members: Record<string, string>) =>
      new Promise<Buffer>((resolve) => {
        const zip = new yazl.ZipFile();
        for (const [name, text] of Object.entries(members)) zip.addBuffer(Buffer.from(text), name);
        const chunks: Buffer[] = [];
        zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
        zip.end();
      });
    const cases: [string, Buffer, string][] = [
      [
        'sheet.csv',
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
        'files.format.xls',
      ],
      [
        'sheet.ods',
        await zipOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
        'files.format.ods',
      ],
      [
        'sheet.numbers',
        await zipOf({ 'Index/Document.iwa': 'x', 'Metadata/Properties.plist': 'x' }),
        'files.format.numbers',
      ],
      [
        'sheet.docx',
        await zipOf({ '[Content_Types].xml': '<x/>', 'word/document.xml': '<x/>' }),
        'files.format.document',
      ],
      ['sheet.zip', await zipOf({ 'sls.csv': 'a;b' }), 'files.format.archive'],
      ['sheet.xls', Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'), 'files.format.html'],
      ['sheet.pdf', Buffer.from('%PDF-1.7\n...'), 'files.format.document'],
      ['sheet.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'files.format.binary'],
    ];
    for (const [name, bytes, key] of cases) {
      const error = await readTableFile(write(name, bytes)).catch((e) => e);
      expect(error, name).toMatchObject({ code: 'REJECTED', key });
      expect(error.message, name).toMatch(/\.xlsx/);
    }
  });

  it('refuses a tiny workbook that claims a huge sheet', async () => {
    for (const [address, key] of [
      ['XFD1', 'files.tooManyColumns'],
      ['A1048576', 'files.tooManyRows'],
    ]) {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('data');
      sheet.addRow(['kode_desa', 'kk']);
      sheet.getCell(address).value = 'x';
      await expect(readTableFile(write('huge.xlsx', Buffer.from(await book.xlsx.writeBuffer())))).rejects.toMatchObject(
        { code: 'REJECTED', key },
      );
    }
  });

  it('refuses a sheet of 1,000,000 rows after reading no more than the limit', async () => {
    const rows: string[] = [
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ];
    for (let r = 1; r <= 1_000_000; r++)
      rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r % 997}</v></c></row>`);
    rows.push('</sheetData></worksheet>');
    const file = path.join(tempDir(), 'million.xlsx');
    await writeXlsx(file, Buffer.from(rows.join('')));
    const started = performance.now();
    await expect(readTableFile(file)).rejects.toMatchObject({
      code: 'REJECTED',
      key: 'files.tooManyRows',
      params: { limit: MAX_SHEET_ROWS },
    });
    console.log(
      `1,000,000-row sheet (${Math.round(fs.statSync(file).size / 1024)} KiB) refused in ${Math.round(performance.now() - started)} ms`,
    );
  });
});

/** A minimal workbook whose first sheet streams from `sheet` (and, optionally, shared strings). */
function writeXlsx(file: string, sheet: Buffer, sharedStrings?: Buffer): Promise<void> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/workbook.xml',
  );
  zip.addBuffer(
    Buffer.from(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
    ),
    'xl/_rels/workbook.xml.rels',
  );
  if (sharedStrings) zip.addBuffer(sharedStrings, 'xl/sharedStrings.xml');
  zip.addBuffer(sheet, 'xl/worksheets/sheet1.xml');
  zip.end();
  return new Promise((resolve, reject) =>
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject),
  );
}

describe('file sources', () => {
  it('let only trusted callers name a path; uploads land in the data folder and are cleaned up', () => {
    const dataDir = tempDir();
    const local = write('x.csv', 'a');
    expect(() => resolveFileSource({ path: local }, { trusted: false, dataDir })).toThrow(
      /Only the local command line may name a file path/,
    );
    expect(resolveFileSource({ path: local }, { trusted: true, dataDir }).path).toBe(local);
    const upload = resolveFileSource(
      { name: 'C:\\Users\\clerk\\sls.csv', base64: Buffer.from('hello').toString('base64') },
      { trusted: false, dataDir },
    );
    expect(upload.name).toBe('sls.csv');
    expect(upload.path.startsWith(path.join(dataDir, 'incoming'))).toBe(true);
    expect(fs.readFileSync(upload.path, 'utf8')).toBe('hello');
    upload.cleanup();
    expect(fs.existsSync(upload.path)).toBe(false);
  });
});

describe('cell rules', () => {
  it('check real calendar dates', () => {
    expect(cell.date().safeParse('2020-02-29').success).toBe(true);
    expect(cell.date().safeParse('2021-02-29').success).toBe(false);
    expect(cell.date().safeParse('29/02/2020').success).toBe(false);
  });
});
