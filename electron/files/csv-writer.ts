import fs from 'node:fs';
import { once } from 'node:events';
import type { OfficeZone } from '../../common/time-zone.js';
import { excelCsvText, machineCsvText, type TableColumn } from './table-columns.js';

export type CsvFlavour = 'machine' | 'excel';

/**
 * The two CSV flavours: `machine` is RFC 4180 with `,`, LF, no BOM, `.` decimals and the snake_case
 * headers (the CLI contract); `excel` is what an Indonesian Excel or LibreOffice opens by double-click:
 * `;`, CRLF, a UTF-8 BOM, decimal comma, dd/mm/yyyy and the Indonesian headers.
 */
const SEPARATOR: Record<CsvFlavour, string> = { machine: ',', excel: ';' };
const NEWLINE: Record<CsvFlavour, string> = { machine: '\n', excel: '\r\n' };

function quoted(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvTable<R> {
  columns: TableColumn<R>[];
  /** Rows a page at a time (see row-pages.ts); each page is written before the next is read. */
  pages: Iterable<R[]>;
}

/** Writes one CSV file, a page at a time, waiting for the disk when its buffer is full. */
export async function writeCsvFile<R>(
  file: string,
  table: CsvTable<R>,
  flavour: CsvFlavour,
  zone: OfficeZone,
  onRows: (n: number) => void,
): Promise<void> {
  const separator = SEPARATOR[flavour];
  const newline = NEWLINE[flavour];
  const cell =
    flavour === 'machine'
      ? (c: TableColumn<R>, row: R) => quoted(machineCsvText(c.value(row)), separator)
      : (c: TableColumn<R>, row: R) => quoted(excelCsvText(c.kind, c.value(row), zone), separator);
  const out = fs.createWriteStream(file);
  const failed = new Promise<never>((_resolve, reject) => out.once('error', reject));
  failed.catch(() => {});
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    const header = table.columns.map((c) => quoted(flavour === 'machine' ? c.key : c.label, separator)).join(separator);
    await write(`${flavour === 'excel' ? '\uFEFF' : ''}${header}${newline}`);
    for (const page of table.pages) {
      let text = '';
      for (const row of page) text += table.columns.map((c) => cell(c, row)).join(separator) + newline;
      await write(text);
      onRows(page.length);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
  } finally {
    out.destroy();
  }
}
