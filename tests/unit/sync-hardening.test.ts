// The field sync parser against hostile packages (format unchanged): overlong lines at linear cost,
// keys JSON.parse would let through, and ZIPs whose two directories disagree.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonKeyProblem } from '../../electron/features/sync/format.js';
import { LineSplitter, MAX_LINE_CHARS } from '../../electron/features/sync/parse-package.js';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import { household, householdsOf, readZipMember, writePackage, writeRawZip } from '../support/sync-packages.js';
import { contentDump } from '../support/sync-state.js';

const SLS = '3316012001000100';

describe('LineSplitter', () => {
  it('cuts lines across chunks, keeps blank and last lines, and drops an overlong line as it streams', () => {
    const lines: string[] = [];
    let tooLong = 0;
    const splitter = new LineSplitter(
      10,
      (l) => lines.push(l),
      () => tooLong++,
    );
    for (const chunk of ['ab', 'c\n\nde', 'f\r\n0123456789', 'X', 'YZ\nlast']) splitter.write(chunk);
    splitter.end();
    expect(lines).toEqual(['abc', '', 'def\r', 'last']);
    expect(tooLong).toBe(1);
  });

  it('costs the same per character whether the text is one line or many (linear)', () => {
    const chunk = 'x'.repeat(64 * 1024);
    const time = (text: string, chunks: number) => {
      const splitter = new LineSplitter(
        Number.MAX_SAFE_INTEGER,
        () => {},
        () => {},
      );
      const started = performance.now();
      for (let i = 0; i < chunks; i++) splitter.write(text);
      splitter.end();
      return performance.now() - started;
    };
    // 64 MB as one line: with a quadratic splitter this alone took minutes.
    const oneLine = time(chunk, 1024);
    expect(oneLine).toBeLessThan(20_000);
  });
});

describe('JSON keys the parser would let through', () => {
  it('finds a duplicate or forbidden key at any depth, escaped or not, and nothing in good JSON', () => {
    expect(jsonKeyProblem('{"a":1,"b":"a","c":[{"a":2}]}')).toBeNull();
    expect(jsonKeyProblem('{"a":1,"b":2,"a":3}')).toEqual({ code: 'json.duplicateKey', key: 'a' });
    expect(jsonKeyProblem('{"a":{"x":1,"x":2}}')).toEqual({ code: 'json.duplicateKey', key: 'x' });
    expect(jsonKeyProblem('{"\\u005f_proto__":{}}')).toEqual({ code: 'json.forbiddenKey', key: '__proto__' });
    expect(jsonKeyProblem('{"s":"{\\"constructor\\":1}","constructor":1}')).toEqual({
      code: 'json.forbiddenKey',
      key: 'constructor',
    });
  });
});

