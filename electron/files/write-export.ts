import type { OfficeZone } from '../../common/time-zone.js';
import type { Progress } from '../api/define.js';
import { writeCsvFile } from './csv-writer.js';
import { writeExport } from './export-store.js';
import { MIME, type ExportHandle } from './exported-file.js';
import { renderPdf, type Pdf, type PdfMeta } from './pdf.js';
import type { ExportFormat, TableColumn } from './table-columns.js';
import { writeXlsxFile } from './xlsx-writer.js';

/** What an export needs from its operation's context (OpContext has both). */
export interface ExportContext {
  dataDir: string;
  progress(p: Progress): void;
}

export interface TableExportSheet<R> {
  name: string;
  /** Lines above the XLSX table (title, as-of date); CSVs have none. */
  title?: string[];
  /** The sheet's rows a page at a time (keysetPages or arrayPages); called once. */
  pages: () => Iterable<R[]>;
}

export interface TableExport<R> {
  /** File name without extension, e.g. `penugasan-331601`. */
  baseName: string;
  /** The machine CSV's columns: the CLI's documented contract, unchanged. */
  machine: TableColumn<R>[];
  /** Columns for people (XLSX and the Excel CSV): Indonesian headers, names beside codes. */
  people: TableColumn<R>[];
  /** XLSX writes one sheet each; a CSV writes their rows one after another under one header. */
  sheets: TableExportSheet<R>[];
  /** Rows over all sheets, for progress. */
  total: number;
  /** The regency's zone: visit times for people are its wall clock. */
  zone: OfficeZone;
}

export function exportFileName(baseName: string, format: ExportFormat): string {
  if (format === 'xlsx') return `${baseName}.xlsx`;
  return format === 'csv-excel' ? `${baseName}-excel.csv` : `${baseName}.csv`;
}

/** Writes a table export in the chosen format, streamed, reporting rows written; returns its handle. */
export function exportTable<R>(ctx: ExportContext, format: ExportFormat, spec: TableExport<R>): Promise<ExportHandle> {
  let done = 0;
  const onRows = (n: number) => {
    done += n;
    ctx.progress({ done, total: Math.max(done, spec.total) });
  };
  const mime = format === 'xlsx' ? MIME.xlsx : MIME.csv;
  return writeExport(ctx.dataDir, exportFileName(spec.baseName, format), mime, async (file) => {
    if (format === 'xlsx') {
      await writeXlsxFile(
        file,
        spec.sheets.map((s) => ({ name: s.name, title: s.title, columns: spec.people, pages: s.pages() })),
        spec.zone,
        onRows,
      );
      return;
    }
    const pages = (function* () {
      for (const sheet of spec.sheets) yield* sheet.pages();
    })();
    const flavour = format === 'csv' ? 'machine' : 'excel';
    await writeCsvFile(
      file,
      { columns: flavour === 'machine' ? spec.machine : spec.people, pages },
      flavour,
      spec.zone,
      onRows,
    );
  });
}

/** Draws a PDF straight into a new export file; returns its handle. */
export function exportPdf(
  ctx: ExportContext,
  fileName: string,
  meta: PdfMeta,
  draw: (doc: Pdf) => void,
): Promise<ExportHandle> {
  return writeExport(ctx.dataDir, fileName, MIME.pdf, (file) => renderPdf(meta, draw, file));
}
