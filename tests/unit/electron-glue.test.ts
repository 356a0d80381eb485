import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  forwardChanges,
  handleCallMessage,
  registerIpc,
  CALL_CHANNEL,
  CHANGES_CHANNEL,
  PROGRESS_CHANNEL,
  type IpcDeps,
} from '../../electron/main/ipc.js';
import type { ChangeEvent } from '../../electron/api/define.js';
import { operations, type OperationName } from '../../electron/api/registry.js';
import { answerAppRequest, APP_SCHEME_PRIVILEGES } from '../../electron/main/app-protocol.js';
import {
  denyAllPermissions,
  guardWebContents,
  isSafeExternalUrl,
  isTrustedSenderFrame,
  isTrustedSenderUrl,
  mainWindowOptions,
  openExternalSafely,
  rendererEntryUrl,
} from '../../electron/main/security.js';
import { electronNativeBinding } from '../../electron/main/native-binding.js';
import { DesktopSession } from '../../electron/auth/sessions.js';
import { LoginThrottle } from '../../electron/auth/login-throttle.js';
import { ApiError } from '../../electron/api/errors.js';
import { ADMIN } from '../support/backend.js';
import { tempDir } from '../support/office-process.js';

function fakeEvent(sent: unknown[] = []): IpcMainInvokeEvent {
  return {
    sender: { isDestroyed: () => false, send: (channel: string, message: unknown) => sent.push([channel, message]) },
  } as unknown as IpcMainInvokeEvent;
}

function loggedIn(): DesktopSession {
  const session = new DesktopSession();
  session.open({ ...ADMIN, idleMinutes: 15, sessionEpoch: 0 });
  return session;
}

function deps(overrides: Partial<IpcDeps> = {}): IpcDeps {
  return {
    isTrustedSender: () => true,
    session: loggedIn(),
    // The real operations say which open or close a session.
    sessionEffect: (name) => (Object.hasOwn(operations, name) ? operations[name as OperationName].session : undefined),
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
    const result = await handleCallMessage(
      fakeEvent(sent),
      { callId: 'c1', name: 'wilayah.office.get', input: {} },
      deps(),
    );
    expect(result).toEqual({ ok: true, value: { name: 'wilayah.office.get', input: {} } });
    expect(sent).toEqual([[PROGRESS_CHANNEL, { callId: 'c1', progress: { done: 1, total: 1 } }]]);
  });

  it('refuses a call from an untrusted frame without calling the backend', async () => {
    const call = vi.fn();
    const result = await handleCallMessage(
      fakeEvent(),
      { callId: 'c1', name: 'wilayah.office.get', input: {} },
      deps({ isTrustedSender: () => false, call }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(call).not.toHaveBeenCalled();
  });

  it.each([[null], ['wilayah.office.get'], [{ name: 42 }], [{ callId: 'x', name: 'n'.repeat(200) }]])(
    'refuses a malformed message %j',
    async (message) => {
      const call = vi.fn();
      const result = await handleCallMessage(fakeEvent(), message, deps({ call }));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(call).not.toHaveBeenCalled();
    },
  );

  it('slows wrong passwords at the window like office mode does', async () => {
    const call = vi.fn(async () => ({ ok: false as const, error: new ApiError('UNAUTHENTICATED', 'wrong').toJSON() }));
    const d = deps({ session: new DesktopSession(), call, throttle: new LoginThrottle() });
    const login = () =>
      handleCallMessage(
        fakeEvent(),
        { callId: '1', name: 'users.auth.login', input: { username: 'admin', password: 'guess' } },
        d,
      );
    for (let i = 0; i < 3; i++) expect(await login()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await login()).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', key: 'auth.throttledSeconds', params: { seconds: 1 } },
    });
    expect(call).toHaveBeenCalledTimes(3);
    expect(fs.readFileSync(path.resolve('electron/main/main.ts'), 'utf8')).toContain('throttle: new LoginThrottle()');
  });

  it('sends change events to every open window while someone is logged in, and stops when told', () => {
    const listeners = new Set<(event: ChangeEvent) => void>();
    const source = {
      onChange: (l: (event: ChangeEvent) => void) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
    const sent: unknown[][] = [];
    const open = { isDestroyed: () => false, send: (...args: unknown[]) => sent.push(args) };
    const closed = { isDestroyed: () => true, send: () => sent.push(['closed window']) };
    const session = new DesktopSession();
    const stop = forwardChanges(source, () => [open, closed], session);
    const event: ChangeEvent = {
      operation: 'sync.import',
      topics: ['sync', 'progress', 'audit'],
      at: '2020-09-14T10:00:00.000Z',
    };
    for (const l of listeners) l(event);
    expect(sent).toEqual([]);
    session.open({ username: 'admin', role: 'admin', idleMinutes: 30, sessionEpoch: 1 });
    for (const l of listeners) l(event);
    expect(sent).toEqual([[CHANGES_CHANNEL, event]]);
    stop();
    expect(listeners.size).toBe(0);
  });

  it('registers exactly one channel', () => {
    const handle = vi.fn();
    registerIpc({ handle }, deps());
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0][0]).toBe(CALL_CHANNEL);
  });
});

