// Rule 1: every way a package can break is refused with a named error, and only the import history changes.
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { beforeAll, describe, expect, it } from 'vitest';
import { bloraBackend, type TestBackend } from '../support/backend.js';
import { SAMPLES, seedSampleSlsMaster } from '../support/census-seed.js';
import { tempDir } from '../support/office-process.js';
import {
  household,
  householdsOf,
  patchCentralDirectory,
  writePackage,
  writeRawZip,
  type Household,
  type PackageSpec,
} from '../support/sync-packages.js';
import { contentDump } from '../support/sync-state.js';

const SLS = '3316012001000100';
const OTHER_SLS = '3316012001000200';
const validLines = () => [...householdsOf([SLS], 5)];
const MANIFEST = JSON.stringify({ format: 'sp-field-sync', version: 1 });

type Build = (file: string) => Promise<void>;

const pkg =
  (spec: Partial<PackageSpec>): Build =>
  async (file) => {
    await writePackage(file, { officer: 'PPL-3316-0001', lines: validLines(), ...spec });
  };
/** Builds whose first error must be on line 3. */
const atLine3 = new WeakSet<Build>();
/** A package whose line 3 is `line` (a record with overrides, or raw text). */
const line3 = (line: Partial<Household> | string | Record<string, unknown>): Build => {
  const build = pkg({
    lines: validLines().map((h, i) =>
      i !== 2 ? h : typeof line === 'string' ? line : JSON.stringify({ ...h, ...line }),
    ),
  });
  atLine3.add(build);
  return build;
};
const withoutField = (field: keyof Household): Build =>
  line3(JSON.stringify(Object.fromEntries(Object.entries(household(SLS, 3)).filter(([k]) => k !== field))));
const raw =
  (members: { name: string; data?: Buffer | string; compress?: boolean }[]): Build =>
  (file) =>
    writeRawZip(
      file,
      members.map((m) => ({ name: m.name, data: m.data ?? MANIFEST, compress: m.compress })),
    );
const patched =
  (patch: (bytes: Buffer, header: number, name: string) => void): Build =>
  async (file) => {
    await pkg({})(file);
    patchCentralDirectory(file, (bytes, at) =>
      patch(bytes, at, bytes.toString('latin1', at + 46, at + 46 + bytes.readUInt16LE(at + 28))),
    );
  };

