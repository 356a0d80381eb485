// Crash safety: SIGKILL the importing process at random moments; the database stays sound and the
// package is either fully applied or not at all; importing it again then completes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bloraBackend } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { REPO, runCliProcess, tempDir } from '../support/office-process.js';
import { householdsOf, writePackage } from '../support/sync-packages.js';

const CLI = path.join(REPO, 'scripts', 'cli.mjs');
const KILLS = 6;

/** The records file a big package's import spills to while reading, in the data folder beside the database. */
function recordsFileSize(dbFile: string): number {
  const incoming = path.join(dbFile.replace(/\.db$/, '-files'), 'incoming');
  const files = fs.existsSync(incoming) ? fs.readdirSync(incoming).filter((f) => f.endsWith('.records.tsv')) : [];
  return files.reduce((size, f) => Math.max(size, fs.statSync(path.join(incoming, f)).size), 0);
}

/**
 * Runs `import sync` and waits until the records file reaches `readSize` (reading is done, the
 * write transaction starts); then kills it after `killAfter` ms, or lets it finish when undefined.
 * Returns the ms from the end of reading to the exit, and the records file size seen.
 */
async function runImport(dbFile: string, file: string, readSize: number | null, killAfter?: number) {
  // A killed import leaves its records file behind; start from none.
  fs.rmSync(path.join(dbFile.replace(/\.db$/, '-files'), 'incoming'), { recursive: true, force: true });
  const child = spawn(process.execPath, [CLI, '--db', dbFile, 'import', 'sync', file, '--json'], {
    cwd: REPO,
    stdio: 'ignore',
  });
  let exited = false;
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  let size = 0;
  let stable = 0;
  // Reading is done when the records file stops growing (or reaches the size a full run produced).
  while (!exited && (readSize === null ? stable < 3 : size < readSize)) {
    await new Promise((r) => setTimeout(r, 10));
    const now = recordsFileSize(dbFile);
    stable = now > 0 && now === size ? stable + 1 : 0;
    size = now;
  }
  const readDone = Date.now();
  if (killAfter !== undefined && !exited) {
    await new Promise((r) => setTimeout(r, killAfter));
    child.kill('SIGKILL');
  }
  const code = await exit;
  return { code, applyMs: Date.now() - readDone, size };
}

function inspect(dbFile: string) {
  const sqlite = new Database(dbFile);
  try {
    return {
      integrity: sqlite.pragma('integrity_check', { simple: true }),
      households: sqlite.prepare('SELECT count(*) FROM households').pluck().get() as number,
      members: sqlite.prepare('SELECT coalesce(sum(members), 0) FROM households').pluck().get() as number,
      imported: sqlite.prepare("SELECT count(*) FROM sync_imports WHERE status = 'imported'").pluck().get() as number,
      recordedNew: sqlite
        .prepare("SELECT coalesce(sum(new_count), 0) FROM sync_imports WHERE status = 'imported'")
        .pluck()
        .get() as number,
    };
  } finally {
    sqlite.close();
  }
}

describe('field sync: crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments of a large import`, async () => {
    const backend = await bloraBackend();
    const slsIds = await seedSampleSlsMaster(backend.database.db);
    const dbFile = backend.database.file;
    backend.close();
    // 105,000 households: past BIG_PACKAGE_LINES, so reading spills to the records file the kills wait for.
    const lines = [...householdsOf(slsIds.slice(0, 3500), 30)];
    const expectedMembers = lines.reduce((sum, h) => sum + h.members, 0);
    const file = path.join(tempDir(), 'big.spsync');
    await writePackage(file, { officer: 'PPL-3316-0001', lines });

    // How long the write phase takes here, on a copy, to spread the kills over it.
    const probeDb = path.join(tempDir(), 'probe.db');
    fs.copyFileSync(dbFile, probeDb);
    const probe = await runImport(probeDb, file, null);
    expect(probe.code).toBe(0);
    expect(inspect(probeDb).households).toBe(lines.length);

    const outcomes: string[] = [];
    const interrupted: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      // Each kill on a fresh copy of the office, so each can land inside the write.
      const killedDb = path.join(tempDir(), 'killed.db');
      fs.copyFileSync(dbFile, killedDb);
      const delay = Math.round(Math.random() * probe.applyMs * 1.2);
      const { code } = await runImport(killedDb, file, probe.size, delay);
      const state = inspect(killedDb);
      outcomes.push(`${delay}ms:${code === null ? 'killed' : `exit ${code}`}:${state.households}`);
      expect(state.integrity).toBe('ok');
      // All or nothing: no households and no accepted import, or every household and one accepted import.
      if (state.imported === 0) {
        expect(state.households).toBe(0);
        interrupted.push(killedDb);
      } else
        expect(state).toMatchObject({
          imported: 1,
          households: lines.length,
          recordedNew: lines.length,
          members: expectedMembers,
        });
    }
    console.log(
      `write phase took ${probe.applyMs}ms; kills after reading (delay:outcome:households): ${outcomes.join(' ')}`,
    );
    expect(interrupted.length).toBeGreaterThan(0);

    // Killed again and again on the same office, then imported to the end.
    const office = interrupted[0];
    for (let i = 0; i < 2; i++)
      await runImport(office, file, probe.size, Math.round(Math.random() * probe.applyMs * 0.5));
    const again = await runCliProcess(['--db', office, 'import', 'sync', file, '--json']);
    expect(again.code).toBe(0);
    expect(['imported', 'duplicate']).toContain(JSON.parse(again.stdout).status);
    expect(inspect(office)).toMatchObject({
      integrity: 'ok',
      imported: 1,
      households: lines.length,
      recordedNew: lines.length,
      members: expectedMembers,
    });
  }, 300_000);
});