describe('window security', () => {
  it('pins every webPreference (style.md checklist): a change anywhere fails this test', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toEqual({
      preload: '/app/preload.cjs',
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
    });
    expect(mainWindowOptions('/app/preload.cjs')).toMatchObject({ show: false, title: 'Pendopo' });
  });

  it('trusts only our own index.html on the app scheme as an IPC sender', () => {
    expect(rendererEntryUrl()).toBe('pendopo://app/index.html');
    expect(isTrustedSenderUrl(rendererEntryUrl())).toBe(true);
    expect(isTrustedSenderUrl(`${rendererEntryUrl()}#/wilayah?kecamatan=33.16.01`)).toBe(true);
    for (const url of [
      'file:///opt/pendopo/dist/renderer/index.html',
      'pendopo://other/index.html',
      'pendopo://app/evil.html',
      'pendopo://x@app/index.html',
      'https://example.com/',
    ]) {
      expect(isTrustedSenderUrl(url), url).toBe(false);
    }
    expect(isTrustedSenderUrl(undefined)).toBe(false);
  });

  it('checks the sender frame: only our top frame, never a subframe or a navigated page', () => {
    expect(isTrustedSenderFrame({ parent: null, url: rendererEntryUrl() })).toBe(true);
    expect(isTrustedSenderFrame({ parent: {}, url: rendererEntryUrl() })).toBe(false);
    expect(isTrustedSenderFrame({ parent: null, url: 'https://evil.example/' })).toBe(false);
    expect(isTrustedSenderFrame(null)).toBe(false);
  });

  it('serves the UI from its own privileged scheme: the built folder only, with the CSP, never file://', async () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'pendopo',
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: false,
        corsEnabled: false,
        bypassCSP: false,
        allowServiceWorkers: false,
        stream: false,
        codeCache: true,
      },
    });
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><title>Pendopo</title><meta property="csp-nonce" nonce="__PENDOPO_NONCE__">',
    );
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(dir), 'secret.txt'), 'outside');
    const page = await answerAppRequest(new Request(rendererEntryUrl()), dir);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const nonce = /'nonce-([\w-]{20,})'/.exec(csp)![1];
    expect(await page.text()).toContain(`<title>Pendopo</title><meta property="csp-nonce" nonce="${nonce}">`);
    expect((await answerAppRequest(new Request('pendopo://app/assets/app.js'), dir)).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    for (const url of [
      'pendopo://app/../secret.txt',
      'pendopo://app/%2e%2e/secret.txt',
      'pendopo://app/missing.js',
      'pendopo://elsewhere/index.html',
      'pendopo://app/assets',
    ]) {
      expect((await answerAppRequest(new Request(url), dir)).status, url).toBe(404);
    }
    expect((await answerAppRequest(new Request(rendererEntryUrl(), { method: 'POST', body: 'x' }), dir)).status).toBe(
      405,
    );
    const main = fs.readFileSync(path.resolve('electron/main/main.ts'), 'utf8');
    expect(main).toContain('protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])');
    expect(main).toContain('protocol.handle(APP_SCHEME');
    for (const file of ['electron/main/main.ts', 'electron/main/security.ts'])
      expect(fs.readFileSync(path.resolve(file), 'utf8'), file).not.toMatch(/file:|pathToFileURL|loadFile\(/);
  });

  it('guards every web contents the app creates: no navigation, redirect, webview or new window', () => {
    const handlers = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    guardWebContents(
      {
        on: (name: string, listener: (event: { preventDefault(): void }) => void) => handlers.set(name, listener),
        setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
      } as never,
      { openExternal: async (url: string) => void opened.push(url) },
    );
    expect([...handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    for (const [name, handler] of handlers) {
      const preventDefault = vi.fn();
      handler({ preventDefault });
      expect(preventDefault, name).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://sensus.bps.go.id/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://sensus.bps.go.id/']);
    const main = fs.readFileSync(path.resolve('electron/main/main.ts'), 'utf8');
    expect(main).toContain("app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell));");
  });

  it('opens external links only through the one checked function', () => {
    const opened: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    expect(openExternalSafely(shell, 'https://sensus.bps.go.id/')).toBe(true);
    expect(openExternalSafely(shell, 'file:///etc/passwd')).toBe(false);
    expect(openExternalSafely(shell, 'javascript:alert(1)')).toBe(false);
    expect(opened).toEqual(['https://sensus.bps.go.id/']);
    const main = fs.readFileSync(path.resolve('electron/main/main.ts'), 'utf8');
    expect(main.match(/shell\.openExternal\(/g) ?? []).toHaveLength(0);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (h: typeof request) => void (request = h),
      setPermissionCheckHandler: (h: typeof check) => void (check = h),
    } as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request!(null, permission, (ok) => (granted = ok));
      expect(granted, permission).toBe(false);
    }
    expect(check!(null, 'media')).toBe(false);
    const main = fs.readFileSync(path.resolve('electron/main/main.ts'), 'utf8');
    expect(main).toContain('denyAllPermissions(session.defaultSession)');
  });

  it('refuses calls until someone logs in, and after logout', async () => {
    const session = new DesktopSession();
    const seen: (string | null)[] = [];
    const d = deps({
      session,
      call: async (name, _input, actor) => {
        seen.push(actor?.username ?? null);
        return name === 'users.auth.login'
          ? { ok: true, value: { ...ADMIN, idleMinutes: 15 } }
          : { ok: true, value: null };
      },
    });
    await handleCallMessage(fakeEvent(), { callId: '1', name: 'wilayah.office.get', input: {} }, d);
    await handleCallMessage(fakeEvent(), { callId: '2', name: 'users.auth.login', input: {} }, d);
    await handleCallMessage(fakeEvent(), { callId: '3', name: 'wilayah.office.get', input: {} }, d);
    await handleCallMessage(fakeEvent(), { callId: '4', name: 'users.auth.logout', input: {} }, d);
    await handleCallMessage(fakeEvent(), { callId: '5', name: 'wilayah.office.get', input: {} }, d);
    expect(seen).toEqual([null, null, ADMIN.username, ADMIN.username, null]);
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
    expect(() =>
      electronNativeBinding({ packaged: false, resourcesPath: '', appRoot: root, modulesVersion: '140' }),
    ).toThrow(/Electron build of better-sqlite3 is missing .*build-electron-native/);
    const dir = path.join(root, 'build', 'native', 'electron-abi140');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'better_sqlite3.node'), '');
    expect(electronNativeBinding({ packaged: false, resourcesPath: '', appRoot: root, modulesVersion: '140' })).toBe(
      path.join(dir, 'better_sqlite3.node'),
    );
    const resources = tempDir();
    fs.mkdirSync(path.join(resources, 'native'));
    fs.writeFileSync(path.join(resources, 'native', 'better_sqlite3.node'), '');
    expect(
      electronNativeBinding({ packaged: true, resourcesPath: resources, appRoot: root, modulesVersion: '140' }),
    ).toBe(path.join(resources, 'native', 'better_sqlite3.node'));
  });

  it('the packaged binary has its fuses flipped: no Node mode, no NODE_OPTIONS or inspector, app only from a checked asar', () => {
    const config = createRequire(import.meta.url)('../../build/electron-builder.config.cjs');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
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
