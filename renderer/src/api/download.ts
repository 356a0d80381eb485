import type { ExportHandle } from '../../../electron/api/types';
import { ApiCallError } from './client';

/**
 * Hands an export to the user. The operation already wrote the file on the backend's disk; here the
 * desktop asks where to save it (Electron's save dialog, in the main process), and a browser
 * downloads it once from office mode with its own download manager — the bytes never pass through
 * JavaScript memory. Resolves to false when the user cancelled the save dialog.
 */
export async function saveExport(handle: ExportHandle): Promise<boolean> {
  const bridge = typeof window !== 'undefined' ? window.pendopo : undefined;
  if (bridge?.saveExport) {
    const result = await bridge.saveExport(handle.exportId);
    if (!result.ok) throw new ApiCallError(result.error);
    return (result.value as { saved: boolean }).saved;
  }
  const link = document.createElement('a');
  link.href = `api/download/${handle.exportId}`;
  link.download = handle.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return true;
}
