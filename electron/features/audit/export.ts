import { and, count, desc, lt } from 'drizzle-orm';
import { auditLog } from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import type { ExportHandle } from '../../files/exported-file.js';
import { keysetPages } from '../../files/row-pages.js';
import type { ExportFormat, TableColumn } from '../../files/table-columns.js';
import { exportTable, type ExportContext } from '../../files/write-export.js';
import { officeZone } from '../wilayah/service.js';
import { AUDIT_ROW, auditConditions, type AuditFilter, type AuditRow } from './query.js';

/** The `audit export` machine CSV contract; `at` is the stored ISO instant (UTC). */
const MACHINE: TableColumn<AuditRow>[] = [
  { key: 'id', label: 'No.', kind: 'integer', value: (r) => r.id },
  { key: 'at', label: 'Waktu', kind: 'datetime', value: (r) => r.at, width: 18 },
  { key: 'user', label: 'Pengguna', kind: 'text', value: (r) => r.actor, width: 16 },
  { key: 'operation', label: 'Operasi', kind: 'code', value: (r) => r.operation, width: 24 },
  { key: 'entity', label: 'Entitas', kind: 'code', value: (r) => r.entity, width: 14 },
  { key: 'entity_id', label: 'ID entitas', kind: 'code', value: (r) => r.entityId, width: 20 },
  { key: 'summary', label: 'Ringkasan', kind: 'text', value: (r) => r.summary, width: 60 },
  { key: 'before', label: 'Sebelum', kind: 'text', value: (r) => r.before, width: 30 },
  { key: 'after', label: 'Sesudah', kind: 'text', value: (r) => r.after, width: 30 },
];

/** The audit trail (filtered as on the screen), newest first, a page at a time. */
export function exportAudit(
  db: Db,
  ctx: ExportContext,
  format: ExportFormat,
  filter: AuditFilter,
  day: string,
): Promise<ExportHandle> {
  const zone = officeZone(db);
  const where = auditConditions(db, filter);
  const page = (before: number, limit: number) =>
    db
      .select(AUDIT_ROW)
      .from(auditLog)
      .where(and(where, lt(auditLog.id, before)))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all();
  const total = db.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  return exportTable(ctx, format, {
    baseName: `audit-${day}`,
    machine: MACHINE,
    people: MACHINE.map((c) => (c.key === 'at' ? { ...c, label: `Waktu (${zone.name})` } : c)),
    zone,
    total,
    sheets: [{ name: 'Jejak audit', pages: () => keysetPages(page, Number.MAX_SAFE_INTEGER, (r) => r.id) }],
  });
}
