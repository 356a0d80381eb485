// Sandboxed preload: CommonJS, electron's renderer-side modules only, and one narrow function on window.
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

import type { Progress } from '../api/define.js';

let nextCall = 0;

contextBridge.exposeInMainWorld('pendopo', {
  /** Change events of committed writes (this app's, or another process's such as the CLI); returns the function that stops listening. */
  onChanges(listener: (event: unknown) => void): () => void {
    const forward = (_event: unknown, change: unknown) => listener(change);
    ipcRenderer.on('pendopo:changes', forward);
    return () => {
      ipcRenderer.removeListener('pendopo:changes', forward);
    };
  },
  call(name: string, input: unknown, onProgress?: (p: Progress) => void): Promise<unknown> {
    const callId = `${Date.now()}-${nextCall++}`;
    const listener = (_event: unknown, message: { callId: string; progress: Progress }) => {
      if (message.callId === callId) onProgress?.(message.progress);
    };
    if (onProgress) ipcRenderer.on('pendopo:progress', listener);
    return ipcRenderer.invoke('pendopo:call', { callId, name, input }).finally(() => {
      if (onProgress) ipcRenderer.removeListener('pendopo:progress', listener);
    });
  },
  /** Saves an export an operation wrote: the main process asks where and moves the file there. */
  saveExport(exportId: string): Promise<unknown> {
    return ipcRenderer.invoke('pendopo:save-export', { exportId });
  },
});
