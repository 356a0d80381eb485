import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on first use: importing it costs more than a second at every start of the CLI and
 * of each database thread, and most starts write no spreadsheet.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  const module = (await import('exceljs')) as { default: typeof ExcelJS };
  return module.default;
}
