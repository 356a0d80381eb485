// Reads one field sync package from disk as a stream: container checks, manifest, then
// households.jsonl line by line (hashed, validated, never held whole in memory). Valid records are
// written to a compact tab-separated file that the synchronous apply step reads back.
import { createHash } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import { threadId } from 'node:worker_threads';
import {
  HOUSEHOLDS_NAME,
  MANIFEST_NAME,
  issue,
  parseHouseholdLine,
  parseManifest,
  type HouseholdRecord,
  type Manifest,
  type SyncIssue,
} from './format.js';
import { RecordsOutput } from './records-output.js';
import { openPackageZip, ZipDamage } from './zip-reader.js';

/** How many problems a rejected package lists; the rest are counted. */
export const MAX_LISTED_SYNC_ISSUES = 200;
const MAX_MANIFEST_BYTES = 64 * 1024;
/** A household line is under 200 characters; a longer one is refused without being kept whole. */
export const MAX_LINE_CHARS = 64 * 1024;
const WRITE_BATCH_LINES = 4096;

export interface ParseOptions {
  file: string;
  /** Where valid records go (tab-separated), for the apply step. */
  recordsFile: string;
  kabupaten: string;
  /** The SLS master's ids: a list, or one string of ids joined by spaces (far cheaper to post to the parser thread). */
  slsIds: readonly string[] | string;
}

export interface ParseProgress {
  done: number;
  total: number;
}

export interface ParsedPackage {
  /** What could be read of the manifest, even from a rejected package (for the import history). */
  manifest: Partial<Manifest>;
  ok: boolean;
  issues: SyncIssue[];
  issueCount: number;
  lines: number;
  /** The valid records (tab-separated lines) when they fit in memory; otherwise they are in `recordsFile`. */
  records: string | null;
  /** The thread that parsed it (the parser thread, never the caller's). */
  threadId: number;
}

/** Collects problems in order, listing the first MAX_LISTED_SYNC_ISSUES and counting the rest. */
class IssueCollector {
  readonly listed: SyncIssue[] = [];
  count = 0;
  add(items: SyncIssue[]): void {
    for (const item of items) {
      this.count++;
      if (this.listed.length < MAX_LISTED_SYNC_ISSUES) this.listed.push(item);
    }
  }
}

/**
 * Which household ids a package has listed: per SLS touched, one bit per serial 0000–9999, so a
 * million-line package costs about a bit per possible household, not a million strings. Keyed by
 * the SLS's position in the master: a key sliced from the package text would keep that text alive.
 */
class HouseholdIdSet {
  private readonly bySls: (Uint32Array | undefined)[] = [];
  constructor(private readonly slsIndex: ReadonlyMap<string, number>) {}
  /** False when the id was already added. Only for valid records (their SLS is in the master). */
  add(slsId: string, householdId: string): boolean {
    const index = this.slsIndex.get(slsId)!;
    const bits = (this.bySls[index] ??= new Uint32Array(313));
    const serial = Number(householdId.slice(17));
    const mask = 1 << (serial & 31);
    if (bits[serial >>> 5] & mask) return false;
    bits[serial >>> 5] |= mask;
    return true;
  }
}

/** The SLS master by id (value: position), kept between packages while the master does not change. */
let cachedMaster: { ids: string; index: Map<string, number> } | null = null;
function slsMaster(slsIds: readonly string[] | string): Map<string, number> {
  const ids = typeof slsIds === 'string' ? slsIds : slsIds.join(' ');
  if (cachedMaster?.ids !== ids) cachedMaster = { ids, index: new Map(ids.split(' ').map((id, i) => [id, i])) };
  return cachedMaster.index;
}

/** The manifest fields worth recording even when the manifest as a whole is invalid. */
function readableManifestFields(text: string): Partial<Manifest> {
  try {
    const data = JSON.parse(text) as Record<string, unknown>;
    const pick = (key: keyof Manifest, max: number) =>
      typeof data[key] === 'string' && (data[key] as string).length <= max ? (data[key] as string) : undefined;
    return {
      package_id: pick('package_id', 36),
      officer_code: pick('officer_code', 32),
      device_id: pick('device_id', 64),
      created_at: pick('created_at', 40),
      records: Number.isSafeInteger(data.records) ? (data.records as number) : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * Cuts text arriving in chunks into lines at `\n`, searching each chunk once (linear in the input,
 * whatever the line lengths); a line past `limit` characters is dropped as it streams and reported.
 */
export class LineSplitter {
  private parts: string[] = [];
  private length = 0;
  private tooLong = false;
  constructor(
    private readonly limit: number,
    private readonly onLine: (line: string) => void,
    private readonly onTooLong: () => void,
  ) {}

  write(text: string): void {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.take(text.slice(start, end));
      this.finishLine();
      start = end + 1;
    }
    this.take(text.slice(start));
  }

  /** The last line, which may lack its line end. */
  end(): void {
    if (this.length || this.tooLong) this.finishLine();
  }

  private take(piece: string): void {
    if (this.tooLong || !piece) return;
    if (this.length + piece.length > this.limit) {
      this.tooLong = true;
      this.parts = [];
      return;
    }
    this.parts.push(piece);
    this.length += piece.length;
  }

  private finishLine(): void {
    if (this.tooLong) this.onTooLong();
    else this.onLine(this.parts.length === 1 ? this.parts[0] : this.parts.join(''));
    this.parts = [];
    this.length = 0;
    this.tooLong = false;
  }
}

function toTsv(r: HouseholdRecord): string {
  return `${r.household_id}\t${r.sls_id}\t${r.status}\t${r.members}\t${r.male}\t${r.female}\t${r.visited_at}\t${r.revision}\n`;
}

async function readManifestText(
  zip: NonNullable<Awaited<ReturnType<typeof openPackageZip>>['zip']>,
): Promise<string | SyncIssue> {
  const entry = zip.entries.get(MANIFEST_NAME)!;
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES)
    return issue(
      null,
      MANIFEST_NAME,
      'manifest.tooLarge',
      { bytes: entry.uncompressedSize },
      `manifest.json is ${entry.uncompressedSize} bytes (at most ${MAX_MANIFEST_BYTES})`,
    );
  const chunks: Buffer[] = [];
  await zip.readMember(MANIFEST_NAME, (chunk) => chunks.push(chunk));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return issue(null, MANIFEST_NAME, 'text.utf8', {}, 'manifest.json is not valid UTF-8');
  }
}

