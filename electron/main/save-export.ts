import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import path from 'node:path';
import { z } from 'zod';
import { ApiError } from '../api/errors.js';
import type { DownloadGrants } from '../files/download-grants.js';
import { findExport, moveExport, removeExport } from '../files/export-store.js';
import { EXPORT_ID } from '../files/exported-file.js';
import type { CallResult } from '../backend/protocol.js';

/**
 * The desktop's side of an export: the backend worker wrote the file under the data folder and the
 * window got its handle; the window asks to save it, the main process asks where (Electron's save
 * dialog) and moves the file there. The bytes never pass through the window or IPC.
 */
export const SAVE_EXPORT_CHANNEL = 'pendopo:save-export';

/** The one owner of desktop grants: the window's session. */
export const DESKTOP_OWNER = 'desktop';

const saveMessage = z.object({ exportId: z.string().regex(EXPORT_ID) });

export interface SaveExportDeps {
  isTrustedSender(event: IpcMainInvokeEvent): boolean;
  grants: DownloadGrants;
  /** The backend's data folder (its `exports/` holds the files). */
  dataDir: string;
  /** Asks the user where to save (the save dialog, offering the file's own name); null when cancelled. */
  chooseTarget(event: IpcMainInvokeEvent, fileName: string): Promise<string | null>;
}

/** Handles one `pendopo:save-export` message; answers `{ saved, fileName }`, or an error. */
export async function handleSaveExport(
  event: IpcMainInvokeEvent,
  message: unknown,
  deps: SaveExportDeps,
): Promise<CallResult> {
  if (!deps.isTrustedSender(event))
    return { ok: false, error: ApiError.problem('FORBIDDEN', 'general.untrustedFrame').toJSON() };
  const parsed = saveMessage.safeParse(message);
  if (!parsed.success) return { ok: false, error: ApiError.problem('INVALID_INPUT', 'general.malformedSave').toJSON() };
  const { exportId } = parsed.data;
  const found = deps.grants.take(DESKTOP_OWNER, exportId) ? findExport(deps.dataDir, exportId) : null;
  if (!found) return { ok: false, error: ApiError.problem('NOT_FOUND', 'exports.gone').toJSON() };
  const target = await deps.chooseTarget(event, found.handle.fileName);
  if (!target) {
    removeExport(deps.dataDir, exportId);
    return { ok: true, value: { saved: false, fileName: found.handle.fileName } };
  }
  try {
    await moveExport(deps.dataDir, exportId, target);
  } catch (error) {
    removeExport(deps.dataDir, exportId);
    return {
      ok: false,
      error: ApiError.problem('REJECTED', 'exports.saveFailed', {
        file: path.basename(target),
        reason: (error as Error).message,
      }).toJSON(),
    };
  }
  return { ok: true, value: { saved: true, fileName: path.basename(target) } };
}

export function registerSaveExport(ipcMain: Pick<IpcMain, 'handle'>, deps: SaveExportDeps): void {
  ipcMain.handle(SAVE_EXPORT_CHANNEL, (event, message: unknown) => handleSaveExport(event, message, deps));
}
