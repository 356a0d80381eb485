import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';

/**
 * Records that an accepted package (imported at `importedAt`) wrote households of these SLS: one
 * upsert per SLS, never moving an SLS back to an older package. Call it in the writer's transaction.
 */
export function markSlsSynced(db: Db, slsIds: Iterable<string>, importId: number, importedAt: string): void {
  const upsert = cachedStatement(
    db.$client,
    `INSERT INTO sls_last_sync (sls_id, import_id, imported_at) VALUES (?, ?, ?)
     ON CONFLICT (sls_id) DO UPDATE SET import_id = excluded.import_id, imported_at = excluded.imported_at
     WHERE excluded.imported_at >= sls_last_sync.imported_at`,
  );
  for (const slsId of slsIds) upsert.run(slsId, importId, importedAt);
}

/**
 * A set of the SLS a package wrote to. Keys are copied: an id split out of a read chunk would
 * otherwise keep the whole chunk's text alive for as long as the set lives.
 */
export class TouchedSls {
  readonly ids = new Set<string>();

  add(slsId: string): void {
    if (!this.ids.has(slsId)) this.ids.add(Buffer.from(slsId, 'latin1').toString('latin1'));
  }
}
