import { z } from 'zod';
import { ApiError, type ApiErrorIssue } from '../api/errors.js';
import type { TableFile } from './table-file.js';

/** How many problems a rejection lists before it says how many more there are. */
export const MAX_LISTED_ISSUES = 200;

export interface ColumnRule<T = unknown> {
  /** Absent columns make the whole file invalid unless optional. */
  optional?: boolean;
  /** Parses and checks the cell's text; messages should say what was expected. */
  schema: z.ZodType<T, string>;
  /** How the value appears in error messages (e.g. a masked NIP). Defaults to the value itself. */
  show?: (value: string) => string;
}

export type Columns = Record<string, ColumnRule>;
export type RecordOf<C extends Columns> = { [K in keyof C]: C[K] extends ColumnRule<infer T> ? T : never };

export interface ValidRow<R> {
  row: number;
  record: R;
}

/** Collects problems with their row and column, and rejects the file with all of them at once. */
export class IssueList {
  readonly items: ApiErrorIssue[] = [];
  add(line: number | null, field: string | null, message: string): void {
    this.items.push({ line, field, message });
  }
  get count(): number {
    return this.items.length;
  }
  /** Throws a REJECTED error naming every problem (up to the cap) when there is any. */
  throwIfAny(what: string): void {
    if (!this.items.length) return;
    const listed = this.items.slice(0, MAX_LISTED_ISSUES);
    if (this.items.length > MAX_LISTED_ISSUES) listed.push({ line: null, field: null, message: `… and ${this.items.length - MAX_LISTED_ISSUES} more problems` });
    const first = this.items[0];
    const where = [first.line != null ? `row ${first.line}` : null, first.field].filter(Boolean).join(', ');
    throw new ApiError('REJECTED', `${what}: ${this.items.length} problem${this.items.length === 1 ? '' : 's'}, nothing was imported (first: ${where ? `${where}: ` : ''}${first.message})`, listed);
  }
}

/**
 * Checks a spreadsheet against its column rules: column names match case-insensitively and in any
 * order, extra columns are ignored, a missing required column or any bad cell is recorded with its
 * row, column and value. Returns the parsed rows; the caller adds cross-row checks, then calls
 * `issues.throwIfAny`.
 */
export function validateTable<C extends Columns>(table: TableFile, columns: C, issues: IssueList): ValidRow<RecordOf<C>>[] {
  const present = new Set(table.headers.map((h) => h.toLowerCase()));
  const missing = Object.entries(columns).filter(([name, rule]) => !rule.optional && !present.has(name));
  for (const [name] of missing) issues.add(1, name, `required column "${name}" is missing`);
  if (missing.length) return [];
  if (!table.rows.length) issues.add(null, null, 'the file has no data rows');
  const valid: ValidRow<RecordOf<C>>[] = [];
  for (const { row, values } of table.rows) {
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const [name, rule] of Object.entries(columns)) {
      const raw = values[name] ?? '';
      const parsed = rule.schema.safeParse(raw);
      if (parsed.success) record[name] = parsed.data;
      else {
        ok = false;
        const shown = (rule.show ?? ((v: string) => v))(raw);
        issues.add(row, name, `${parsed.error.issues[0]?.message ?? 'invalid'} (value "${shown}")`);
      }
    }
    if (ok) valid.push({ row, record: record as RecordOf<C> });
  }
  return valid;
}

/** Cell rules shared by the office files. */
export const cell = {
  text: (min: number, max: number) => z.string().min(min, min === 1 ? 'must not be empty' : `at least ${min} characters`).max(max, `at most ${max} characters`),
  integer: (min: number, max = Number.MAX_SAFE_INTEGER) =>
    z
      .string()
      .regex(/^\d+$/, 'expected a whole number')
      .transform(Number)
      .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`)),
  date: () =>
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
      .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real calendar date'),
  oneOf: <T extends string>(values: readonly T[]) =>
    z.string().refine((v): v is T => (values as readonly string[]).includes(v), `expected one of ${values.join(', ')}`) as unknown as z.ZodType<T, string>,
  desaCode: () => z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'expected a village code like 33.16.01.2001'),
  kecamatanCode: () => z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'expected a kecamatan code like 33.16.01'),
};
