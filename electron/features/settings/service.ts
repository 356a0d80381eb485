import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { settings } from '../../../drizzle/schema/index.js';

export function getSetting<T = string>(db: Db, key: string): T | null {
  const row = db.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : null;
}

export function setSetting(db: Db, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  const updatedAt = new Date().toISOString();
  db.insert(settings)
    .values({ key, value: json, updatedAt })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt } })
    .run();
}
