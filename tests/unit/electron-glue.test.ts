import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { handleCallMessage, registerIpc, CALL_CHANNEL, PROGRESS_CHANNEL, type IpcDeps } from '../../electron/main/ipc.js';
import { isSafeExternalUrl, isTrustedSenderUrl, mainWindowOptions, rendererEntryUrl } from '../../electron/main/security.js';
import { electronNativeBinding } from '../../electron/main/native-binding.js';
import { DesktopSession } from '../../electron/auth/sessions.js';
import { ADMIN } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

function fakeEvent(sent: unknown[] = []): IpcMainInvokeEvent {
  return { sender: { isDestroyed: () => false, send: (channel: string, message: unknown) => sent.push([channel, message]) } } as unknown as IpcMainInvokeEvent;
}

function loggedIn(): DesktopSession {
  const session = new DesktopSession();
  session.open({ ...ADMIN, idleMinutes: 15 });
  return session;
}

function deps(overrides: Partial<IpcDeps> = {}): IpcDeps {
  return {
    isTrustedSender: () => true,
    session: loggedIn(),
    call: async (name, input, _actor, onProgress) => {
      onProgress({ done: 1, total: 1 });
      return { ok: true, value: { name, input } };
    },
    ...overrides,
  };
}

describe('IPC glue', () => {
  it('forwards a well-formed call and its progress, tagged with the call id', async () => {
    const sent: unknown[] = [];
    const result = await handleCallMessage(fakeEvent(sent), { callId: 'c1', name: 'office.get', input: {} }, deps());
    expect(result).toEqual({ ok: true, value: { name: 'office.get', input: {} } });
    expect(sent).toEqual([[PROGRESS_CHANNEL, { callId: 'c1', progress: { done: 1, total: 1 } }]]);
  });

  it('refuses a call from an untrusted frame without calling the backend', async () => {
    const call = vi.fn();
    const result = await handleCallMessage(fakeEvent(), { callId: 'c1', name: 'office.get', input: {} }, deps({ isTrustedSender: () => false, call }));
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(call).not.toHaveBeenCalled();
  });

  it.each([[null], ['office.get'], [{ name: 42 }], [{ callId: 'x', name: 'n'.repeat(200) }]])('refuses a malformed message %j', async (message) => {
    const call = vi.fn();
    const result = await handleCallMessage(fakeEvent(), message, deps({ call }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(call).not.toHaveBeenCalled();
  });

  it('registers exactly one channel', () => {
    const handle = vi.fn();
    registerIpc({ handle }, deps());
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0][0]).toBe(CALL_CHANNEL);
  });
});

describe('window security', () => {
  it('keeps the hardened webPreferences', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('trusts only our own index.html as an IPC sender', () => {
    const dir = '/opt/pendopo/dist/renderer';
    expect(isTrustedSenderUrl(rendererEntryUrl(dir), dir)).toBe(true);
    expect(isTrustedSenderUrl(`${rendererEntryUrl(dir)}#/wilayah?kecamatan=33.16.01`, dir)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', dir)).toBe(false);
    expect(isTrustedSenderUrl('https://example.com/', dir)).toBe(false);
    expect(isTrustedSenderUrl(undefined, dir)).toBe(false);
  });

  it('opens only plain web links externally', () => {
    expect(isSafeExternalUrl('https://sensus.bps.go.id/')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('not a url')).toBe(false);
  });
});

describe('Electron build of better-sqlite3', () => {
  it('is looked up beside the Node build, and its absence is explained', () => {
    const root = tempDir();
    expect(() => electronNativeBinding({ packaged: false, resourcesPath: '', appRoot: root, modulesVersion: '140' })).toThrow(
      /Electron build of better-sqlite3 is missing .*build-electron-native/,
    );
    const dir = path.join(root, 'build', 'native', 'electron-abi140');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), '');
    expect(electronNativeBinding({ packaged: false, resourcesPath: '', appRoot: root, modulesVersion: '140' })).toBe(path.join(dir, 'better_sqlite3.node'));
    const resources = tempDir();
    fs.mkdirSync(path.join(resources, 'native'));
    fs.writeFileSync(path.join(resources, 'native', 'better_sqlite3.node'), '');
    expect(electronNativeBinding({ packaged: true, resourcesPath: resources, appRoot: root, modulesVersion: '140' })).toBe(
      path.join(resources, 'native', 'better_sqlite3.node'),
    );
  });

  it('is what the packaging configuration ships, without rebuilding node_modules', () => {
    const config = createRequire(import.meta.url)('../../build/electron-builder.config.cjs');
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([expect.objectContaining({ to: 'native', filter: ['better_sqlite3.node'] })]);
    expect(config.win.target[0].target).toBe('nsis');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.files).toContain('drizzle/migrations/**/*');
    expect(fs.existsSync(path.resolve('build', config.beforePack.replace('./build/', '')))).toBe(true);
  });
});
