import { loadExcel } from './load-excel.js';
import { machineCsvText } from './table-columns.js';

// In-memory CSV and XLSX of small tables (test fixtures, spreadsheets made on the fly). The app's
// exports stream instead: write-export.ts (DEVELOPERS.md, "Files out").

export interface ExportColumn<R> {
  /** Column name in the CSV header and the XLSX header. */
  header: string;
  value: (row: R) => string | number | null | undefined;
  /** XLSX column width in characters. */
  width?: number;
  /** XLSX number format, e.g. '#,##0' (Excel shows it with the reader's own separators). */
  numFmt?: string;
}

function csvCell(value: string | number | null | undefined): string {
  const text = machineCsvText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with `,` and LF, the machine-readable export contract of the CLI. */
export function toCsv<R>(columns: ExportColumn<R>[], rows: Iterable<R>): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\n')}\n`;
}

export interface ExportSheet<R> {
  name: string;
  columns: ExportColumn<R>[];
  rows: Iterable<R>;
  /** Optional lines above the table (title, as-of date). */
  title?: string[];
}

/** An .xlsx with one sheet per entry, bold frozen header, and typed number cells. */
// biome-ignore lint/suspicious/noExplicitAny: each sheet has its own row type
export async function toXlsx(sheets: ExportSheet<any>[]): Promise<Buffer> {
  const { Workbook } = await loadExcel();
  const workbook = new Workbook();
  workbook.creator = 'Pendopo';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31));
    for (const line of sheet.title ?? []) ws.addRow([line]).font = { bold: true };
    if (sheet.title?.length) ws.addRow([]);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: header.number }];
    sheet.columns.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      column.width = c.width ?? Math.max(10, c.header.length + 2);
      if (c.numFmt) column.numFmt = c.numFmt;
    });
    for (const row of sheet.rows) ws.addRow(sheet.columns.map((c) => c.value(row) ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
