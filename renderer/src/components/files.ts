import type { ExportedFile } from '../../../electron/files/exported-file';

/**
 * What the office-file pickers offer: CSV, Excel's Unicode text (.txt) and .xlsx, and also .xls and
 * .ods so that a clerk who picks one is told how to save it instead of not finding it.
 */
export const OFFICE_SPREADSHEETS = '.csv,.txt,.xlsx,.xls,.ods,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Reads a picked or dropped file into the shape file-reading operations take. */
export async function fileToSource(file: File): Promise<{ name: string; base64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return { name: file.name, base64: btoa(binary) };
}

/** Hands a file an operation produced to the browser (or Electron) to save. */
export function saveExportedFile(file: ExportedFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
