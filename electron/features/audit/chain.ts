import { createHash } from 'node:crypto';

/** The fields of an audit entry that its hash covers, in this fixed order. */
export interface ChainedFields {
  id: number;
  at: string;
  actor: string;
  operation: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  prevHash: string;
}

/**
 * Canonical serialisation: a JSON array in a fixed field order, so the same entry always hashes the
 * same. The id is included so that deleting or inserting a row breaks the chain at that point.
 */
export function canonicalEntry(e: ChainedFields): string {
  return JSON.stringify([
    e.id,
    e.at,
    e.actor,
    e.operation,
    e.entity,
    e.entityId,
    e.summary,
    e.before,
    e.after,
    e.prevHash,
  ]);
}

export function entryHash(e: ChainedFields): string {
  return createHash('sha256').update(canonicalEntry(e), 'utf8').digest('hex');
}
