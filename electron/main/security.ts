import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security-headers.js';

export { CONTENT_SECURITY_POLICY };

/** The main window's options. A unit test pins every security-relevant one. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Pendopo',
    backgroundColor: '#f4f7f6',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/** The renderer's own page: index.html inside the built renderer folder, and nothing else. */
export function rendererEntryUrl(rendererDir: string): string {
  return pathToFileURL(path.join(rendererDir, 'index.html')).href;
}

/** True when an IPC message comes from our own page (top frame, our file), not from anything it might have navigated to. */
export function isTrustedSenderUrl(senderUrl: string | undefined, rendererDir: string): boolean {
  if (!senderUrl) return false;
  try {
    const url = new URL(senderUrl);
    const entry = new URL(rendererEntryUrl(rendererDir));
    return url.protocol === 'file:' && url.host === '' && url.pathname === entry.pathname;
  } catch {
    return false;
  }
}

/** Only plain web links may leave the app, and only to the system browser. */
export function isSafeExternalUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The IPC sender must be our page's top frame: not a subframe, not a page it navigated to. */
export function isTrustedSenderFrame(frame: { parent: unknown; url: string } | null | undefined, rendererDir: string): boolean {
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url, rendererDir);
}

/** The one checked way out of the app to the system browser. */
export function openExternalSafely(shell: { openExternal(url: string): Promise<void> }, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** Camera, microphone, geolocation, notifications…: the app needs none, so every request and check is refused. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