const CASES: [string, Build, string, string?][] = [
  // The container
  ['a member name containing ..', raw([{ name: 'manifest.json' }, { name: '../households.jsonl' }]), 'zip.traversal'],
  ['a member in a folder', raw([{ name: 'manifest.json' }, { name: 'data/households.jsonl' }]), 'zip.folder'],
  ['a member name starting with /', raw([{ name: 'manifest.json' }, { name: '/households.jsonl' }]), 'zip.absolute'],
  ['a member name containing \\', raw([{ name: 'manifest.json' }, { name: 'x\\households.jsonl' }]), 'zip.backslash'],
  [
    'an extra member',
    raw([{ name: 'manifest.json' }, { name: 'households.jsonl', data: '' }, { name: 'notes.txt' }]),
    'zip.extraMember',
  ],
  ['a missing member', raw([{ name: 'manifest.json' }]), 'zip.missingMember'],
  [
    'a member twice',
    raw([{ name: 'manifest.json' }, { name: 'households.jsonl', data: '' }, { name: 'households.jsonl', data: '' }]),
    'zip.duplicateMember',
  ],
  ['an encrypted member', patched((b, at) => b.writeUInt16LE(b.readUInt16LE(at + 8) | 1, at + 8)), 'zip.encrypted'],
  [
    'a CRC error',
    patched(
      (b, at, name) => name === 'households.jsonl' && b.writeUInt32LE((b.readUInt32LE(at + 16) ^ 0xff) >>> 0, at + 16),
    ),
    'zip.crc',
  ],
  [
    'an unsupported compression method',
    patched((b, at, name) => name === 'households.jsonl' && b.writeUInt16LE(12, at + 10)),
    'zip.compression',
  ],
  [
    'over 256 MiB uncompressed',
    patched((b, at, name) => name === 'households.jsonl' && b.writeUInt32LE(300 * 1024 * 1024, at + 24)),
    'zip.tooLarge',
  ],
  [
    'a suspicious compression ratio',
    raw([{ name: 'manifest.json' }, { name: 'households.jsonl', data: Buffer.alloc(4 * 1024 * 1024, 0x20) }]),
    'zip.ratio',
  ],
  [
    'a truncated file',
    async (file) => {
      await pkg({})(file);
      const bytes = fs.readFileSync(file);
      fs.writeFileSync(file, bytes.subarray(0, bytes.length - 40));
    },
    'zip.truncated',
  ],
  ['not a ZIP', async (file) => fs.writeFileSync(file, 'household_id,sls_id\n'), 'zip.notZip'],
  ['an empty file', async (file) => fs.writeFileSync(file, ''), 'zip.empty'],
  [
    'a ZIP without members',
    async (file) => {
      const zip = new yazl.ZipFile();
      zip.end();
      fs.writeFileSync(
        file,
        await new Promise<Buffer>((ok) => {
          const parts: Buffer[] = [];
          zip.outputStream.on('data', (c: Buffer) => parts.push(c)).on('end', () => ok(Buffer.concat(parts)));
        }),
      );
    },
    'zip.noMembers',
  ],
  // The manifest
  [
    'a manifest that is not JSON',
    raw([
      { name: 'manifest.json', data: '{"format":' },
      { name: 'households.jsonl', data: '' },
    ]),
    'manifest.json',
  ],
  ['another format', pkg({ manifest: { format: 'capi-export' } }), 'manifest.format', 'manifest.format'],
  ['version 2', pkg({ manifest: { version: 2 } }), 'manifest.version', 'manifest.version'],
  [
    'a package_id that is not a UUID',
    pkg({ manifest: { package_id: 'pkg-1' } }),
    'value.format',
    'manifest.package_id',
  ],
  [
    'a device_id over 64 characters',
    pkg({ manifest: { device_id: 'D'.repeat(65) } }),
    'value.length',
    'manifest.device_id',
  ],
  [
    'an officer_code in lower case',
    pkg({ manifest: { officer_code: 'ppl-1' } }),
    'value.format',
    'manifest.officer_code',
  ],
  [
    'created_at without an offset',
    pkg({ manifest: { created_at: '2020-09-30T18:00:00' } }),
    'value.format',
    'manifest.created_at',
  ],
  [
    'a package of another regency',
    pkg({ manifest: { kabupaten: '33.17' } }),
    'manifest.otherRegency',
    'manifest.kabupaten',
  ],
  ['a missing manifest field', pkg({ manifest: { device_id: undefined } }), 'field.missing', 'manifest.device_id'],
  ['an unknown manifest field', pkg({ manifest: { operator: 'x' } }), 'field.unknown', 'manifest.operator'],
  ['records not matching the lines', pkg({ manifest: { records: 6 } }), 'manifest.records', 'manifest.records'],
  [
    'a sha256 not matching households.jsonl',
    pkg({ manifest: { sha256: 'a'.repeat(64) } }),
    'manifest.sha256',
    'manifest.sha256',
  ],
  // The lines
  ['a line that is not JSON', line3('{"household_id": '), 'line.json'],
  [
    'a number with a leading zero (not JSON)',
    line3(JSON.stringify(household(SLS, 3)).replace(/"revision":1/, '"revision":01')),
    'line.json',
  ],
  ['a line that is not an object', line3('[1,2]'), 'line.object'],
  ['a blank line', line3(''), 'line.blank'],
  ['an unknown field (e.g. a NIK)', line3({ nik: '3316010101010001' }), 'field.unknown', 'nik'],
  ['a missing field', withoutField('visited_at'), 'field.missing', 'visited_at'],
  ['an integer written as a string', line3({ members: '4' }), 'value.type', 'members'],
  ['a malformed household_id', line3({ household_id: `${SLS}-12` }), 'household.id', 'household_id'],
  ['household serial 0000', line3({ household_id: `${SLS}-0000` }), 'household.id', 'household_id'],
  ['an sls_id that is not 16 digits', line3({ sls_id: '33160120010001' }), 'sls.format', 'sls_id'],
  ['an sls_id that is not the household’s', line3({ sls_id: OTHER_SLS }), 'sls.mismatch', 'sls_id'],
  [
    'an SLS of another regency',
    line3({ household_id: '3317012001000100-0003', sls_id: '3317012001000100' }),
    'sls.otherRegency',
    'sls_id',
  ],
  [
    'an SLS not in the master',
    line3({ household_id: '3316012001999900-0003', sls_id: '3316012001999900' }),
    'sls.unknown',
    'sls_id',
  ],
  ['an unknown status', line3({ status: 'done' }), 'status.unknown', 'status'],
  ['members over 99', line3({ members: 100, male: 50, female: 50 }), 'value.range', 'members'],
  ['male + female not equal to members', line3({ members: 5, male: 1, female: 1 }), 'members.sum', 'members'],
  ['visited_at without an offset', line3({ visited_at: '2020-09-14 17:32' }), 'value.date', 'visited_at'],
  ['a visited_at that is no real date', line3({ visited_at: '2020-02-30T10:00:00+07:00' }), 'value.date', 'visited_at'],
  ['revision 0', line3({ revision: 0 }), 'value.range', 'revision'],
  ['a household twice in the package', line3({ household_id: `${SLS}-0001` }), 'household.duplicate', 'household_id'],
  [
    'bytes that are not UTF-8',
    pkg({ lines: [...validLines(), Buffer.from([0x7b, 0xff, 0x7d])] }),
    'text.utf8',
    'households.jsonl',
  ],
];

