// Raw SQL: hot path — one statement per household of every package (bench: import).
// Applies a validated package's records (rules 4 and 5) with prepared statements. Runs inside the
// import's one transaction: a crash at any point leaves the package fully applied or not at all.
import fs from 'node:fs';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';
import { SummaryChanges } from '../progress/summary.js';
import { markSlsSynced, TouchedSls } from './last-sync.js';
import { textLines } from './records-output.js';

type Sqlite = Db['$client'];

export interface ApplyCounts {
  new: number;
  updated: number;
  unchanged: number;
  stale: number;
  conflict: number;
  flagged: number;
}

export interface ApplyInput {
  importId: number;
  /** The import's `imported_at`: the SLS it writes to were last synced then. */
  importedAt: string;
  packageId: string;
  officerCode: string;
  /** The records as text, or the file they were spilled to (records-output.ts). */
  records: string | { file: string };
  lines: number;
  onProgress: (done: number, total: number) => void;
}

interface StoredRow {
  status: string;
  members: number;
  male: number;
  female: number;
  visited_at: string;
  revision: number;
  officer_code: string;
  package_id: string;
}

// Small enough that each chunk's text stays in V8's young generation and is freed promptly.
const READ_CHUNK = 64 * 1024;
const PROGRESS_EVERY = 20_000;

/** Yields the lines of a file read synchronously in chunks (the records file is plain ASCII). */
function* fileLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(READ_CHUNK);
    let pending = '';
    for (let read = fs.readSync(fd, buffer); read > 0; read = fs.readSync(fd, buffer)) {
      const text = pending + buffer.toString('latin1', 0, read);
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        yield text.slice(start, end);
        start = end + 1;
      }
      pending = text.slice(start);
    }
    if (pending) yield pending;
  } finally {
    fs.closeSync(fd);
  }
}

/** The PPL holding an SLS now (its open assignment), looked up once per SLS the package touches. */
function assignedOfficers(query: Statement): (slsId: string) => string | null {
  const known = new Map<string, string | null>();
  return (slsId) => {
    let officer = known.get(slsId);
    if (officer === undefined)
      known.set(slsId, (officer = (query.get(slsId) as { officer_kode: string } | undefined)?.officer_kode ?? null));
    return officer;
  };
}

function statements(sqlite: Sqlite) {
  const sql = (text: string) => cachedStatement(sqlite, text);
  return {
    insert: sql(
      `INSERT INTO households (household_id, sls_id, status, members, male, female, visited_at, revision, officer_code, package_id, flagged)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (household_id) DO NOTHING`,
    ),
    select: sql(
      'SELECT status, members, male, female, visited_at, revision, officer_code, package_id FROM households WHERE household_id = ?',
    ),
    update: sql(
      `UPDATE households SET status = ?, members = ?, male = ?, female = ?, visited_at = ?, revision = ?, officer_code = ?, package_id = ?, flagged = ?
       WHERE household_id = ?`,
    ),
    supersede: sql(
      `UPDATE sync_conflicts SET state = 'superseded', resolved_at = ? WHERE household_id = ? AND state = 'open' AND revision < ?`,
    ),
    sameOpenConflict: sql(
      `SELECT 1 FROM sync_conflicts WHERE household_id = ? AND revision = ? AND state = 'open'
         AND incoming_status = ? AND incoming_members = ? AND incoming_male = ? AND incoming_female = ? AND incoming_visited_at = ?`,
    ),
    insertConflict: sql(
      `INSERT INTO sync_conflicts (household_id, sls_id, revision, import_id, state,
         stored_status, stored_members, stored_male, stored_female, stored_visited_at, stored_officer_code, stored_package_id,
         incoming_status, incoming_members, incoming_male, incoming_female, incoming_visited_at, incoming_officer_code, incoming_package_id, incoming_flagged,
         detected_at)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    assignment: sql('SELECT officer_kode FROM assignments WHERE sls_id = ? AND end_date IS NULL'),
  };
}

export function applyRecords(db: Db, input: ApplyInput): ApplyCounts {
  const { insert, select, update, supersede, sameOpenConflict, insertConflict, assignment } = statements(db.$client);
  const now = new Date().toISOString();
  const assignedTo = assignedOfficers(assignment);
  const { packageId, officerCode } = input;
  const counts: ApplyCounts = { new: 0, updated: 0, unchanged: 0, stale: 0, conflict: 0, flagged: 0 };
  const touched = new TouchedSls();
  const summary = SummaryChanges.forOffice(db);
  let done = 0;
  for (const line of typeof input.records === 'string' ? textLines(input.records) : fileLines(input.records.file)) {
    const [householdId, slsId, status, membersText, maleText, femaleText, visitedAt, revisionText] = line.split('\t');
    const members = Number(membersText);
    const male = Number(maleText);
    const female = Number(femaleText);
    const revision = Number(revisionText);
    const flagged = assignedTo(slsId) === officerCode ? 0 : 1;
    if (
      insert.run(
        householdId,
        slsId,
        status,
        members,
        male,
        female,
        visitedAt,
        revision,
        officerCode,
        packageId,
        flagged,
      ).changes
    ) {
      counts.new++;
      counts.flagged += flagged;
      touched.add(slsId);
      summary.count({ slsId, visitedAt, status, members }, 1);
    } else {
      const stored = select.get(householdId) as StoredRow;
      if (revision < stored.revision) counts.stale++;
      else if (revision > stored.revision) {
        update.run(status, members, male, female, visitedAt, revision, officerCode, packageId, flagged, householdId);
        supersede.run(now, householdId, revision);
        summary.replace(
          { slsId, visitedAt: stored.visited_at, status: stored.status, members: stored.members },
          { slsId, visitedAt, status, members },
        );
        counts.updated++;
        counts.flagged += flagged;
        touched.add(slsId);
      } else if (
        stored.status === status &&
        stored.members === members &&
        stored.male === male &&
        stored.female === female &&
        stored.visited_at === visitedAt
      ) {
        counts.unchanged++;
      } else {
        counts.conflict++;
        if (!sameOpenConflict.get(householdId, revision, status, members, male, female, visitedAt)) {
          insertConflict.run(
            householdId,
            slsId,
            revision,
            input.importId,
            stored.status,
            stored.members,
            stored.male,
            stored.female,
            stored.visited_at,
            stored.officer_code,
            stored.package_id,
            status,
            members,
            male,
            female,
            visitedAt,
            officerCode,
            packageId,
            flagged,
            now,
          );
        }
      }
    }
    if (++done % PROGRESS_EVERY === 0) input.onProgress(done, input.lines);
  }
  summary.write(db);
  markSlsSynced(db, touched.ids, input.importId, input.importedAt);
  input.onProgress(done, input.lines);
  return counts;
}
