// A field sync package generator written from the format document (shared/formats/field-sync.md):
// valid packages of any size (streamed to disk, for the benchmark), and raw ZIPs for the hazards.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';

export interface Household {
  household_id: string;
  sls_id: string;
  status: 'complete' | 'online_verified' | 'partial' | 'refused' | 'not_found' | 'moved';
  members: number;
  male: number;
  female: number;
  visited_at: string;
  revision: number;
}

const STATUSES: Household['status'][] = ['complete', 'online_verified', 'partial', 'refused', 'not_found', 'moved'];

/** A valid household; `seed` varies the counts and status deterministically. */
export function household(slsId: string, serial: number, revision = 1, seed = serial): Household {
  const members = (seed * 7) % 9;
  const male = (seed * 3) % (members + 1);
  const day = String(1 + (seed % 28)).padStart(2, '0');
  const hour = String(7 + (seed % 10)).padStart(2, '0');
  return {
    household_id: `${slsId}-${String(serial).padStart(4, '0')}`,
    sls_id: slsId,
    status: STATUSES[seed % STATUSES.length],
    members,
    male,
    female: members - male,
    visited_at: `2020-09-${day}T${hour}:${String(seed % 60).padStart(2, '0')}:00+07:00`,
    revision,
  };
}

export interface ManifestFields {
  format: unknown;
  version: unknown;
  package_id: unknown;
  device_id: unknown;
  officer_code: unknown;
  created_at: unknown;
  kabupaten: unknown;
  records: unknown;
  sha256: unknown;
}

export interface PackageSpec {
  officer: string;
  /** Lines of households.jsonl: records (serialised), raw text or raw bytes (for broken lines). */
  lines: Iterable<Household | string | Buffer>;
  packageId?: string;
  /** Overrides applied after the counted `records` and computed `sha256` (to break them on purpose); `undefined` removes a field. */
  manifest?: Partial<Record<keyof ManifestFields | string, unknown>>;
  /** Line end; the last line gets one unless `finalNewline` is false. */
  eol?: '\n' | '\r\n';
  finalNewline?: boolean;
}

function manifestFor(spec: PackageSpec, records: number, sha256: string): Record<string, unknown> {
  const manifest: Record<string, unknown> = {
    format: 'sp-field-sync',
    version: 1,
    package_id: spec.packageId ?? randomUUID(),
    device_id: `TAB-${spec.officer}`,
    officer_code: spec.officer,
    created_at: '2020-09-30T18:00:00+07:00',
    kabupaten: '33.16',
    records,
    sha256,
  };
  for (const [key, value] of Object.entries(spec.manifest ?? {})) {
    if (value === undefined) delete manifest[key];
    else manifest[key] = value;
  }
  return manifest;
}

function lineBytes(line: Household | string | Buffer): Buffer {
  if (Buffer.isBuffer(line)) return line;
  return Buffer.from(typeof line === 'string' ? line : JSON.stringify(line), 'utf8');
}

/** Writes households.jsonl to `jsonlFile` in batches; returns its line count and SHA-256. */
function writeJsonl(jsonlFile: string, spec: PackageSpec): { records: number; sha256: string } {
  const eol = Buffer.from(spec.eol ?? '\n');
  const hash = createHash('sha256');
  const fd = fs.openSync(jsonlFile, 'w');
  let records = 0;
  let batch: Buffer[] = [];
  let previous: Buffer | null = null;
  const flush = (final: boolean) => {
    if (final && previous !== null) batch.push(previous, spec.finalNewline === false ? Buffer.alloc(0) : eol);
    const bytes = Buffer.concat(batch);
    hash.update(bytes);
    fs.writeSync(fd, bytes);
    batch = [];
  };
  for (const line of spec.lines) {
    if (previous !== null) batch.push(previous, eol);
    previous = lineBytes(line);
    records++;
    if (batch.length >= 8192) flush(false);
  }
  flush(true);
  fs.closeSync(fd);
  return { records, sha256: hash.digest('hex') };
}

function finishZip(zip: yazl.ZipFile, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    zip.outputStream
      .pipe(out)
      .on('close', () => resolve())
      .on('error', reject);
    zip.end();
  });
}

/** Writes a valid (unless told otherwise) package to `file`; returns its manifest. */
export async function writePackage(file: string, spec: PackageSpec): Promise<Record<string, unknown>> {
  const jsonl = `${file}.jsonl.tmp`;
  const { records, sha256 } = writeJsonl(jsonl, spec);
  const manifest = manifestFor(spec, records, sha256);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addFile(jsonl, 'households.jsonl');
  await finishZip(zip, file);
  fs.rmSync(jsonl);
  return manifest;
}

export interface RawMember {
  name: string;
  data: Buffer | string;
  compress?: boolean;
}

/** A ZIP with exactly the members given (any names), for the container hazards. */
export async function writeRawZip(file: string, members: RawMember[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const m of members) {
    // yazl itself refuses some hazardous names; write a placeholder of the same length and patch it.
    const safe = m.name.replace(/\\/g, '_').replace(/^\//, '_').replace(/\.\./g, '__');
    zip.addBuffer(Buffer.isBuffer(m.data) ? m.data : Buffer.from(m.data), safe, { compress: m.compress ?? true });
  }
  await finishZip(zip, file);
  let bytes = fs.readFileSync(file);
  for (const m of members) {
    const safe = m.name.replace(/\\/g, '_').replace(/^\//, '_').replace(/\.\./g, '__');
    if (safe !== m.name) bytes = Buffer.from(bytes.toString('latin1').split(safe).join(m.name), 'latin1');
  }
  fs.writeFileSync(file, bytes);
}

/** Calls `patch` with the offset of each central directory header in a ZIP file, then saves it. */
export function patchCentralDirectory(file: string, patch: (bytes: Buffer, header: number) => void): void {
  const bytes = fs.readFileSync(file);
  for (let i = bytes.length - 22; i >= 0; i--) {
    if (bytes.readUInt32LE(i) !== 0x06054b50) continue;
    let at = bytes.readUInt32LE(i + 16);
    for (let n = bytes.readUInt16LE(i + 10); n > 0; n--) {
      patch(bytes, at);
      at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    }
    break;
  }
  fs.writeFileSync(file, bytes);
}

/** The households of `slsIds`, `perSls` each, for one officer's packages. */
export function* householdsOf(slsIds: readonly string[], perSls: number, revision = 1): Generator<Household> {
  for (const slsId of slsIds) for (let serial = 1; serial <= perSls; serial++) yield household(slsId, serial, revision);
}

export function packagePath(dir: string, name: string): string {
  return path.join(dir, name.endsWith('.spsync') ? name : `${name}.spsync`);
}

/** One member of a ZIP as UTF-8 text (to take a package apart in a test). */
export function readZipMember(file: string, member: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== member) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const parts: Buffer[] = [];
          stream
            .on('data', (c: Buffer) => parts.push(c))
            .on('end', () => {
              zip.close();
              resolve(Buffer.concat(parts).toString('utf8'));
            });
        });
      });
      zip.on('end', () => reject(new Error(`${member} is not in ${file}`)));
      zip.readEntry();
    });
  });
}
