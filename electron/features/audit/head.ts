// Raw SQL: the audit chain hashes exactly the bytes it stores; its few statements are written out so that stays visible.
import type Database from 'better-sqlite3';

/** The newest audit entry: its id (the chain's length) and hash. Carried outside the database to detect truncation. */
export interface ChainHead {
  id: number;
  hash: string;
  at: string;
}

export function chainHead(sqlite: Database.Database): ChainHead | null {
  return (
    (sqlite.prepare('SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as ChainHead | undefined) ??
    null
  );
}

/** How a head is written for people (reports, the restore entry) and read back: "1234:3fa2…" (id, then the hash or its first ≥ 12 hex digits). */
export const formatHead = (head: Pick<ChainHead, 'id' | 'hash'>) => `${head.id}:${head.hash}`;

export function parseHead(text: string): { id: number; hash: string } | null {
  const match = /^(\d{1,12}):([0-9a-f]{12,64})$/i.exec(text.trim());
  return match ? { id: Number(match[1]), hash: match[2].toLowerCase() } : null;
}
