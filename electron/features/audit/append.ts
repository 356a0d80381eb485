import type { Db } from '../../db/open.js';
import { auditLog } from '../../../drizzle/schema/index.js';

export interface AuditEntry {
  actor: string;
  operation: string;
  entity: string;
  entityId?: string | null;
  summary: string;
}

/** Appends one audit entry; callers run it inside the transaction of the change it describes. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({
      at: new Date().toISOString(),
      actor: entry.actor,
      operation: entry.operation,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
    })
    .run();
}
