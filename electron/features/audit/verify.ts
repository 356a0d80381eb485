// Raw SQL: the audit chain hashes exactly the bytes it stores; verification reads them as stored.
import type { Db } from '../../db/open.js';
import { entryHash, type ChainedFields } from './chain.js';

export interface ChainBreak {
  /** The first entry whose link or content does not match. */
  id: number;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  entries: number;
  /** Entries written before the chain existed (empty hash), at the start of the log. */
  unchained: number;
  broken: ChainBreak | null;
}

/**
 * Walks the chain from the first entry. Editing a row changes its hash; deleting one leaves a gap
 * in the ids and a prev_hash that no longer matches; inserting one out of band either reuses no
 * valid hash or shifts the next entry's link. Each is reported at the first entry where it shows.
 */
export function verifyAuditChain(db: Db): VerifyReport {
  const rows = db.$client
    .prepare(
      `SELECT id, at, actor, operation, entity, entity_id AS entityId, summary, before, after, prev_hash AS prevHash, hash
       FROM audit_log ORDER BY id`,
    )
    .all() as (ChainedFields & { hash: string })[];
  let previous: { id: number; hash: string } | null = null;
  let unchained = 0;
  for (const row of rows) {
    const broken = (reason: string): VerifyReport => ({
      ok: false,
      entries: rows.length,
      unchained,
      broken: { id: row.id, reason },
    });
    if (row.hash === '') {
      if (previous && previous.hash !== '')
        return broken('entry has no hash after the chain began (inserted out of band?)');
      unchained++;
      previous = row;
      continue;
    }
    const expectedId = (previous?.id ?? 0) + 1;
    if (previous && row.id !== expectedId)
      return broken(`entry ${expectedId}${row.id - expectedId > 1 ? `–${row.id - 1}` : ''} missing (deleted?)`);
    if (row.prevHash !== (previous?.hash ?? ''))
      return broken('link to the previous entry does not match (entry deleted or inserted before it?)');
    if (entryHash(row) !== row.hash) return broken('content does not match its hash (entry edited?)');
    previous = row;
  }
  return { ok: true, entries: rows.length, unchained, broken: null };
}
