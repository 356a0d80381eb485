// Raw SQL: hot path — the summary is rewritten per imported package (bench: import, progress).
import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';
import { localDay, sqlLocalDay, type OfficeZone } from '../../../common/time-zone.js';
import { officeZone } from '../wilayah/service.js';

/** What the summary needs of a household record. */
export interface SummarisedHousehold {
  slsId: string;
  visitedAt: string;
  status: string;
  members: number;
}

interface Change {
  slsId: string;
  day: string;
  status: string;
  households: number;
  members: number;
}

/**
 * The changes a writer makes to `households`, summed per SLS, visit day and status, then written
 * to `progress_sls_day` in one pass: a package of 500 households costs a few dozen upserts instead
 * of a trigger per row. The writers of households (sync apply, conflict resolution) record every
 * row they add or replace here and call `write` in the same transaction.
 */
export class SummaryChanges {
  private readonly changes = new Map<string, Change>();
  constructor(private readonly zone: OfficeZone) {}

  static forOffice(db: Db): SummaryChanges {
    return new SummaryChanges(officeZone(db));
  }

  /** Counts a stored household in (`+1`) or out (`-1`) of the summary. */
  count(row: SummarisedHousehold, sign: 1 | -1): void {
    const day = localDay(row.visitedAt, this.zone);
    const key = `${row.slsId}|${day}|${row.status}`;
    let change = this.changes.get(key);
    if (!change)
      this.changes.set(key, (change = { slsId: row.slsId, day, status: row.status, households: 0, members: 0 }));
    change.households += sign;
    change.members += sign * row.members;
  }

  /** A stored household replaced by another version of itself. */
  replace(before: SummarisedHousehold, after: SummarisedHousehold): void {
    this.count(before, -1);
    this.count(after, 1);
  }

  write(db: Db): void {
    const upsert = cachedStatement(
      db.$client,
      `INSERT INTO progress_sls_day (sls_id, day, status, households, members) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (sls_id, day, status) DO UPDATE SET households = households + excluded.households, members = members + excluded.members`,
    );
    const dropEmpty = cachedStatement(
      db.$client,
      'DELETE FROM progress_sls_day WHERE sls_id = ? AND day = ? AND status = ? AND households <= 0',
    );
    for (const c of this.changes.values()) {
      if (c.households === 0 && c.members === 0) continue;
      upsert.run(c.slsId, c.day, c.status, c.households, c.members);
      if (c.households < 0) dropEmpty.run(c.slsId, c.day, c.status);
    }
    this.changes.clear();
  }
}

/** The summary computed from scratch: what `progress_sls_day` must always equal. */
export function summaryFromScratchSql(zone: OfficeZone): string {
  return `SELECT sls_id, ${sqlLocalDay('visited_at', zone)} AS day, status, count(*) AS households, sum(members) AS members FROM households GROUP BY 1, 2, 3`;
}

/**
 * Rebuilds `progress_sls_day` from `households`. Never needed in normal work: it is the repair for
 * a writer that changed households without `SummaryChanges` (a hand edit, a script). Call it inside
 * the writer's transaction.
 */
export function rebuildProgressSummary(db: Db): void {
  db.$client.exec(`DELETE FROM progress_sls_day;
    INSERT INTO progress_sls_day (sls_id, day, status, households, members) ${summaryFromScratchSql(officeZone(db))};`);
}
