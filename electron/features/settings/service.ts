import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { settings } from '../../../drizzle/schema/index.js';
import { SETTINGS, type SettingKey, type SettingValue } from './definitions.js';

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


/** An office setting's value, or its default when never set. */
export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const stored = getSetting<SettingValue<K>>(db, key);
  return stored === null ? (SETTINGS[key].default as SettingValue<K>) : stored;
}

export function listSettings(db: Db): { key: SettingKey; value: unknown; default: unknown }[] {
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => ({ key, value: readSetting(db, key), default: SETTINGS[key].default }));
}
