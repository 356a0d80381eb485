// Opens an untrusted ZIP safely: reads only the central directory first, refuses every hazard the
// format names (and a few it implies) before a single member byte is inflated, then streams the
// members it accepted while checking their CRC-32 (yauzl checks sizes, not CRCs).
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { HOUSEHOLDS_NAME, MANIFEST_NAME, issue, type SyncIssue } from './format.js';

export const MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;
/** A deflate stream expanding more than this (for members over MIN_RATIO_CHECK_BYTES) is a likely ZIP bomb. */
export const MAX_COMPRESSION_RATIO = 100;
const MIN_RATIO_CHECK_BYTES = 1024 * 1024;
/** Central directories listing more members than this are refused without reading them all. */
const MAX_LISTED_MEMBERS = 16;
const EXPECTED_MEMBERS = [MANIFEST_NAME, HOUSEHOLDS_NAME];

export interface PackageZip {
  entries: Map<string, yauzl.Entry>;
  /** Streams a member's bytes; `onChunk` sees every chunk; rejects on damage or a CRC mismatch. */
  readMember(name: string, onChunk: (chunk: Buffer) => void): Promise<void>;
  close(): void;
}

export type OpenResult = { zip: PackageZip; issues: [] } | { zip: null; issues: SyncIssue[] };

function zipIssue(code: string, params: SyncIssue['params'], message: string): SyncIssue {
  return issue(null, null, code, params, message);
}

function firstBytes(file: string, count: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const read = fs.readSync(fd, buffer, 0, count, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: false },
      (error, zip) => (error ? reject(error) : resolve(zip)),
    );
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer | string;
  return typeof raw === 'string' ? raw : raw.toString('utf8');
}

/** Every reason one member name is not allowed. */
function nameIssues(name: string): SyncIssue[] {
  const shown = { name };
  if (name.includes('\\'))
    return [zipIssue('zip.backslash', shown, `member "${name}": a name containing "\\" is not allowed`)];
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name))
    return [zipIssue('zip.absolute', shown, `member "${name}": an absolute path is not allowed`)];
  if (name.split('/').includes('..'))
    return [zipIssue('zip.traversal', shown, `member "${name}": a name containing ".." is not allowed`)];
  if (name.includes('/'))
    return [zipIssue('zip.folder', shown, `member "${name}": members must be at the archive root, not in a folder`)];
  if (!EXPECTED_MEMBERS.includes(name))
    return [
      zipIssue('zip.extraMember', shown, `member "${name}": not allowed (only ${EXPECTED_MEMBERS.join(' and ')})`),
    ];
  return [];
}

function checkEntries(entries: yauzl.Entry[]): SyncIssue[] {
  const issues: SyncIssue[] = [];
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const name = entryName(entry);
    issues.push(...nameIssues(name));
    if (seen.has(name)) issues.push(zipIssue('zip.duplicateMember', { name }, `member "${name}" appears twice`));
    seen.add(name);
    if (entry.isEncrypted()) issues.push(zipIssue('zip.encrypted', { name }, `member "${name}" is encrypted`));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      issues.push(
        zipIssue(
          'zip.compression',
          { name, method: entry.compressionMethod },
          `member "${name}": compression method ${entry.compressionMethod} is not supported (only stored or deflate)`,
        ),
      );
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > MIN_RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO) {
      issues.push(
        zipIssue(
          'zip.ratio',
          { name, ratio: Math.round(ratio) },
          `member "${name}" expands ${Math.round(ratio)} times (suspicious compression ratio, over ${MAX_COMPRESSION_RATIO})`,
        ),
      );
    }
  }
  if (total > MAX_UNCOMPRESSED_BYTES) {
    issues.push(
      zipIssue(
        'zip.tooLarge',
        { bytes: total, limit: MAX_UNCOMPRESSED_BYTES },
        `the members total ${total} bytes uncompressed, over the limit of ${MAX_UNCOMPRESSED_BYTES} (256 MiB)`,
      ),
    );
  }
  for (const name of EXPECTED_MEMBERS) {
    if (!seen.has(name)) issues.push(zipIssue('zip.missingMember', { name }, `member "${name}" is missing`));
  }
  return issues;
}

const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
/** General purpose flag bit 3: CRC and sizes follow the data (streaming writers: jar, `zip -`); the local header holds zeros. */
const DATA_DESCRIPTOR = 0x8;

/**
 * Each member's local header must say what the central directory says (name, method, encryption,
 * and CRC and sizes unless a data descriptor carries them): readers that trust one or the other
 * would otherwise see different files in the same archive.
 */
