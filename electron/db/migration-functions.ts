import type Database from 'better-sqlite3';
import { type ParsedSummary, parseAuditSummary } from '../../common/audit-texts/parse.js';

/**
 * SQL functions the migrations call where SQL alone cannot say it: 0016 reads old audit summaries
 * back into their keys and parameters (JSON), or NULL when no template reads them exactly.
 */
export function registerMigrationFunctions(sqlite: Database.Database): void {
  // The UPDATE asks for the same row's key and parameters in turn: read each summary once.
  let last: { operation: unknown; summary: unknown; parsed: ParsedSummary | null } = {
    operation: null,
    summary: null,
    parsed: null,
  };
  const parsed = (operation: unknown, summary: unknown): ParsedSummary | null => {
    if (last.operation !== operation || last.summary !== summary) {
      const read =
        typeof operation === 'string' && typeof summary === 'string' ? parseAuditSummary(operation, summary) : null;
      last = { operation, summary, parsed: read };
    }
    return last.parsed;
  };
  const options = { deterministic: true, varargs: false };
  sqlite.function(
    'audit_summary_key',
    options,
    (operation: unknown, summary: unknown) => parsed(operation, summary)?.key ?? null,
  );
  sqlite.function('audit_summary_params', options, (operation: unknown, summary: unknown) => {
    const read = parsed(operation, summary);
    return read ? JSON.stringify(read.params) : null;
  });
}
