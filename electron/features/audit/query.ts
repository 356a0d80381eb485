import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { dayEndInstant, dayStartInstant } from '../../../common/time-zone.js';
import type { Db } from '../../db/open.js';
import { auditLog } from '../../../drizzle/schema/index.js';
import { officeZone } from '../wilayah/service.js';
import { checkedSummary } from './summary.js';

export interface AuditFilter {
  actor?: string;
  operation?: string;
  entity?: string;
  /** YYYY-MM-DD, inclusive, days in the office's zone (what the clerk's calendar says). */
  from?: string;
  to?: string;
  limit?: number;
}

export function auditConditions(db: Db, filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  const zone = filter.from || filter.to ? officeZone(db) : null;
  if (filter.actor) conditions.push(eq(auditLog.actor, filter.actor));
  if (filter.operation) conditions.push(eq(auditLog.operation, filter.operation));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  // `at` is UTC ISO text, so the office's days are turned into the instants they start at.
  if (filter.from) conditions.push(gte(auditLog.at, dayStartInstant(filter.from, zone!)));
  if (filter.to) conditions.push(lt(auditLog.at, dayEndInstant(filter.to, zone!)));
  return conditions.length ? and(...conditions) : undefined;
}

/** What a reader sees of an entry (the list, the export). */
export const AUDIT_ROW = {
  id: auditLog.id,
  at: auditLog.at,
  actor: auditLog.actor,
  operation: auditLog.operation,
  entity: auditLog.entity,
  entityId: auditLog.entityId,
  summary: auditLog.summary,
  before: auditLog.before,
  after: auditLog.after,
};

/** What the screen reads: the entry with its summary's key and parameters where they match the hashed words. */
const SAID_ROW = { ...AUDIT_ROW, summaryKey: auditLog.summaryKey, summaryParams: auditLog.summaryParams };

export function listAudit(db: Db, filter: AuditFilter) {
  const rows = db.select(SAID_ROW).from(auditLog).where(auditConditions(db, filter)).orderBy(desc(auditLog.id));
  return (filter.limit ? rows.limit(filter.limit).all() : rows.all()).map(checkedSummary);
}

export type AuditRow = { [K in keyof typeof AUDIT_ROW]: ReturnType<typeof listAudit>[number][K] };

/** The values the filters can take, for the audit screen's choices. */
export function auditFacets(db: Db) {
  const distinct = (column: 'actor' | 'operation' | 'entity') =>
    (db.$client.prepare(`SELECT DISTINCT ${column} AS v FROM audit_log ORDER BY 1`).all() as { v: string }[]).map(
      (r) => r.v,
    );
  return { actors: distinct('actor'), operations: distinct('operation'), entities: distinct('entity') };
}

/** One page of the trail, newest first from the key — exported so tests can read its plan. */
export function auditPageQuery(db: Db, query: { offset: number; limit: number; filter: AuditFilter }) {
  return db
    .select(SAID_ROW)
    .from(auditLog)
    .where(auditConditions(db, query.filter))
    .orderBy(desc(auditLog.id))
    .limit(query.limit)
    .offset(query.offset);
}

/** A page of the trail (one entry per write: it grows with everything the office does), with the count. */
export function pageAudit(db: Db, query: { offset: number; limit: number; filter: AuditFilter }) {
  const [{ total }] = db.select({ total: count() }).from(auditLog).where(auditConditions(db, query.filter)).all();
  return { rows: auditPageQuery(db, query).all().map(checkedSummary), total };
}