describe('field sync: hostile packages are rejected whole and recorded', () => {
  let backend: TestBackend;
  let dir: string;
  beforeAll(async () => {
    backend = await bloraBackend();
    await seedSampleSlsMaster(backend.database.db);
    dir = tempDir();
  });

  async function rejected(file: string) {
    const before = contentDump(backend.database.db);
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.status).toBe('rejected');
    expect(contentDump(backend.database.db)).toBe(before);
    const [last] = await backend.call('sync.imports', { limit: 1 });
    expect(last).toMatchObject({ id: result.importId, status: 'rejected' });
    return result;
  }

  it('refuses a 60 MB line in seconds, and still checks the lines after it', async () => {
    const file = path.join(dir, 'long-line.spsync');
    const long = `{"household_id":"${randomBytes(45 * 1024 * 1024).toString('base64')}"}`;
    const lines = [...householdsOf([SLS], 3), long, JSON.stringify({ ...household(SLS, 5), status: 'done' })];
    // Stored, not deflated: random text hardly compresses, and this keeps the test about the parser.
    const jsonl = lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
    await writeRawZip(file, [
      { name: 'manifest.json', data: JSON.stringify({ format: 'sp-field-sync', version: 1 }) },
      { name: 'households.jsonl', data: jsonl, compress: false },
    ]);
    expect(long.length).toBeGreaterThan(60_000_000);
    const started = performance.now();
    const result = await rejected(file);
    const seconds = (performance.now() - started) / 1000;
    console.log(`a ${Math.round(long.length / 1e6)} MB line: rejected in ${seconds.toFixed(1)} s`);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, code: 'line.tooLong', params: { limit: MAX_LINE_CHARS } }),
        expect.objectContaining({ line: 5, code: 'status.unknown' }),
      ]),
    );
  });

  it.each([
    [
      'a key twice in a line',
      `{"household_id":"${SLS}-0003","sls_id":"${SLS}","status":"complete","members":1,"male":1,"female":0,"visited_at":"2020-09-14T10:00:00+07:00","revision":1,"revision":9}`,
      'json.duplicateKey',
      'revision',
    ],
    ['a __proto__ key', `{"__proto__":{"x":1},"household_id":"${SLS}-0003"}`, 'json.forbiddenKey', '__proto__'],
    ['a constructor key', `{"constructor":1,"household_id":"${SLS}-0003"}`, 'json.forbiddenKey', 'constructor'],
  ])('refuses %s on its line', async (_name, line, code, key) => {
    const file = path.join(dir, `${code}-${key}.spsync`);
    const lines = [...householdsOf([SLS], 5)].map((h, i) => (i === 2 ? line : h));
    await writePackage(file, { officer: 'PPL-3316-0001', lines });
    const result = await rejected(file);
    expect(result.errors[0]).toMatchObject({ line: 3, code, params: { key } });
  });

  it('refuses a manifest with a key twice (the last would silently win)', async () => {
    const file = path.join(dir, 'manifest-twice.spsync');
    await writePackage(file, { officer: 'PPL-3316-0001', lines: householdsOf([SLS], 2) });
    const bytes = fs.readFileSync(file);
    // Rewrite manifest.json as text with "kabupaten" twice, keeping everything else.
    const manifest = JSON.parse(await readZipMember(file, 'manifest.json')) as Record<string, unknown>;
    const text = JSON.stringify(manifest).replace('"kabupaten":"33.16"', '"kabupaten":"33.17","kabupaten":"33.16"');
    await writeRawZip(file, [
      { name: 'manifest.json', data: text },
      { name: 'households.jsonl', data: await readZipMember(file, 'households.jsonl') },
    ]);
    expect(fs.readFileSync(file).equals(bytes)).toBe(false);
    const result = await rejected(file);
    expect(result.errors[0]).toMatchObject({
      field: 'manifest.json',
      code: 'json.duplicateKey',
      params: { key: 'kabupaten' },
    });
  });

  it.each([
    ['name', (bytes: Buffer, local: number) => (bytes[local + 30 + 15] = 'm'.charCodeAt(0))],
    ['compression method', (bytes: Buffer, local: number) => bytes.writeUInt16LE(0, local + 8)],
  ])('refuses a local header whose %s disagrees with the central directory', async (part, patch) => {
    const file = path.join(dir, `local-${part.replace(/\W/g, '-')}.spsync`);
    await writePackage(file, { officer: 'PPL-3316-0001', lines: householdsOf([SLS], 2) });
    patchLocalHeader(file, 'households.jsonl', patch);
    const result = await rejected(file);
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'zip.localHeader', params: { name: 'households.jsonl', part } }),
    ]);
  });
});

/** Patches the local header of one member, found through the central directory. */
function patchLocalHeader(file: string, member: string, patch: (bytes: Buffer, local: number) => void): void {
  const bytes = fs.readFileSync(file);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.toString('latin1', at + 46, at + 46 + nameLength) === member) patch(bytes, bytes.readUInt32LE(at + 42));
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  fs.writeFileSync(file, bytes);
}