export async function parsePackage(
  options: ParseOptions,
  onProgress: (p: ParseProgress) => void = () => {},
): Promise<ParsedPackage> {
  const issues = new IssueCollector();
  const opened = await openPackageZip(options.file);
  if (!opened.zip) {
    issues.add(opened.issues);
    return {
      manifest: {},
      ok: false,
      issues: issues.listed,
      issueCount: issues.count,
      lines: 0,
      records: null,
      threadId,
    };
  }
  const zip = opened.zip;
  let manifest: Partial<Manifest> = {};
  let lines = 0;
  const out = new RecordsOutput(options.recordsFile);
  let records: string | null = null;
  try {
    const manifestText = await readManifestText(zip);
    let checked: Manifest | null = null;
    if (typeof manifestText === 'string') {
      manifest = readableManifestFields(manifestText);
      const parsed = parseManifest(manifestText, options.kabupaten);
      issues.add(parsed.issues);
      checked = parsed.manifest;
    } else issues.add([manifestText]);

    const master = slsMaster(options.slsIds);
    const context = { kabupatenDigits: options.kabupaten.replace('.', ''), slsIds: master };
    const seen = new HouseholdIdSet(master);
    const hash = createHash('sha256');
    const decoder = new StringDecoder('utf8');
    const total = zip.entries.get(HOUSEHOLDS_NAME)!.uncompressedSize;
    let batch: string[] = [];
    let done = 0;
    let reported = 0;
    let invalidUtf8 = false;

    const handleLine = (raw: string) => {
      lines++;
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      const lineIssues: SyncIssue[] = [];
      const record = parseHouseholdLine(text, lines, context, lineIssues);
      if (record && !seen.add(record.sls_id, record.household_id)) {
        lineIssues.push(
          issue(
            lines,
            'household_id',
            'household.duplicate',
            { value: record.household_id },
            `household ${record.household_id} appears more than once in the package`,
          ),
        );
      }
      if (lineIssues.length) issues.add(lineIssues);
      else if (record && issues.count === 0) {
        batch.push(toTsv(record));
        if (batch.length >= WRITE_BATCH_LINES) flush();
      }
    };
    const flush = () => {
      if (batch.length && issues.count === 0) out.write(batch.join(''));
      batch = [];
    };
    const lineSplitter = new LineSplitter(MAX_LINE_CHARS, handleLine, () => {
      lines++;
      issues.add([
        issue(
          lines,
          null,
          'line.tooLong',
          { limit: MAX_LINE_CHARS },
          `the line is longer than ${MAX_LINE_CHARS} characters (a household is one short line)`,
        ),
      ]);
    });

    await zip.readMember(HOUSEHOLDS_NAME, (chunk) => {
      hash.update(chunk);
      done += chunk.length;
      // U+FFFD only appears from invalid bytes: the tablets write no replacement characters.
      const text = decoder.write(chunk);
      if (!invalidUtf8 && text.includes('\uFFFD')) invalidUtf8 = true;
      lineSplitter.write(text);
      if (done - reported >= 1 << 20) {
        reported = done;
        onProgress({ done, total });
      }
    });
    const rest = decoder.end();
    if (rest.includes('\uFFFD')) invalidUtf8 = true;
    lineSplitter.write(rest);
    lineSplitter.end();
    flush();
    onProgress({ done: total, total });

    if (invalidUtf8) issues.add([issue(null, HOUSEHOLDS_NAME, 'text.utf8', {}, 'households.jsonl is not valid UTF-8')]);
    if (checked) {
      if (checked.records !== lines)
        issues.add([
          issue(
            null,
            'manifest.records',
            'manifest.records',
            { declared: checked.records, lines },
            `the manifest says ${checked.records} records, households.jsonl has ${lines} lines`,
          ),
        ]);
      const digest = hash.digest('hex');
      if (checked.sha256 !== digest)
        issues.add([
          issue(
            null,
            'manifest.sha256',
            'manifest.sha256',
            {},
            'sha256 does not match households.jsonl (the file was changed or is incomplete)',
          ),
        ]);
    }
  } catch (error) {
    if (!(error instanceof ZipDamage)) throw error;
    issues.add([error.issue]);
  } finally {
    records = out.close();
    zip.close();
  }
  return {
    manifest,
    ok: issues.count === 0,
    issues: issues.listed,
    issueCount: issues.count,
    lines,
    records: issues.count === 0 ? records : null,
    threadId,
  };
}
