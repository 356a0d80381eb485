import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { ApiError } from '../api/errors.js';

/** One data row of a spreadsheet: its row number as Excel shows it (header = row 1) and its cells by lower-case column name. */
export interface TableRow {
  row: number;
  values: Record<string, string>;
}

export interface TableFile {
  /** Column names as written, trimmed. */
  headers: string[];
  rows: TableRow[];
}

export const MAX_TABLE_BYTES = 32 * 1024 * 1024;
export const MAX_SHEET_ROWS = 200_000;
export const MAX_SHEET_COLUMNS = 200;

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function toTable(headerCells: string[], dataRows: string[][], firstRowNumber = 2): TableFile {
  const headers = headerCells.map((h) => h.trim());
  const keys = headers.map((h) => h.toLowerCase());
  const rows: TableRow[] = [];
  dataRows.forEach((cells, index) => {
    if (cells.every((c) => c.trim() === '')) return; // Excel leaves empty rows at the end
    const values: Record<string, string> = {};
    keys.forEach((key, i) => {
      if (key && !(key in values)) values[key] = (cells[i] ?? '').trim();
    });
    rows.push({ row: index + firstRowNumber, values });
  });
  return { headers, rows };
}

/** CSV as Excel writes it in Indonesia (`;`, BOM, CRLF) or as other tools do (`,`). */
export function parseCsv(text: string): TableFile {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) throw new ApiError('REJECTED', `row ${(quoteError.row ?? 0) + 1}: ${quoteError.message}`, [{ line: (quoteError.row ?? 0) + 1, field: null, message: quoteError.message }]);
  const [header = [], ...rest] = parsed.data;
  return toTable(header, rest);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  // A long code (NIP, SLS id) typed as a number has lost its last digits; written as 1.98e+17 it fails every code rule instead of passing as a wrong code.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** The first sheet of an .xlsx; the first row is the header. */
export async function parseXlsx(bytes: Buffer): Promise<TableFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new ApiError('REJECTED', `Not a readable .xlsx file: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ApiError('REJECTED', 'The workbook has no sheet');
  // Only cells that exist are read: a tiny file can claim a last row of 1,048,576 and a last column of XFD.
  const grid: string[][] = [];
  let problem: string | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (problem) return;
    if (rowNumber > MAX_SHEET_ROWS) problem = `The sheet has data beyond row ${MAX_SHEET_ROWS}`;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > MAX_SHEET_COLUMNS) problem = `The sheet has data beyond column ${MAX_SHEET_COLUMNS}`;
      else cells[column - 1] = cellText(cell.value);
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  if (problem) throw new ApiError('REJECTED', problem);
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const [header = [], ...rest] = grid;
  return toTable(header, rest);
}

/** Reads an office spreadsheet (CSV or XLSX, told apart by content) from disk. */
export async function readTableFile(filePath: string): Promise<TableFile> {
  const size = fs.statSync(filePath).size;
  if (size > MAX_TABLE_BYTES) throw new ApiError('REJECTED', `File larger than ${MAX_TABLE_BYTES / 1024 / 1024} MiB`);
  const bytes = fs.readFileSync(filePath);
  if (size === 0) throw new ApiError('REJECTED', 'The file is empty');
  return isZip(bytes) ? parseXlsx(bytes) : parseCsv(bytes.toString('utf8'));
}
