import fs from 'node:fs';
import { loadExcel } from './load-excel.js';
import { once } from 'node:events';
import type ExcelJS from 'exceljs';
import type { OfficeZone } from '../../common/time-zone.js';
import { XLSX_NUMBER_FORMAT, xlsxValue, type TableColumn } from './table-columns.js';

export interface XlsxSheet<R> {
  name: string;
  /** Lines above the table (title, as-of date), in bold. */
  title?: string[];
  columns: TableColumn<R>[];
  /** Rows a page at a time (see row-pages.ts). */
  pages: Iterable<R[]>;
}

const HEADER_STYLE: Partial<ExcelJS.Style> = Object.freeze({ font: { bold: true } });
const PLAIN_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

/**
 * exceljs 4.4's streaming writer hands each worksheet's XML to the zip through a PassThrough and
 * ignores its backpressure, so a fast producer piles the uncompressed sheet up in memory while the
 * zip deflates. Waiting for that PassThrough (and the file) to drain after each page keeps memory
 * flat. The PassThrough is an internal (`worksheet.stream.pipes`); without it we only yield.
 */
async function drained(worksheet: unknown, out: fs.WriteStream): Promise<void> {
  const pipes = (worksheet as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
  for (const pipe of pipes) {
    // archiver's PassThrough comes from readable-stream 2, which has no `writableLength`.
    const target = pipe as { writableLength?: number; _writableState?: { length?: number }; once?: unknown };
    const buffered = () => target.writableLength ?? target._writableState?.length ?? 0;
    while (buffered() > 256 * 1024 && typeof target.once === 'function')
      await once(target as unknown as NodeJS.EventEmitter, 'drain');
  }
  while (out.writableLength > 1024 * 1024) await once(out, 'drain');
  await new Promise((resolve) => setImmediate(resolve));
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Writes an .xlsx with exceljs' streaming writer: rows are committed as they come and the zip is
 * written to disk as it grows, so memory does not depend on the row count. Strings are inline (no
 * shared-strings table to keep); one style object per column, so exceljs looks each up once. The zip
 * deflates at level 1: about twice as fast for a file a little larger, which matters at 1,000,000 rows.
 */
export async function writeXlsxFile<R>(
  file: string,
  sheets: XlsxSheet<R>[],
  zone: OfficeZone,
  onRows: (n: number) => void,
): Promise<void> {
  const out = fs.createWriteStream(file);
  const finished = once(out, 'close');
  finished.catch(() => {});
  const { stream } = await loadExcel();
  const workbook = new stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = 'Pendopo';
  const taken = new Set<string>();
  try {
    for (const sheet of sheets) {
      const headerRow = (sheet.title?.length ? sheet.title.length + 1 : 0) + 1;
      const ws = workbook.addWorksheet(sheetName(sheet.name, taken), {
        views: [{ state: 'frozen', ySplit: headerRow }],
      });
      const styles = sheet.columns.map((c) =>
        XLSX_NUMBER_FORMAT[c.kind] ? Object.freeze({ numFmt: XLSX_NUMBER_FORMAT[c.kind] }) : PLAIN_STYLE,
      );
      // The column keeps its format below the rows too: what somebody types there later (a code in
      // an import template) stays Text instead of becoming a number.
      ws.columns = sheet.columns.map((c, i) => ({
        width: c.width ?? Math.max(10, c.label.length + 2),
        ...(styles[i] === PLAIN_STYLE ? {} : { style: styles[i] }),
      }));
      for (const line of sheet.title ?? []) {
        const row = ws.addRow([line]);
        row.getCell(1).style = HEADER_STYLE;
        row.commit();
      }
      if (sheet.title?.length) ws.addRow([]).commit();
      const header = ws.addRow(sheet.columns.map((c) => c.label));
      header.eachCell((cell) => (cell.style = HEADER_STYLE));
      header.commit();
      for (const page of sheet.pages) {
        for (const data of page) {
          const row = ws.addRow(sheet.columns.map((c) => xlsxValue(c.kind, c.value(data), zone)));
          for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
          row.commit();
        }
        onRows(page.length);
        await drained(ws, out);
      }
      ws.commit();
    }
    await workbook.commit();
    await finished;
  } finally {
    out.destroy();
  }
}
