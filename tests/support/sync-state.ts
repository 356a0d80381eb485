import type { Db } from '../../electron/db/open.js';

/** Tables a rejected or duplicate package may write to: the import history (rule 6) and the audit log. */
const HISTORY_TABLES = new Set(['sync_imports', 'sync_import_errors', 'audit_log']);

/** Every row of every other table, in a stable order: equal dumps mean equal content. */
export function contentDump(db: Db): string {
  const tables = db.$client
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    if (HISTORY_TABLES.has(table)) continue;
    // Ordered by every column: some tables have no rowid (WITHOUT ROWID).
    const columns = db.$client.prepare(`SELECT count(*) FROM pragma_table_info('${table}')`).pluck().get() as number;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    dump[table] = db.$client.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
  }
  return JSON.stringify(dump);
}
