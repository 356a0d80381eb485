// Raw SQL: hot path — per-package bookkeeping of the field sync import (bench: import).
// Field sync import: the slow, untrusted part (prepare: parse in a worker) and the synchronous,
// transactional part (run: record the import, apply the records). Rules 1–6 of field-sync.md.
import fs from 'node:fs';
import path from 'node:path';
import { audited } from '../../../common/audit-texts/index.js';
import type { Progress } from '../../api/define.js';
import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';
import { syncImportErrors } from '../../../drizzle/schema/index.js';
import { officeKabupaten } from '../wilayah/service.js';
import { applyRecords, type ApplyCounts } from './apply.js';
import { issue, type SyncIssue } from './format.js';
import { MAX_LISTED_SYNC_ISSUES, type ParsedPackage } from './parse-package.js';
import { parsePackageInWorker, type SlsMaster } from './run-parse-worker.js';

export type SyncImportStatus = 'imported' | 'rejected' | 'duplicate';

export interface PreparedImport {
  fileName: string;
  parsed: ParsedPackage;
  /** The validated records, tab-separated; removed after the run. */
  recordsFile: string | null;
}

export interface SyncImportResult {
  importId: number;
  file: string;
  package_id: string | null;
  status: SyncImportStatus;
  counts: ApplyCounts;
  errors: SyncIssue[];
  /** All problems found; `errors` lists the first ones and says how many more. */
  errorCount: number;
}

const ZERO_COUNTS: ApplyCounts = { new: 0, updated: 0, unchanged: 0, stale: 0, conflict: 0, flagged: 0 };

function rejectedBeforeReading(fileName: string, problem: SyncIssue): PreparedImport {
  return {
    fileName,
    recordsFile: null,
    parsed: { manifest: {}, ok: false, issues: [problem], issueCount: 1, lines: 0, records: null, threadId: 0 },
  };
}

/** Reads and validates the package off the calling thread; touches the database only to read the SLS master. */
export async function prepareSyncImport(
  db: Db,
  file: { name: string; path: string },
  dataDir: string,
  progress: (p: Progress) => void,
): Promise<PreparedImport> {
  const kabupaten = officeKabupaten(db);
  if (!kabupaten)
    return rejectedBeforeReading(
      file.name,
      issue(null, null, 'office.notSetUp', {}, 'the office has no regency yet: run setup first'),
    );
  const master = slsMaster(db);
  if (!master.ids)
    return rejectedBeforeReading(
      file.name,
      issue(
        null,
        null,
        'master.empty',
        {},
        'the SLS master is empty: import the SLS master first, then the sync packages',
      ),
    );
  const folder = incomingFolder(dataDir);
  const recordsFile = path.join(folder, `${Date.now()}-${Math.random().toString(36).slice(2)}.records.tsv`);
  try {
    const parsed = await parsePackageInWorker({ file: file.path, recordsFile, kabupaten }, master, (p) =>
      progress({ ...p, label: 'read' }),
    );
    return { fileName: file.name, parsed, recordsFile };
  } catch (error) {
    fs.rmSync(recordsFile, { force: true });
    // Rule 6: a package that crashes the parser is still recorded, as rejected.
    const detail = error instanceof Error ? error.message : String(error);
    return rejectedBeforeReading(
      file.name,
      issue(null, null, 'package.unreadable', { detail }, `the package could not be read to the end (${detail})`),
    );
  }
}

/** The SLS master as one string of ids (far cheaper to post than thousands), read again only when its stamp moved. */
const masterByConnection = new WeakMap<Db['$client'], SlsMaster>();
function slsMaster(db: Db): SlsMaster {
  const stamp = (
    cachedStatement(db.$client, 'SELECT stamp FROM sls_master_stamp WHERE id = 1').get() as { stamp: number }
  ).stamp;
  let master = masterByConnection.get(db.$client);
  if (master?.stamp !== stamp) {
    const ids = db.$client
      .prepare("SELECT group_concat(sls_id, ' ') AS ids FROM (SELECT sls_id FROM sls ORDER BY sls_id)")
      .get() as { ids: string | null };
    masterByConnection.set(db.$client, (master = { stamp, ids: ids.ids ?? '' }));
  }
  return master;
}

const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

