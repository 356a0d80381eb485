import type { BrowserWindowConstructorOptions, Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../server/security-headers.js';
import { APP_ENTRY_URL } from './app-protocol.js';

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

/** The renderer's own page: index.html of the app scheme, and nothing else. */
export function rendererEntryUrl(): string {
  return APP_ENTRY_URL;
}

/** True when an IPC message comes from our own page (top frame, our entry), not from anything it might have navigated to. */
export function isTrustedSenderUrl(senderUrl: string | undefined): boolean {
  if (!senderUrl) return false;
  try {
    const url = new URL(senderUrl);
    const entry = new URL(APP_ENTRY_URL);
    return (
      url.protocol === entry.protocol &&
      url.host === entry.host &&
      url.pathname === entry.pathname &&
      url.username === '' &&
      url.port === ''
    );
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
export function isTrustedSenderFrame(frame: { parent: unknown; url: string } | null | undefined): boolean {
  return !!frame && frame.parent === null && isTrustedSenderUrl(frame.url);
}

/** The one checked way out of the app to the system browser. */
export function openExternalSafely(shell: { openExternal(url: string): Promise<void> }, url: string): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

/** Camera, microphone, geolocation, notifications…: the app needs none, so every request and check is refused. */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** What `guardWebContents` needs of a WebContents (a test passes a fake one). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (event: { preventDefault(): void }, ...args: unknown[]) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every web contents the app ever creates (app.on('web-contents-created')), not only the
 * main window: no navigation or redirect away from the loaded page, no <webview>, and no new
 * window — a link meant for the browser goes through the one checked way out.
 */
export function guardWebContents(contents: GuardedContents, shell: { openExternal(url: string): Promise<void> }): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
}
