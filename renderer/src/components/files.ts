import type { ExportHandle } from '../../../electron/api/types';
import { saveExport } from '../api/download';

/**
 * What the office-file pickers offer: CSV, Excel's Unicode text (.txt) and .xlsx, and also .xls and
 * .ods so that a clerk who picks one is told how to save it instead of not finding it.
 */
export const OFFICE_SPREADSHEETS =
  '.csv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a picked or dropped file into the shape file-reading operations take. */
export async function fileToSource(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { name: file.name, base64: btoa(binary) };
}

/** Saves a file an operation wrote (an export, a report, a backup, a kept scan): see api/download.ts. */
export function saveExportedFile(handle: ExportHandle): Promise<boolean> {
  return saveExport(handle);
}
