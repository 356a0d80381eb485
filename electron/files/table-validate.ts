import { z } from 'zod';
import { ApiError, problemIssue, type ApiErrorIssue } from '../api/errors.js';
import { problemText, type ProblemKey, type ProblemParams } from '../../common/problems/index.js';
import type { TableFile, TableRow } from './table-file.js';

/** How many problems a rejection lists before it says how many more there are. */
export const MAX_LISTED_ISSUES = 200;

/** A cell rule's refusal: a catalogue key and its parameters (the column and value are added). */
export class CellFailure {
  constructor(
    readonly key: ProblemKey,
    readonly params: ProblemParams = {},
  ) {}
}

export const fail = (key: ProblemKey, params: ProblemParams = {}) => new CellFailure(key, params);

/** A zod rule over a cell's text whose refusals carry a catalogue key (see `cellProblem`). */
export function rule<T>(check: (text: string) => T | CellFailure): z.ZodType<T, string> {
  return z.string().transform((text, ctx) => {
    const result = check(text);
    if (!(result instanceof CellFailure)) return result;
    // English for callers that read zod's message (operation input); validateTable uses the key and a masked value.
    ctx.addIssue({
      code: 'custom',
      message: problemText('en', result.key, { column: 'this field', value: text.slice(0, 40), ...result.params }),
      params: { key: result.key, ...result.params },
    });
    return z.NEVER;
  });
}

/** The catalogue key and parameters of a failed cell rule. */
export function cellProblem(error: z.ZodError): { key: ProblemKey; params: ProblemParams } {
  const first = error.issues[0];
  const params = (first?.code === 'custom' ? first.params : undefined) as
    | ({ key: ProblemKey } & ProblemParams)
    | undefined;
  if (!params?.key) return { key: 'general.internal', params: {} };
  const { key, ...rest } = params;
  return { key, params: rest };
}

export interface ColumnRule<T = unknown> {
  /** Absent columns make the whole file invalid unless optional. */
  optional?: boolean;
  /** Parses and checks the cell's text; build it with `rule` (or `cell.*`) so refusals are coded. */
  schema: z.ZodType<T, string>;
  /** How the value appears in messages (e.g. a masked NIP). Defaults to the value itself. */
  show?: (value: string) => string;
  /**
   * A code (ids, village and kecamatan codes, NIP, NIK, officer codes): a cell an .xlsx stored as a
   * number, or a CSV wrote in scientific notation, has lost digits and is refused. A `phone` stored
   * as a number that lost only its leading 0 (`82516843796`) is unambiguous: the 0 is put back.
   */
  code?: 'code' | 'phone';
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
  /** What the clerk should know about an accepted file (how it was read, what was put right). */
  readonly notices: ApiErrorIssue[] = [];
  add(line: number | null, field: string | null, key: ProblemKey, params: ProblemParams = {}): void {
    this.items.push(problemIssue(line, field, key, params));
  }
  notice(key: ProblemKey, params: ProblemParams = {}): void {
    this.notices.push(problemIssue(null, null, key, params));
  }
  get count(): number {
    return this.items.length;
  }
  /** Throws a REJECTED error naming every problem (up to the cap) when there is any. */
  throwIfAny(): void {
    if (!this.items.length) return;
    const listed = this.items.slice(0, MAX_LISTED_ISSUES);
    if (this.items.length > MAX_LISTED_ISSUES)
      listed.push(problemIssue(null, null, 'files.moreProblems', { count: this.items.length - MAX_LISTED_ISSUES }));
    throw ApiError.problem('REJECTED', 'files.rejected', { count: this.items.length }, listed);
  }
}

const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
/** A mobile number that went through a Number column: 8… with 9–12 more digits (08… lost its 0). */
const PHONE_WITHOUT_ZERO = /^8\d{9,12}$/;

/** A code cell's text, or the problem that it went through a Number column. */
function codeText(
  rule: ColumnRule,
  name: string,
  text: string,
  row: TableRow,
  restored: { count: number },
): string | CellFailure {
  const stored = row.numbers?.includes(name) ?? false;
  if (rule.code === 'phone' && PHONE_WITHOUT_ZERO.test(text)) {
    restored.count++;
    return `0${text}`;
  }
  if (stored && rule.code === 'phone' && /^62\d+$/.test(text)) return text;
  if (stored || SCIENTIFIC.test(text)) return fail('files.codeAsNumber');
  return text;
}