describe('field sync: broken packages are rejected whole, with a named error', () => {
  let backend: TestBackend;
  let dir: string;
  beforeAll(async () => {
    backend = await bloraBackend();
    await seedSampleSlsMaster(backend.database.db);
    dir = tempDir();
    // Some households already there, so "unchanged" really means unchanged.
    expect(
      (await backend.call('sync.import', { file: { path: path.join(SAMPLES, 'sync-rules/ok-base.spsync') } })).status,
    ).toBe('imported');
  });

  it.each(CASES)('%s', async (name, build, code, field) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.spsync`);
    await build(file);
    const before = contentDump(backend.database.db);
    const result = await backend.call('sync.import', { file: { path: file } });
    expect(result.status).toBe('rejected');
    expect(result.errors.map((e) => e.code)).toContain(code);
    if (field) expect(result.errors.find((e) => e.code === code)?.field).toBe(field);
    if (atLine3.has(build)) expect(result.errors[0].line).toBe(3);
    expect(contentDump(backend.database.db)).toBe(before);
    const [last] = await backend.call('sync.imports', { limit: 1 });
    expect(last).toMatchObject({ id: result.importId, status: 'rejected', newCount: 0, errorCount: result.errorCount });
  });

  it.each([
    ['sync-bad/bad-checksum.spsync', 'manifest.sha256', null],
    ['sync-bad/unknown-sls.spsync', 'sls.unknown', 9],
    ['sync-bad/traversal.spsync', 'zip.traversal', null],
  ])('the sample %s', async (sample, code, line) => {
    const before = contentDump(backend.database.db);
    const result = await backend.call('sync.import', { file: { path: path.join(SAMPLES, sample) } });
    expect(result.status).toBe('rejected');
    expect(result.errors.find((e) => e.code === code)).toMatchObject({ line });
    expect(contentDump(backend.database.db)).toBe(before);
  });

  it('accepts CRLF line ends and a missing final line end', async () => {
    const crlf = path.join(dir, 'crlf.spsync');
    await writePackage(crlf, {
      officer: 'PPL-3316-0001',
      lines: householdsOf([OTHER_SLS], 4),
      eol: '\r\n',
      finalNewline: false,
    });
    expect((await backend.call('sync.import', { file: { path: crlf } })).counts.new).toBe(4);
  });

  it('accepts any valid JSON layout of a line (spaces, field order), as the tablets’ own', async () => {
    const SLS3 = '3316012001000300';
    const spaced = [...householdsOf([SLS3], 3)].map((h) =>
      JSON.stringify(Object.fromEntries(Object.entries(h).reverse()), null, 1).replace(/\n/g, ''),
    );
    const file = path.join(dir, 'spaced.spsync');
    await writePackage(file, { officer: 'PPL-3316-0001', lines: spaced });
    expect((await backend.call('sync.import', { file: { path: file } })).counts.new).toBe(3);
    const stored = backend.database.sqlite
      .prepare(
        'SELECT household_id, sls_id, status, members, male, female, visited_at, revision FROM households WHERE sls_id = ? ORDER BY household_id',
      )
      .all(SLS3);
    expect(stored).toEqual([...householdsOf([SLS3], 3)]);
  });
});