function localHeaderIssues(file: string, entries: yauzl.Entry[]): SyncIssue[] {
  const fd = fs.openSync(file, 'r');
  try {
    const issues: SyncIssue[] = [];
    for (const entry of entries) {
      const name = entryName(entry);
      const central = entry.fileName as unknown as Buffer;
      const header = Buffer.alloc(30 + central.length);
      const read = fs.readSync(fd, header, 0, header.length, entry.relativeOffsetOfLocalHeader);
      const disagree = (part: string) =>
        issues.push(
          zipIssue(
            'zip.localHeader',
            { name, part },
            `member "${name}": its local header disagrees with the central directory (${part})`,
          ),
        );
      if (read < 30 || header.readUInt32LE(0) !== LOCAL_HEADER_SIGNATURE) {
        disagree('no local header');
        continue;
      }
      const flags = header.readUInt16LE(6);
      const nameLength = header.readUInt16LE(26);
      if (nameLength !== central.length || !header.subarray(30, 30 + nameLength).equals(central)) disagree('name');
      else if (header.readUInt16LE(8) !== entry.compressionMethod) disagree('compression method');
      else if ((flags & 1) !== (entry.generalPurposeBitFlag & 1)) disagree('encryption');
      else if (!(flags & DATA_DESCRIPTOR)) {
        const crc = header.readUInt32LE(14);
        const compressed = header.readUInt32LE(18);
        const uncompressed = header.readUInt32LE(22);
        const zip64 = compressed === ZIP64_MARK || uncompressed === ZIP64_MARK;
        if (crc >>> 0 !== entry.crc32 >>> 0) disagree('CRC-32');
        else if (!zip64 && (compressed !== entry.compressedSize || uncompressed !== entry.uncompressedSize))
          disagree('sizes');
      }
    }
    return issues;
  } finally {
    fs.closeSync(fd);
  }
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
  );
}

/** Thrown while streaming a member: the package is damaged (`code` names how). */
export class ZipDamage extends Error {
  constructor(readonly issue: SyncIssue) {
    super(issue.message);
  }
}

/** Opens the package and checks its container; any problem is returned as issues, nothing is inflated. */
export async function openPackageZip(file: string): Promise<OpenResult> {
  const size = fs.statSync(file).size;
  if (size === 0) return { zip: null, issues: [zipIssue('zip.empty', {}, 'the file is empty')] };
  const magic = firstBytes(file, 4);
  const looksLikeZip =
    magic.length >= 4 && magic[0] === 0x50 && magic[1] === 0x4b && (magic[2] === 3 || magic[2] === 5);
  if (!looksLikeZip) return { zip: null, issues: [zipIssue('zip.notZip', {}, 'not a ZIP archive')] };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    return {
      zip: null,
      issues: [
        zipIssue(
          'zip.truncated',
          { detail: (error as Error).message },
          `the ZIP is truncated or damaged: ${(error as Error).message}`,
        ),
      ],
    };
  }
  if (zip.entryCount === 0) {
    zip.close();
    return {
      zip: null,
      issues: [zipIssue('zip.noMembers', {}, 'the ZIP has no members (expected manifest.json and households.jsonl)')],
    };
  }
  if (zip.entryCount > MAX_LISTED_MEMBERS) {
    zip.close();
    return {
      zip: null,
      issues: [
        zipIssue('zip.tooManyMembers', { count: zip.entryCount }, `the ZIP has ${zip.entryCount} members (expected 2)`),
      ],
    };
  }
  let entries: yauzl.Entry[];
  try {
    entries = await readEntries(zip);
  } catch (error) {
    zip.close();
    return {
      zip: null,
      issues: [
        zipIssue(
          'zip.truncated',
          { detail: (error as Error).message },
          `the ZIP is truncated or damaged: ${(error as Error).message}`,
        ),
      ],
    };
  }
  const issues = checkEntries(entries);
  if (!issues.length) issues.push(...localHeaderIssues(file, entries));
  if (issues.length) {
    zip.close();
    return { zip: null, issues };
  }
  const byName = new Map(entries.map((e) => [entryName(e), e]));
  const opened = zip;
  return {
    issues: [],
    zip: {
      entries: byName,
      close: () => opened.close(),
      async readMember(name, onChunk) {
        const entry = byName.get(name)!;
        let crc = 0;
        try {
          const stream = await openStream(opened, entry);
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            crc = zlib.crc32(chunk, crc);
            onChunk(chunk);
          }
        } catch (error) {
          if (error instanceof ZipDamage) throw error;
          throw new ZipDamage(
            zipIssue(
              'zip.damaged',
              { name, detail: (error as Error).message },
              `member "${name}" is damaged: ${(error as Error).message}`,
            ),
          );
        }
        if (crc >>> 0 !== entry.crc32 >>> 0)
          throw new ZipDamage(
            zipIssue('zip.crc', { name }, `member "${name}" fails its CRC-32 check (the file is corrupted)`),
          );
      },
    },
  };
}
