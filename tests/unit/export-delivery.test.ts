import fs from 'node:fs';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadGrants } from '../../electron/files/download-grants.js';
import { exportsDir } from '../../electron/files/export-store.js';
import type { ExportHandle } from '../../electron/files/exported-file.js';
import { handleCallMessage } from '../../electron/main/ipc.js';
import { DESKTOP_OWNER, handleSaveExport, type SaveExportDeps } from '../../electron/main/save-export.js';
import { DesktopSession } from '../../electron/auth/sessions.js';
import { runCli } from '../../electron/cli/run.js';
import { startOfficeServer, type OfficeServer } from '../../electron/server/office-server.js';
import { contentDisposition } from '../../electron/server/downloads.js';
import { ADMIN, bloraBackend, type TestBackend } from '../support/backend.js';
import { generateCensusData } from '../support/census-data.js';
import { httpClient, type HttpClient } from '../support/http-session.js';
import { tempDir } from '../support/office-process.js';

const HOUSEHOLDS = 30_000;
const PASSWORD = 'rahasia-kantor-1';
let backend: TestBackend;

beforeAll(async () => {
  backend = await bloraBackend();
  generateCensusData(backend.database.sqlite, {
    slsCount: 600,
    households: HOUSEHOLDS,
    fieldStart: '2020-09-01',
    fieldDays: 30,
  });
  for (const username of ['ani', 'budi'])
    await backend.call('users.create', { username, displayName: username, role: 'koordinator', password: PASSWORD });
});
afterAll(() => backend.close());

const inExports = () =>
  fs.existsSync(exportsDir(backend.dataDir)) ? fs.readdirSync(exportsDir(backend.dataDir)).sort() : [];
/** Runs `work` and checks that it left no file in the data folder's exports. */
async function leavesNothing(work: () => Promise<void>): Promise<void> {
  const before = inExports();
  await work();
  // A downloaded file is removed once its stream has closed, a moment after the client read the last byte.
  await expect.poll(inExports, { timeout: 10_000 }).toEqual(before);
}

describe('office mode: an export is a one-time download of a file on disk', () => {
  let server: OfficeServer;
  let ani: HttpClient;
  let budi: HttpClient;
  beforeAll(async () => {
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Pendopo</title>');
    server = await startOfficeServer({ api: backend.api, staticDir, port: 0, dataDir: backend.dataDir });
    ani = httpClient(server.url);
    budi = httpClient(server.url);
    await ani.login('ani', PASSWORD);
    await budi.login('budi', PASSWORD);
  });
  afterAll(() => server.close());

  const download = (client: HttpClient | null, handle: ExportHandle) =>
    fetch(`${server.url}api/download/${handle.exportId}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });

  it('answers the call with progress lines and a small handle, then streams the file once to that session only', () =>
    leavesNothing(async () => {
      const answer = await ani.post('sync.exportHouseholds', { format: 'csv' });
      expect(answer.last.ok).toBe(true);
      const handle = answer.last.value as ExportHandle;
      expect(handle).toMatchObject({ fileName: 'rumah-tangga.csv', mimeType: 'text/csv; charset=utf-8' });
      expect(JSON.stringify(answer.last).length).toBeLessThan(300);
      expect(answer.lines.filter((l) => l.progress).length).toBeGreaterThan(0);
      expect(answer.lines.filter((l) => l.progress).at(-1).progress).toEqual({ done: HOUSEHOLDS, total: HOUSEHOLDS });

      expect((await download(null, handle)).status).toBe(401);
      expect((await download(budi, handle)).status).toBe(404);
      const response = await download(ani, handle);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="rumah-tangga.csv"; filename*=UTF-8''rumah-tangga.csv`,
      );
      expect(Number(response.headers.get('content-length'))).toBe(handle.size);
      const lines = (await response.text()).trimEnd().split('\n');
      expect(lines[0]).toBe('household_id,sls_id,status,members,male,female,visited_at,revision,officer_code');
      expect(lines).toHaveLength(HOUSEHOLDS + 1);
      const again = await download(ani, handle);
      expect(again.status).toBe(404);
      expect(await again.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'exports.gone' } });
    }));

  it("exports only one SLS's households when the screen shows one SLS", async () => {
    const sls = backend.database.sqlite
      .prepare('SELECT sls_id FROM households GROUP BY sls_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get() as string;
    const count = backend.database.sqlite
      .prepare('SELECT count(*) FROM households WHERE sls_id = ?')
      .pluck()
      .get(sls) as number;
    const answer = await ani.post('sync.exportHouseholds', { format: 'csv-excel', slsId: sls });
    const handle = answer.last.value as ExportHandle;
    expect(handle.fileName).toBe(`rumah-tangga-${sls}-excel.csv`);
    const text = await (await download(ani, handle)).text();
    const rows = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(rows[0]).toBe(
      'ID rumah tangga;ID SLS;Status;Anggota;Laki-laki;Perempuan;Dikunjungi (WIB);Revisi;Kode petugas;Ditandai',
    );
    expect(rows).toHaveLength(count + 1);
    expect(rows.slice(1).every((r) => r.split(';')[1] === sls)).toBe(true);
  });

  it('forgets a session’s downloads when it logs out', async () => {
    const carol = httpClient(server.url);
    await carol.login('ani', PASSWORD);
    const handle = (await carol.post('progress.export', { level: 'kecamatan', format: 'xlsx' })).last
      .value as ExportHandle;
    const cookie = carol.cookie;
    await carol.post('users.auth.logout', {});
    carol.cookie = cookie;
    expect((await download(carol, handle)).status).toBe(401);
  });

  it('names files in UTF-8 with an ASCII fallback', () => {
    expect(contentDisposition('pakta-Dinas Pendidikan "A".pdf')).toBe(
      `attachment; filename="pakta-Dinas Pendidikan _A_.pdf"; filename*=UTF-8''pakta-Dinas%20Pendidikan%20%22A%22.pdf`,
    );
    expect(contentDisposition('Ma’ruf.csv')).toBe(
      `attachment; filename="Ma_ruf.csv"; filename*=UTF-8''Ma%E2%80%99ruf.csv`,
    );
  });
});

