import type { Db } from '../../db/open.js';
import { entryHash } from './chain.js';

export interface AuditEntry {
  actor: string;
  operation: string;
  entity: string;
  entityId?: string | null;
  summary: string;
  /** Short summaries of the record before and after the change (never a full NIP/NIK). */
  before?: string | null;
  after?: string | null;
}

/**
 * Appends one hash-chained audit entry; callers run it inside the transaction of the change it
 * describes, so the last hash read here cannot change before the insert.
 */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const sqlite = db.$client;
  const last = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    actor: entry.actor,
    operation: entry.operation,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: last?.hash ?? '',
  };
  sqlite
    .prepare(
      `INSERT INTO audit_log (id, at, actor, operation, entity, entity_id, summary, before, after, prev_hash, hash)
       VALUES (@id, @at, @actor, @operation, @entity, @entityId, @summary, @before, @after, @prevHash, @hash)`,
    )
    .run({ ...fields, hash: entryHash(fields) });
}
