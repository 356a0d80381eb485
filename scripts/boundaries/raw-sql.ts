// The database rule (DEVELOPERS.md, "One rule for the database"): drizzle for ordinary reads and
// writes; raw prepared statements only where a file says why in its first lines, with a comment
// `// Raw SQL: <why — the hot path and the bench that measures it, or the SQLite plumbing>`.
import type { SourceFile } from './rules.js';

const RAW_SQL = /\b(\$client|sqlite|client)\s*\.(prepare|exec|pragma)\(|\bcachedStatement\(/;
const MARKED = /^\/\/ Raw SQL: \S.{8,}/m;

/** Files written before the rule that still use raw SQL for ordinary queries: to be converted, never added to. */
export const NOT_YET_DRIZZLE = new Set<string>([
  'electron/features/audit/query.ts',
  'electron/features/census/assignments.ts',
  'electron/features/census/officer-import.ts',
  'electron/features/census/officers.ts',
  'electron/features/census/sls-import.ts',
  'electron/features/census/sls.ts',
  'electron/features/integrity/asn.ts',
  'electron/features/integrity/import-opd.ts',
  'electron/features/integrity/import-pegawai.ts',
  'electron/features/integrity/pacts.ts',
  'electron/features/integrity/registers.ts',
  'electron/features/integrity/reports.ts',
  'electron/features/integrity/stages.ts',
  'electron/features/participation/import.ts',
  'electron/features/participation/overview.ts',
  'electron/features/participation/sessions.ts',
  'electron/features/participation/targets.ts',
  'electron/features/settings/service.ts',
  'electron/features/sync/last-sync.ts',
  'electron/features/sync/service.ts',
  'electron/features/users/service.ts',
  'electron/features/wilayah/service.ts',
]);

const isMarked = (text: string) => MARKED.test(text.split('\n').slice(0, 12).join('\n'));

export function rawSqlFindings(files: SourceFile[], notYet: ReadonlySet<string> = NOT_YET_DRIZZLE): string[] {
  const findings: string[] = [];
  for (const { file, text } of files) {
    if (!file.startsWith('electron/')) continue;
    const raw = RAW_SQL.test(text);
    if (raw && !isMarked(text) && !notYet.has(file))
      findings.push(
        `${file}: raw SQL in a file that does not say why: use drizzle, or start it with "// Raw SQL: <why>"`,
      );
    if (notYet.has(file) && !raw) findings.push(`${file}: no raw SQL left: remove it from NOT_YET_DRIZZLE`);
    if (notYet.has(file) && isMarked(text))
      findings.push(`${file}: marked as raw SQL on purpose and listed as not yet converted`);
  }
  return findings;
}
