// The one reader for office spreadsheets (office-files.md): CSV in any encoding an office PC writes,
// or the first sheet of an .xlsx. It says how it read the file, marks cells stored as numbers (a
// code that went through a Number column has lost digits) and cells whose characters cannot be
// trusted, and leaves the rules to validateTable.
import fs from 'node:fs';
import Papa from 'papaparse';
import { ApiError, problemIssue, type ApiErrorIssue } from '../api/errors.js';
import type { ProblemKey, ProblemParams } from '../../common/problems/index.js';
import { foreignFormat, isZip } from './file-kind.js';
import { decodeOfficeText, type TextEncodingName } from './text-decode.js';
import { MAX_SHEET_ROWS, readXlsxRows } from './xlsx-read.js';

export { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from './xlsx-read.js';

export const MAX_TABLE_BYTES = 32 * 1024 * 1024;

/** A cell whose text cannot be trusted (bytes, control characters): refused by row and column. */
export interface CellProblem {
  key: ProblemKey;
  params: ProblemParams;
}

/** One data row of a spreadsheet: its row number as Excel shows it (header = row 1) and its cells by lower-case column name. */
export interface TableRow {
  row: number;
  values: Record<string, string>;
  /** Columns whose cell an .xlsx stored as a number (not as text). */
  numbers?: string[];
  /** Columns whose cell holds characters that cannot be imported. */
  problems?: Record<string, CellProblem>;
}

export interface TableSource {
  format: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  delimiter?: ';' | ',' | '\t';
}

export interface TableFile {
  /** Column names as written, trimmed. */
  headers: string[];
  rows: TableRow[];
  source: TableSource;
  /** What the clerk should know about how the file was read (e.g. as Windows-1252); shown with the result. */
  notices: ApiErrorIssue[];
}

export interface ReadOptions {
  /** Keep only these columns (lower-case names); all when absent. */
  columns?: readonly string[];
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** Why a cell's characters cannot be imported, or null. */
function characterProblem(text: string, invalidBytes: boolean): CellProblem | null {
  if (text.includes('\uFFFD'))
    return { key: invalidBytes ? 'files.cell.invalidBytes' : 'files.cell.replacementCharacter', params: {} };
  const control = CONTROL.exec(text);
  if (control)
    return {
      key: 'files.cell.controlCharacter',
      params: { code: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` },
    };
  if (/[\r\n]/.test(text)) return { key: 'files.cell.lineBreak', params: {} };
  if (text.includes('\t')) return { key: 'files.cell.controlCharacter', params: { code: 'U+0009' } };
  return null;
}

/** Builds rows from the header and cell texts, keeping the wanted columns and checking their characters. */
class TableBuilder {
  readonly rows: TableRow[] = [];
  headers: string[] = [];
  private keep: { index: number; key: string }[] = [];

  constructor(
    private readonly options: ReadOptions,
    private readonly invalidBytes: boolean,
  ) {}

  header(cells: readonly (string | undefined)[]): void {
    this.headers = Array.from(cells, (c) => (c ?? '').trim());
    const wanted = this.options.columns ? new Set(this.options.columns) : null;
    const seen = new Set<string>();
    this.headers.forEach((name, index) => {
      const key = name.toLowerCase();
      if (!key || seen.has(key) || (wanted && !wanted.has(key))) return;
      seen.add(key);
      this.keep.push({ index, key });
    });
  }

  row(rowNumber: number, cells: readonly (string | undefined)[], numbers?: readonly boolean[]): void {
    // Excel and LibreOffice leave empty rows at the end.
    if (!cells.some((c) => c !== undefined && c.trim() !== '')) return;
    if (this.rows.length >= MAX_SHEET_ROWS)
      throw ApiError.problem('REJECTED', 'files.tooManyRows', { limit: MAX_SHEET_ROWS });
    const row: TableRow = { row: rowNumber, values: {} };
    for (const { index, key } of this.keep) {
      const text = (cells[index] ?? '').trim();
      row.values[key] = text;
      if (numbers?.[index]) (row.numbers ??= []).push(key);
      const problem = text && characterProblem(text, this.invalidBytes);
      if (problem) (row.problems ??= {})[key] = problem;
    }
    this.rows.push(row);
  }
}

/** The separator of the header line: the most frequent of tab, `;` and `,` (Excel's Unicode text uses tabs). */
function detectDelimiter(text: string): ';' | ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const tabs = count('\t');
  const semicolons = count(';');
  const commas = count(',');
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons > commas ? ';' : ',';
}

/** CSV or tab-separated text in any encoding an office PC writes. */
export function parseCsv(bytes: Uint8Array, options: ReadOptions = {}): TableFile {
  const decoded = decodeOfficeText(bytes);
  const delimiter = detectDelimiter(decoded.text);
  const parsed = Papa.parse<string[]>(decoded.text, { delimiter, skipEmptyLines: false });
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    throw ApiError.problem('REJECTED', 'files.csv.quotes', { row }, [
      problemIssue(row, null, 'files.csv.quotes', { row }),
    ]);
  }
  const builder = new TableBuilder(options, decoded.invalidBytes);
  const [header = [], ...rest] = parsed.data;
  builder.header(header);
  rest.forEach((cells, i) => {
    builder.row(i + 2, cells);
  });
  const notices = decoded.encoding === 'windows-1252' ? [problemIssue(null, null, 'files.readAsWindows1252')] : [];
  return {
    headers: builder.headers,
    rows: builder.rows,
    source: { format: 'csv', encoding: decoded.encoding, delimiter },
    notices,
  };
}

/** The first sheet of an .xlsx; the first row is the header. */
export async function parseXlsx(file: string, options: ReadOptions = {}): Promise<TableFile> {
  const builder = new TableBuilder(options, false);
  let headerSeen = false;
  await readXlsxRows(file, ({ row, cells, numbers }) => {
    if (!headerSeen) {
      headerSeen = true;
      // The header is row 1; a sheet whose row 1 is empty has no header.
      builder.header(row === 1 ? cells : []);
      if (row === 1) return;
    }
    builder.row(row, cells, numbers);
  });
  return { headers: builder.headers, rows: builder.rows, source: { format: 'xlsx' }, notices: [] };
}

function firstBytes(file: string, count: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, count, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads an office spreadsheet from disk in this thread: an .xlsx or a CSV, told apart by content,
 * and anything else (.xls, .ods, .numbers, a PDF…) refused with what to save it as.
 */
export async function parseTableFile(filePath: string, options: ReadOptions = {}): Promise<TableFile> {
  const size = fs.statSync(filePath).size;
  if (size > MAX_TABLE_BYTES)
    throw ApiError.problem('REJECTED', 'files.tooLarge', { limit: MAX_TABLE_BYTES / 1024 / 1024 });
  if (size === 0) throw ApiError.problem('REJECTED', 'files.empty');
  const head = firstBytes(filePath, 8192);
  if (isZip(head)) return parseXlsx(filePath, options);
  const foreign = foreignFormat(head);
  if (foreign) throw ApiError.problem('REJECTED', foreign);
  return parseCsv(fs.readFileSync(filePath), options);
}

export { readTableFile } from './run-table-worker.js';
