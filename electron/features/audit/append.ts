// Raw SQL: the audit chain hashes exactly the bytes it stores; its few statements are written out so that stays visible.
import type { Db } from '../../db/open.js';
import { neutralise } from '../../../common/text.js';
import { cachedStatement } from '../../db/statements.js';
import { entryHash } from './chain.js';

export interface AuditEntry {
  actor: string;
  operation: string;
  entity: string;
  entityId?: string | null;
  summary: string;
  /** Where the summary's words came from (common/audit-texts); stored beside it, not hashed. */
  summaryKey?: string | null;
  summaryParams?: Record<string, string | number> | null;
  /** Short summaries of the record before and after the change (never a full NIP/NIK). */
  before?: string | null;
  after?: string | null;
}

/** Longest text kept per field, in code points. */
export const LIMITS = { actor: 64, operation: 80, entity: 80, entityId: 200, summary: 2000, before: 4000, after: 4000 };

const kept = (text: string | null | undefined, max: number): string | null =>
  text == null ? null : neutralise(text, max);

/**
 * Appends one hash-chained audit entry; callers run it inside the transaction of the change it
 * describes, so the last hash read here cannot change before the insert. Every text is first made
 * well-formed, one line and bounded (control and bidi characters written out as `\u{…}`), so the
 * hash covers exactly what SQLite stores and reads back, and a name from outside cannot forge lines.
 */
export function appendAudit(db: Db, entry: AuditEntry): void {
  const sqlite = db.$client;
  const last = cachedStatement(sqlite, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const fields = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    actor: kept(entry.actor, LIMITS.actor)!,
    operation: kept(entry.operation, LIMITS.operation)!,
    entity: kept(entry.entity, LIMITS.entity)!,
    entityId: kept(entry.entityId, LIMITS.entityId),
    summary: kept(entry.summary, LIMITS.summary)!,
    before: kept(entry.before, LIMITS.before),
    after: kept(entry.after, LIMITS.after),
    prevHash: last?.hash ?? '',
  };
  const summaryKey = entry.summaryKey ?? null;
  const summaryParams = summaryKey ? JSON.stringify(entry.summaryParams ?? {}) : null;
  cachedStatement(
    sqlite,
    `INSERT INTO audit_log (id, at, actor, operation, entity, entity_id, summary, before, after, prev_hash, hash, summary_key, summary_params)
     VALUES (@id, @at, @actor, @operation, @entity, @entityId, @summary, @before, @after, @prevHash, @hash, @summaryKey, @summaryParams)`,
  ).run({ ...fields, hash: entryHash(fields), summaryKey, summaryParams });
}
