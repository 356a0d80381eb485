import type { Db } from '../../db/open.js';

/**
 * Rebuilds `progress_sls_day` from `households`. Never needed in normal work: triggers keep the
 * summary exact under INSERT, UPDATE (including INSERT … ON CONFLICT DO UPDATE) and DELETE. It is
 * the repair for a writer that bypassed them — notably `INSERT OR REPLACE`, whose implicit delete
 * fires no trigger unless `recursive_triggers` is on. Call it inside the writer's transaction.
 */
export function rebuildProgressSummary(db: Db): void {
  db.$client.exec(`
    DELETE FROM progress_sls_day;
    INSERT INTO progress_sls_day (sls_id, day, status, households, members)
    SELECT sls_id, substr(visited_at, 1, 10), status, count(*), sum(members) FROM households GROUP BY 1, 2, 3;`);
}