describe('desktop: the main process asks where to save and moves the file there', () => {
  const event = {} as IpcMainInvokeEvent;
  const deps = (overrides: Partial<SaveExportDeps> = {}): SaveExportDeps & { grants: DownloadGrants } =>
    ({
      isTrustedSender: () => true,
      grants: new DownloadGrants(),
      dataDir: backend.dataDir,
      chooseTarget: async () => null,
      ...overrides,
    }) as SaveExportDeps & { grants: DownloadGrants };

  /** A real export, through the IPC glue, which grants it to the window. */
  async function exportThroughIpc(d: { grants: DownloadGrants }): Promise<ExportHandle> {
    const session = new DesktopSession();
    session.open({ ...ADMIN, idleMinutes: 15, sessionEpoch: 0 });
    const sender = { isDestroyed: () => false, send: () => {} };
    const result = await handleCallMessage(
      { sender } as unknown as IpcMainInvokeEvent,
      { callId: 'c1', name: 'census.assignments.export', input: { format: 'xlsx' } },
      {
        isTrustedSender: () => true,
        session,
        grants: d.grants,
        sessionEffect: (name) => backend.api.sessionEffect(name),
        call: async (name, input, actor, onProgress) => ({
          ok: true,
          value: await backend.api.call(name, input, { actor, onProgress }),
        }),
      },
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.value as ExportHandle;
  }

  it('saves a granted export to the chosen file, once', () =>
    leavesNothing(async () => {
      const target = path.join(tempDir(), 'penugasan.xlsx');
      const d = deps({
        chooseTarget: async (_event, name) => {
          expect(name).toBe('penugasan-semua.xlsx');
          return target;
        },
      });
      const handle = await exportThroughIpc(d);
      expect(await handleSaveExport(event, { exportId: handle.exportId }, d)).toEqual({
        ok: true,
        value: { saved: true, fileName: 'penugasan.xlsx' },
      });
      expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
      expect(fs.statSync(target).size).toBe(handle.size);
      expect(await handleSaveExport(event, { exportId: handle.exportId }, d)).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', key: 'exports.gone' },
      });
    }));

  it('removes the file when the user cancels the dialog', () =>
    leavesNothing(async () => {
      const d = deps();
      const handle = await exportThroughIpc(d);
      expect(await handleSaveExport(event, { exportId: handle.exportId }, d)).toEqual({
        ok: true,
        value: { saved: false, fileName: handle.fileName },
      });
    }));

  it('refuses an untrusted frame, a malformed message and an export it did not grant', async () => {
    const d = deps({ chooseTarget: async () => path.join(tempDir(), 'x') });
    const handle = await exportThroughIpc({ grants: new DownloadGrants() }); // made by another window
    expect(
      await handleSaveExport(event, { exportId: handle.exportId }, { ...d, isTrustedSender: () => false }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handleSaveExport(event, { exportId: '../../pendopo.db' }, d)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await handleSaveExport(event, { exportId: handle.exportId }, d)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    d.grants.grant(DESKTOP_OWNER, handle.exportId);
    expect(await handleSaveExport(event, { exportId: handle.exportId }, d)).toMatchObject({
      ok: true,
      value: { saved: true },
    });
  });
});

describe('CLI: an export goes to --out or to stdout, and nothing stays in the data folder', () => {
  const dbFile = () => backend.database.file;
  const io = () => {
    const out = { stdout: [] as string[], stderr: [] as string[], chunks: [] as Buffer[] };
    return {
      out,
      io: {
        stdout: (t: string) => out.stdout.push(t),
        stderr: (t: string) => out.stderr.push(t),
        write: async (chunk: Uint8Array | string) => void out.chunks.push(Buffer.from(chunk)),
      },
    };
  };

  it('streams the machine CSV to stdout', () =>
    leavesNothing(async () => {
      const { out, io: cliIo } = io();
      expect(await runCli(['--db', dbFile(), 'export', 'households'], cliIo)).toBe(0);
      const text = Buffer.concat(out.chunks).toString('utf8');
      expect(text.split('\n')).toHaveLength(HOUSEHOLDS + 2);
      expect(out.chunks.length).toBeGreaterThan(1);
    }));

  it('moves the file to --out, in each format', () =>
    leavesNothing(async () => {
      const dir = tempDir();
      for (const format of ['csv', 'csv-excel', 'xlsx']) {
        const { out, io: cliIo } = io();
        const target = path.join(dir, `hh.${format}`);
        expect(
          await runCli(['--db', dbFile(), 'export', 'households', '--format', format, '--out', target], cliIo),
        ).toBe(0);
        expect(out.stderr).toEqual([`Wrote ${target}`]);
        expect(fs.statSync(target).size).toBeGreaterThan(100_000);
      }
      expect(fs.readFileSync(path.join(dir, 'hh.csv-excel')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    }));

  it('refuses an unknown format as a usage error', async () => {
    const { out, io: cliIo } = io();
    expect(await runCli(['--db', dbFile(), 'export', 'households', '--format', 'ods'], cliIo)).toBe(2);
    expect(out.stderr[0]).toContain('--format must be one of xlsx, csv-excel, csv');
  });
});
