import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { cachedStatement } from '../../db/statements.js';
import { expectNotStoredYet, updateVersioned } from '../../db/versioned.js';
import { settings } from '../../../drizzle/schema/index.js';
import { SETTINGS, type SettingKey, type SettingValue } from './definitions.js';

export function getSetting<T = string>(db: Db, key: string): T | null {
  const row = cachedStatement(db.$client, 'SELECT value FROM settings WHERE key = ?').get(key) as
    | { value: string }
    | undefined;
  return row ? (JSON.parse(row.value) as T) : null;
}

/** The stored version of a setting; 0 when it was never set (still its default). */
export function settingVersion(db: Db, key: string): number {
  return db.select({ version: settings.version }).from(settings).where(eq(settings.key, key)).get()?.version ?? 0;
}

/**
 * Stores a setting. With `expectedVersion` (what the editor read from settings.list) the write is
 * refused with CONFLICT when someone else changed the setting since.
 */
export function setSetting(db: Db, key: string, value: unknown, expectedVersion?: number): void {
  const json = JSON.stringify(value);
  const updatedAt = new Date().toISOString();
  const current = settingVersion(db, key);
  if (expectedVersion !== undefined && current > 0) {
    updateVersioned(db, settings, eq(settings.key, key), expectedVersion, { value: json, updatedAt }, `Setting ${key}`);
    return;
  }
  if (expectedVersion !== undefined) expectNotStoredYet(expectedVersion, `Setting ${key}`);
  db.insert(settings)
    .values({ key, value: json, updatedAt })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: json, updatedAt, version: sql`${settings.version} + 1` },
    })
    .run();
}

/** An office setting's value, or its default when never set. */
export function readSetting<K extends SettingKey>(db: Db, key: K): SettingValue<K> {
  const stored = getSetting<SettingValue<K>>(db, key);
  return stored === null ? (SETTINGS[key].default as SettingValue<K>) : stored;
}

export function listSettings(db: Db): { key: SettingKey; value: unknown; default: unknown; version: number }[] {
  return (Object.keys(SETTINGS) as SettingKey[]).map((key) => ({
    key,
    value: readSetting(db, key),
    default: SETTINGS[key].default,
    version: settingVersion(db, key),
  }));
}
