import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { appRoot, rendererDir } from '../app-paths.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { DesktopSession } from '../auth/sessions.js';
import { startBackendThreads, type BackendClient } from '../backend/threads.js';
import { forwardChanges, registerIpc } from './ipc.js';
import { DownloadGrants } from '../files/download-grants.js';
import { registerSaveExport } from './save-export.js';
import { electronNativeBinding } from './native-binding.js';
import { answerAppRequest, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol.js';
import {
  denyAllPermissions,
  guardWebContents,
  isTrustedSenderFrame,
  mainWindowOptions,
  rendererEntryUrl,
} from './security.js';

let backend: BackendClient | undefined;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(path.join(appRoot(), 'dist', 'electron', 'main', 'preload.cjs')));
  const contents = window.webContents;
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
  void window.loadURL(rendererEntryUrl());
  return window;
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(request, rendererDir()));
  const userData = app.getPath('userData');
  const dataDir = path.join(userData, 'files');
  try {
    backend = await startBackendThreads({
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
  const isTrustedSender = (event: Electron.IpcMainInvokeEvent) => isTrustedSenderFrame(event.senderFrame);
  const grants = new DownloadGrants();
  const desktopSession = new DesktopSession();
  registerIpc(ipcMain, {
    isTrustedSender,
    session: desktopSession,
    throttle: new LoginThrottle(),
    call: (name, input, actor, onProgress) => client.call(name, input, actor, onProgress),
    sessionEffect: (name) => client.sessionEffect(name),
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
  forwardChanges(client, () => BrowserWindow.getAllWindows().map((w) => w.webContents), desktopSession);
  // A restore replaced the accounts with the backup's: the window was told (above), now its session ends.
  client.onChange((event) => {
    if (event.endsSessions) desktopSession.close();
  });
  createWindow();
}

// Before ready: the UI's own scheme, and a guard on every web contents the app will ever create.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));
// Tests and portable installs may point the app at their own data folder.
if (process.env.PENDOPO_USER_DATA) app.setPath('userData', process.env.PENDOPO_USER_DATA);
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => void backend?.close());
app.whenReady().then(start);