/** Records files left by an import that was killed (the database itself is unaffected: it rolled back). */
function removeAbandonedRecordsFiles(folder: string): void {
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    if (name.endsWith('.records.tsv') && Date.now() - fs.statSync(file).mtimeMs > ABANDONED_AFTER_MS)
      fs.rmSync(file, { force: true });
  }
}

/** The folder big packages spill their records to, made and swept once per process rather than per package. */
const sweptFolders = new Set<string>();
function incomingFolder(dataDir: string): string {
  const folder = path.join(dataDir, 'incoming');
  if (!sweptFolders.has(folder)) {
    fs.mkdirSync(folder, { recursive: true });
    removeAbandonedRecordsFiles(folder);
    sweptFolders.add(folder);
  }
  return folder;
}

function isImported(db: Db, packageId: string): boolean {
  return !!cachedStatement(db.$client, "SELECT 1 FROM sync_imports WHERE package_id = ? AND status = 'imported'").get(
    packageId,
  );
}

/** The listed problems, plus one line saying how many more there are. */
function listedErrors(parsed: ParsedPackage): SyncIssue[] {
  const more = parsed.issueCount - parsed.issues.length;
  if (more <= 0 || parsed.issues.length < MAX_LISTED_SYNC_ISSUES) return parsed.issues;
  return [...parsed.issues, issue(null, null, 'more', { count: more }, `… and ${more} more problems`)];
}

/** Records the import (rule 6) and, for a valid new package, applies it. Runs in one transaction. */
export function runSyncImport(
  db: Db,
  prepared: PreparedImport,
  actor: string,
  progress: (p: Progress) => void,
): SyncImportResult {
  const { parsed } = prepared;
  const packageId = parsed.manifest.package_id ?? null;
  const status: SyncImportStatus = !parsed.ok ? 'rejected' : isImported(db, packageId!) ? 'duplicate' : 'imported';
  const errors = status === 'rejected' ? listedErrors(parsed) : [];
  const importedAt = new Date().toISOString();
  // Prepared once per connection, as every statement run once per package (issue 13: thousands of packages a day).
  const row = cachedStatement(
    db.$client,
    `INSERT INTO sync_imports (file_name, package_id, officer_code, device_id, created_at, imported_at, actor, status, records, error_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(
    prepared.fileName,
    packageId,
    parsed.manifest.officer_code ?? null,
    parsed.manifest.device_id ?? null,
    parsed.manifest.created_at ?? null,
    importedAt,
    actor,
    status,
    parsed.manifest.records ?? null,
    status === 'rejected' ? parsed.issueCount : 0,
  ) as { id: number };
  if (errors.length) {
    db.insert(syncImportErrors)
      .values(
        errors.map((e) => ({
          importId: row.id,
          line: e.line,
          field: e.field,
          code: e.code,
          params: JSON.stringify(e.params),
          message: e.message,
        })),
      )
      .run();
  }
  let counts = ZERO_COUNTS;
  if (status === 'imported') {
    counts = applyRecords(db, {
      importId: row.id,
      importedAt,
      packageId: packageId!,
      officerCode: parsed.manifest.officer_code!,
      records: parsed.records ?? { file: prepared.recordsFile! },
      lines: parsed.lines,
      onProgress: (done, total) => progress({ done, total, label: 'apply' }),
    });
    cachedStatement(
      db.$client,
      'UPDATE sync_imports SET new_count = ?, updated_count = ?, unchanged_count = ?, stale_count = ?, conflict_count = ?, flagged_count = ? WHERE id = ?',
    ).run(counts.new, counts.updated, counts.unchanged, counts.stale, counts.conflict, counts.flagged, row.id);
  }
  return {
    importId: row.id,
    file: prepared.fileName,
    package_id: packageId,
    status,
    counts,
    errors,
    errorCount: status === 'rejected' ? parsed.issueCount : 0,
  };
}

export function removeRecordsFile(prepared: PreparedImport): void {
  if (prepared.recordsFile && prepared.parsed.records === null) fs.rmSync(prepared.recordsFile, { force: true });
}

export function importSummary(result: SyncImportResult) {
  const c = result.counts;
  if (result.status === 'rejected') return audited('sync.rejected', { file: result.file, errors: result.errorCount });
  if (result.status === 'duplicate') return audited('sync.duplicate', { file: result.file });
  return audited('sync.imported', {
    file: result.file,
    new: c.new,
    updated: c.updated,
    unchanged: c.unchanged,
    stale: c.stale,
    conflict: c.conflict,
    flagged: c.flagged,
  });
}
