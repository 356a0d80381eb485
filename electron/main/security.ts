import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindowConstructorOptions } from 'electron';
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
