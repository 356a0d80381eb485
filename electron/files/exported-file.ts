import fs from 'node:fs';

/** A file an operation produced for the user to save (CSV, XLSX, PDF). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  binary: 'application/octet-stream',
} as const;

/** The type of a kept document by its name (scans and evidence: PDF, PNG, JPEG). */
export function mimeTypeOf(fileName: string): string {
  if (/\.pdf$/i.test(fileName)) return MIME.pdf;
  if (/\.png$/i.test(fileName)) return MIME.png;
  if (/\.jpe?g$/i.test(fileName)) return MIME.jpeg;
  return MIME.binary;
}

export function exportedFile(fileName: string, mimeType: string, bytes: Uint8Array): ExportedFile {
  return { fileName, mimeType, base64: Buffer.from(bytes).toString('base64') };
}

/** The CLI's side: write an exported file to --out (or its own name). */
export function writeExportedFile(file: ExportedFile, out?: string): string {
  const target = out ?? file.fileName;
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  return target;
}
