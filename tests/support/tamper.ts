import Database from 'better-sqlite3';
import type { TestBackend } from './backend.js';

/** Tampering as someone with the file would: the backend closed, another connection, the append-only triggers dropped first. */
export function tamper(backend: TestBackend, ...statements: string[]): void {
  const file = backend.database.file;
  backend.close();
  const raw = new Database(file);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  for (const statement of statements) raw.exec(statement);
  raw.close();
}