/**
 * Checks a spreadsheet against its column rules: column names match case-insensitively and in any
 * order, extra columns are ignored, a missing required column or any bad cell is recorded with its
 * row, column and value. Returns the parsed rows; the caller adds cross-row checks, then calls
 * `issues.throwIfAny`. The file's notices (e.g. read as Windows-1252) go to `issues.notices`.
 */
export function validateTable<C extends Columns>(
  table: TableFile,
  columns: C,
  issues: IssueList,
): ValidRow<RecordOf<C>>[] {
  for (const notice of table.notices) issues.notices.push(notice);
  const present = new Set(table.headers.map((h) => h.toLowerCase()));
  const missing = Object.entries(columns).filter(([name, rule]) => !rule.optional && !present.has(name));
  for (const [name] of missing) issues.add(1, name, 'files.column.missing', { column: name });
  if (missing.length) return [];
  if (!table.rows.length) issues.add(null, null, 'files.noRows');
  const restored: Record<string, { count: number }> = {};
  const valid: ValidRow<RecordOf<C>>[] = [];
  for (const tableRow of table.rows) {
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const [name, rule] of Object.entries(columns)) {
      const raw = tableRow.values[name] ?? '';
      const shown = (rule.show ?? ((v: string) => v))(raw);
      const refuse = (key: ProblemKey, params: ProblemParams) => {
        ok = false;
        issues.add(tableRow.row, name, key, { column: name, value: shown, ...params });
      };
      const unreadable = tableRow.problems?.[name];
      if (unreadable) {
        refuse(unreadable.key, unreadable.params);
        continue;
      }
      const text = rule.code && raw ? codeText(rule, name, raw, tableRow, (restored[name] ??= { count: 0 })) : raw;
      if (text instanceof CellFailure) {
        refuse(text.key, text.params);
        continue;
      }
      const parsed = rule.schema.safeParse(text);
      if (parsed.success) record[name] = parsed.data;
      else {
        const { key, params } = cellProblem(parsed.error);
        refuse(key, params);
      }
    }
    if (ok) valid.push({ row: tableRow.row, record: record as RecordOf<C> });
  }
  for (const [column, { count }] of Object.entries(restored))
    if (count) issues.notice('files.phoneZeroRestored', { count, column });
  return valid;
}

const isRealDate = (v: string) =>
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/** Cell rules shared by the office files; each refusal is a `files.cell.*` problem. */
export const cell = {
  text: (min: number, max: number) =>
    rule((v) =>
      v.length < min
        ? min === 1
          ? fail('files.cell.empty')
          : fail('files.cell.tooShort', { min })
        : v.length > max
          ? fail('files.cell.tooLong', { max })
          : v,
    ),
  integer: (min: number, max = Number.MAX_SAFE_INTEGER) =>
    rule((v) => {
      if (!/^\d+$/.test(v)) return fail('files.cell.wholeNumber');
      const n = Number(v);
      return n < min ? fail('files.cell.belowMin', { min }) : n > max ? fail('files.cell.aboveMax', { max }) : n;
    }),
  date: () =>
    rule((v) =>
      !/^\d{4}-\d{2}-\d{2}$/.test(v)
        ? fail('files.cell.dateFormat')
        : isRealDate(v)
          ? v
          : fail('files.cell.dateNotReal'),
    ),
  oneOf: <T extends string>(values: readonly T[]) =>
    rule((v): T | CellFailure =>
      (values as readonly string[]).includes(v) ? (v as T) : fail('files.cell.oneOf', { allowed: values.join(', ') }),
    ),
  desaCode: () => rule((v) => (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v) ? v : fail('files.cell.desaCode'))),
  kecamatanCode: () => rule((v) => (/^\d{2}\.\d{2}\.\d{2}$/.test(v) ? v : fail('files.cell.kecamatanCode'))),
};
