import type Database from 'better-sqlite3';
import { parseAuditSummary } from '../../common/audit-texts/parse.js';

/**
 * SQL functions the migrations call where SQL alone cannot say it: 0016 reads old audit summaries
 * back into their keys and parameters (JSON), or NULL when no template reads them exactly.
 */
export function registerMigrationFunctions(sqlite: Database.Database): void {
  const options = { deterministic: true, varargs: false };
  sqlite.function('audit_summary_key', options, (operation: unknown, summary: unknown) =>
    typeof operation === 'string' && typeof summary === 'string'
      ? (parseAuditSummary(operation, summary)?.key ?? null)
      : null,
  );
  sqlite.function('audit_summary_params', options, (operation: unknown, summary: unknown) => {
    const parsed =
      typeof operation === 'string' && typeof summary === 'string' ? parseAuditSummary(operation, summary) : null;
    return parsed ? JSON.stringify(parsed.params) : null;
  });
}
