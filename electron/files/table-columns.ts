import { formatDate } from '../../common/format.js';
import { wallClock, type OfficeZone } from '../../common/time-zone.js';

/**
 * The formats every table export offers: XLSX and the "Excel (Indonesia)" CSV for people
 * (Indonesian headers, real numbers and dates, visit times in the regency's zone), and the machine
 * CSV, whose columns are the CLI's contract (README).
 */
export const EXPORT_FORMATS = ['xlsx', 'csv-excel', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * What a column holds, which decides how each format writes it:
 * - `text`, `code`: strings; codes (SLS id, village code, NIP, officer code) are Text cells in XLSX so
 *   a spreadsheet never turns them into numbers;
 * - `integer`, `decimal`: numbers (`.` in the machine CSV, `,` in the Excel CSV, number cells in XLSX);
 * - `date`: `YYYY-MM-DD` (machine) / `dd/mm/yyyy` (people);
 * - `datetime`: an ISO instant; the machine CSV keeps the text as stored, people get the wall clock of
 *   the regency's zone (`dd/mm/yyyy hh.mm`, or a date-time cell).
 */
export type CellKind = 'text' | 'code' | 'integer' | 'decimal' | 'date' | 'datetime';
export type CellValue = string | number | null | undefined;

export interface TableColumn<R> {
  /** Header of the machine CSV (snake_case, the contract). */
  key: string;
  /** Header people read (XLSX, Excel CSV), in Indonesian. */
  label: string;
  kind: CellKind;
  value: (row: R) => CellValue;
  /** XLSX column width in characters. */
  width?: number;
}

/**
 * OWASP CSV injection: spreadsheets evaluate a cell that begins with `=`, `+`, `-` or `@` (also after
 * leading spaces or quotes, which some readers drop), or with a tab or carriage return. Such a text
 * cell gets a leading apostrophe, so it is shown as the text it is. Numbers never come here.
 */
const EVALUATED = /^(?:[\t\r]|[\s"'\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

export function neutraliseCsvText(text: string): string {
  return EVALUATED.test(text) ? `'${text}` : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The wall clock of an instant in the office's zone, `dd/mm/yyyy hh.mm` (domain.md: times `18.30`). */
function localDateTimeText(iso: string, zone: OfficeZone): string {
  const d = wallClock(iso, zone);
  if (!d) return iso;
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}`;
}

/** A cell of the machine CSV: numbers as JavaScript writes them, text neutralised, dates as stored. */
export function machineCsvText(value: CellValue): string {
  if (value == null) return '';
  return typeof value === 'number' ? String(value) : neutraliseCsvText(value);
}

/** A cell of the Excel (Indonesia) CSV: decimal comma, dd/mm/yyyy, the office's wall clock. */
export function excelCsvText(kind: CellKind, value: CellValue, zone: OfficeZone): string {
  if (value == null || value === '') return '';
  if (typeof value === 'number') return kind === 'decimal' ? String(value).replace('.', ',') : String(value);
  if (kind === 'date') return neutraliseCsvText(formatDate(value) || value);
  if (kind === 'datetime') return neutraliseCsvText(localDateTimeText(value, zone));
  return neutraliseCsvText(value);
}

/** Excel number formats by kind (shown with the reader's own separators: 1.234,5 in Indonesian). */
export const XLSX_NUMBER_FORMAT: Record<CellKind, string | undefined> = {
  text: undefined,
  code: '@',
  integer: '#,##0',
  decimal: '#,##0.00',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** A cell of the XLSX: real numbers, real dates (the office's wall clock), codes and text as strings. */
export function xlsxValue(kind: CellKind, value: CellValue, zone: OfficeZone): string | number | Date | null {
  if (value == null || value === '') return null;
  if (typeof value === 'number') return value;
  if (kind === 'date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.slice(0, 10));
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : value;
  }
  // Excel dates carry no zone: the cell holds the wall clock, as UTC fields of a Date.
  if (kind === 'datetime') return wallClock(value, zone) ?? value;
  return value;
}
