import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { appRoot, rendererDir } from '../app-paths.js';
import { DesktopSession } from '../auth/sessions.js';
import { startBackendWorker, type BackendClient } from './backend-client.js';
import { DownloadGrants } from '../files/download-grants.js';
import { registerIpc } from './ipc.js';
import { registerSaveExport } from './save-export.js';
import { electronNativeBinding } from './native-binding.js';
import { denyAllPermissions, isTrustedSenderFrame, mainWindowOptions, openExternalSafely, rendererEntryUrl } from './security.js';

let backend: BackendClient | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(appRoot(), 'dist', 'electron', 'main', 'preload.cjs')));
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
  contents.on('render-process-gone', async (_event, details) => {
    const { response } = await dialog.showMessageBox(window, {
      type: 'error',
      message: `Pendopo's window stopped (${details.reason}).`,
      buttons: ['Restart window', 'Quit'],
    });
    if (response === 0) contents.reload();
    else app.quit();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererEntryUrl(rendererDir()));
  return window;
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  const userData = app.getPath('userData');
  const dataDir = path.join(userData, 'files');
  try {
    backend = await startBackendWorker(new URL('./backend-worker.js', import.meta.url), {
      dbFile: path.join(userData, 'pendopo.db'),
      dataDir,
      nativeBinding: electronNativeBinding({
        packaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        appRoot: appRoot(),
        modulesVersion: process.versions.modules,
      }),
    });
  } catch (error) {
    dialog.showErrorBox('Pendopo cannot open its database', (error as Error).message);
    app.exit(1);
    return;
  }
  const client = backend;
  const isTrustedSender = (event: Electron.IpcMainInvokeEvent) => isTrustedSenderFrame(event.senderFrame, rendererDir());
  const grants = new DownloadGrants();
  registerIpc(ipcMain, {
    isTrustedSender,
    session: new DesktopSession(),
    call: (name, input, actor, onProgress) => client.call(name, input, actor, onProgress),
    grants,
  });
  registerSaveExport(ipcMain, {
    isTrustedSender,
    grants,
    dataDir,
    chooseTarget: async (event, fileName) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      const options = { defaultPath: path.join(app.getPath('downloads'), fileName) };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  });
  createWindow();
}

// Tests and portable installs may point the app at their own data folder.
if (process.env.PENDOPO_USER_DATA) app.setPath('userData', process.env.PENDOPO_USER_DATA);
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void backend?.close());
app.whenReady().then(start);
