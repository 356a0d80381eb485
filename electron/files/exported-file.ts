/**
 * A file an operation wrote for the user to save (CSV, XLSX, PDF, a backup, a kept scan). The bytes
 * stay on disk under the data folder's `exports/`; callers get this handle, never the bytes in JSON.
 * Each transport delivers it its own way (DEVELOPERS.md, "Files out").
 */
export interface ExportHandle {
  /** Random id naming the file under `exports/` (32 hex digits). */
  exportId: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  sqlite: 'application/vnd.sqlite3',
  binary: 'application/octet-stream',
} as const;

/** The type of a kept document by its name (scans and evidence: PDF, PNG, JPEG). */
export function mimeTypeOf(fileName: string): string {
  if (/\.pdf$/i.test(fileName)) return MIME.pdf;
  if (/\.png$/i.test(fileName)) return MIME.png;
  if (/\.jpe?g$/i.test(fileName)) return MIME.jpeg;
  return MIME.binary;
}

export const EXPORT_ID = /^[0-9a-f]{32}$/;

/** Whether an operation's result is an export handle (transports grant its download). */
export function isExportHandle(value: unknown): value is ExportHandle {
  const v = value as Partial<ExportHandle> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.exportId === 'string' &&
    EXPORT_ID.test(v.exportId) &&
    typeof v.fileName === 'string'
  );
}
