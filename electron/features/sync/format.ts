// The field sync package contract (shared/formats/field-sync.md, `sp-field-sync` version 1):
// the checks on manifest.json and on each line of households.jsonl. Hand-written rather than zod
// because a regency's import validates millions of lines.
import { HOUSEHOLD_STATUSES } from '../../../drizzle/schema/census.js';

export const FORMAT_NAME = 'sp-field-sync';
export const FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';
export const HOUSEHOLDS_NAME = 'households.jsonl';

export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** One problem of a package. `code` is stable (the UI translates it with `params`); `message` is English. */
export interface SyncIssue {
  line: number | null;
  field: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface Manifest {
  format: string;
  version: number;
  package_id: string;
  device_id: string;
  officer_code: string;
  created_at: string;
  kabupaten: string;
  records: number;
  sha256: string;
}

export interface HouseholdRecord {
  household_id: string;
  sls_id: string;
  status: HouseholdStatus;
  members: number;
  male: number;
  female: number;
  visited_at: string;
  revision: number;
}

export const HOUSEHOLD_FIELDS = [
  'household_id',
  'sls_id',
  'status',
  'members',
  'male',
  'female',
  'visited_at',
  'revision',
] as const;
const MANIFEST_FIELDS = [
  'format',
  'version',
  'package_id',
  'device_id',
  'officer_code',
  'created_at',
  'kabupaten',
  'records',
  'sha256',
] as const;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const OFFICER_CODE = /^[A-Z0-9-]{1,32}$/;
const KABUPATEN = /^\d{2}\.\d{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;
const HOUSEHOLD_ID = /^(\d{16})-(\d{4})$/;
const SLS_ID = /^\d{16}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const STATUSES = new Set<string>(HOUSEHOLD_STATUSES);

export function issue(
  line: number | null,
  field: string | null,
  code: string,
  params: SyncIssue['params'],
  message: string,
): SyncIssue {
  return { line, field, code, params, message };
}

/** `string "4"`, `number 4.5`, `null`, `array`: how a wrong value is named in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

function typeIssue(line: number | null, field: string, expected: 'string' | 'integer', value: unknown): SyncIssue {
  const got = describeValue(value);
  return issue(line, field, 'value.type', { expected, got }, `expected ${expected}, got ${got}`);
}

/** ISO 8601 date-time with an offset (or Z), and a real calendar date. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isDateTimeWithOffset(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || +m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) return false;
  if (m[7] !== undefined && (+m[7] > 23 || +m[8] > 59)) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day >= 1 && day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

type Check = (value: unknown) => { code: string; params: SyncIssue['params']; message: string } | null;

function stringMatching(pattern: RegExp, rule: string): Check {
  return (value) =>
    typeof value === 'string' && pattern.test(value)
      ? null
      : {
          code: 'value.format',
          params: { rule, value: String(value) },
          message: `expected ${rule}, got ${describeValue(value)}`,
        };
}

const manifestChecks: Record<(typeof MANIFEST_FIELDS)[number], { type: 'string' | 'integer'; check: Check }> = {
  format: {
    type: 'string',
    check: (v) =>
      v === FORMAT_NAME
        ? null
        : {
            code: 'manifest.format',
            params: { value: String(v) },
            message: `expected "${FORMAT_NAME}", got ${describeValue(v)}`,
          },
  },
  version: {
    type: 'integer',
    check: (v) =>
      v === FORMAT_VERSION
        ? null
        : { code: 'manifest.version', params: { value: String(v) }, message: `unsupported version ${String(v)}` },
  },
  package_id: { type: 'string', check: stringMatching(UUID, 'a UUID (8-4-4-4-12 hex)') },
  device_id: {
    type: 'string',
    check: (v) =>
      typeof v === 'string' && v.length >= 1 && v.length <= 64
        ? null
        : { code: 'value.length', params: { min: 1, max: 64 }, message: 'expected 1–64 characters' },
  },
  officer_code: { type: 'string', check: stringMatching(OFFICER_CODE, '1–32 characters of A-Z, 0-9 and -') },
  created_at: { type: 'string', check: stringMatching(DATE_TIME, 'an ISO 8601 date-time with offset') },
  kabupaten: { type: 'string', check: stringMatching(KABUPATEN, 'a regency code like 33.16') },
  records: {
    type: 'integer',
    check: (v) =>
      (v as number) >= 0
        ? null
        : {
            code: 'value.range',
            params: { min: 0, value: String(v) },
            message: `expected at least 0, got ${String(v)}`,
          },
  },
  sha256: { type: 'string', check: stringMatching(SHA256, 'lowercase hex SHA-256') },
};

/** Keys no package may use: they name JavaScript's object machinery, not data. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A key JSON.parse would silently let through: one given twice (the last would win) or one of
 * FORBIDDEN_KEYS, at any depth. Only for text JSON.parse accepted; one pass over it.
 */
export function jsonKeyProblem(text: string): { code: 'json.duplicateKey' | 'json.forbiddenKey'; key: string } | null {
  const objects: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      while (text.charCodeAt(end) !== 0x22) end += text.charCodeAt(end) === 0x5c ? 2 : 1;
      const keys = objects[objects.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (FORBIDDEN_KEYS.has(key)) return { code: 'json.forbiddenKey', key };
        if (keys.has(key)) return { code: 'json.duplicateKey', key };
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === 0x7b) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      objects.push(null);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = objects[objects.length - 1] != null;
  }
  return null;
}

function keyIssue(line: number | null, field: string | null, text: string): SyncIssue | null {
  const problem = jsonKeyProblem(text);
  if (!problem) return null;
  const what = problem.code === 'json.duplicateKey' ? 'appears twice' : 'is not allowed';
  return issue(line, field, problem.code, { key: problem.key }, `the key "${problem.key}" ${what}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasCorrectType(type: 'string' | 'integer', value: unknown): boolean {
  return type === 'string' ? typeof value === 'string' : Number.isSafeInteger(value);
}

/** Checks manifest.json's text; returns the manifest or the problems (line null, field named). */
export function parseManifest(
  text: string,
  officeKabupaten: string,
): { manifest: Manifest | null; issues: SyncIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return {
      manifest: null,
      issues: [
        issue(
          null,
          MANIFEST_NAME,
          'manifest.json',
          { detail: (error as Error).message },
          `manifest.json is not valid JSON: ${(error as Error).message}`,
        ),
      ],
    };
  }
  if (!isPlainObject(data))
    return {
      manifest: null,
      issues: [issue(null, MANIFEST_NAME, 'manifest.object', {}, 'manifest.json must be a JSON object')],
    };
  const badKey = keyIssue(null, MANIFEST_NAME, text);
  if (badKey) return { manifest: null, issues: [badKey] };
  const issues: SyncIssue[] = [];
  for (const key of Object.keys(data)) {
    if (!(key in manifestChecks))
      issues.push(issue(null, `manifest.${key}`, 'field.unknown', { field: key }, 'unknown field'));
  }
  for (const field of MANIFEST_FIELDS) {
    const where = `manifest.${field}`;
    const value = data[field];
    const rule = manifestChecks[field];
    if (value === undefined) issues.push(issue(null, where, 'field.missing', { field }, 'required field is missing'));
    else if (!hasCorrectType(rule.type, value)) issues.push(typeIssue(null, where, rule.type, value));
    else {
      const problem = rule.check(value);
      if (problem) issues.push(issue(null, where, problem.code, problem.params, problem.message));
      else if (field === 'created_at' && !isDateTimeWithOffset(value as string))
        issues.push(
          issue(null, where, 'value.date', { value: String(value) }, `not a real date-time: "${String(value)}"`),
        );
    }
  }
  if (!issues.some((i) => i.field === 'manifest.kabupaten') && data.kabupaten !== officeKabupaten) {
    issues.push(
      issue(
        null,
        'manifest.kabupaten',
        'manifest.otherRegency',
        { value: String(data.kabupaten), office: officeKabupaten },
        `the package is for regency ${String(data.kabupaten)}, this office is ${officeKabupaten}`,
      ),
    );
  }
  return { manifest: issues.length ? null : (data as unknown as Manifest), issues };
}

/** The office's knowledge a record is checked against. */
export interface RecordContext {
  /** Regency code without the dot, e.g. `3316`: every SLS id starts with it. */
  kabupatenDigits: string;
  slsIds: { has(id: string): boolean };
}

/**
 * The line exactly as the tablets write it (JSON.stringify of the record, fields in order). Every
 * text this matches is valid JSON with these eight fields and types (no leading zeros, no control
 * characters), so it can skip JSON.parse; anything else takes the general path below.
 */
const CANONICAL_LINE =
  /^\{"household_id":"([0-9-]{1,40})","sls_id":"([0-9]{1,40})","status":"([a-z_]{1,20})","members":(0|[1-9][0-9]?),"male":(0|[1-9][0-9]?),"female":(0|[1-9][0-9]?),"visited_at":"([^"\\\u0000-\u001f]{1,40})","revision":([1-9][0-9]{0,14})\}$/;

function canonicalRecord(text: string): HouseholdRecord | null {
  const m = CANONICAL_LINE.exec(text);
  if (!m) return null;
  return {
    household_id: m[1],
    sls_id: m[2],
    status: m[3] as HouseholdStatus,
    members: +m[4],
    male: +m[5],
    female: +m[6],
    visited_at: m[7],
    revision: +m[8],
  };
}

/** Any other line: JSON, an object, exactly the eight fields, each of its type. */
function generalRecord(text: string, line: number, issues: SyncIssue[]): HouseholdRecord | null {
  if (text === '') {
    issues.push(issue(line, null, 'line.blank', {}, 'blank line (not allowed)'));
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    issues.push(
      issue(
        line,
        null,
        'line.json',
        { detail: (error as Error).message },
        `not valid JSON: ${(error as Error).message}`,
      ),
    );
    return null;
  }
  if (!isPlainObject(data)) {
    issues.push(
      issue(
        line,
        null,
        'line.object',
        { got: describeValue(data) },
        `expected a JSON object, got ${describeValue(data)}`,
      ),
    );
    return null;
  }
  const badKey = keyIssue(line, null, text);
  if (badKey) {
    issues.push(badKey);
    return null;
  }
  const before = issues.length;
  for (const key of Object.keys(data)) {
    if (!(HOUSEHOLD_FIELDS as readonly string[]).includes(key))
      issues.push(issue(line, key, 'field.unknown', { field: key }, 'unknown field (not allowed)'));
  }
  for (const field of HOUSEHOLD_FIELDS) {
    const value = data[field];
    const type =
      field === 'members' || field === 'male' || field === 'female' || field === 'revision' ? 'integer' : 'string';
    if (value === undefined) issues.push(issue(line, field, 'field.missing', { field }, 'required field is missing'));
    else if (!hasCorrectType(type, value)) issues.push(typeIssue(line, field, type, value));
  }
  return issues.length > before ? null : (data as unknown as HouseholdRecord);
}

function rangeIssue(line: number, field: string, value: number, min: number, max: number): SyncIssue | null {
  return value >= min && value <= max
    ? null
    : issue(line, field, 'value.range', { min, max, value }, `expected ${min}–${max}, got ${value}`);
}

/** The rules on the values of a well-formed record. */
function checkValues(record: HouseholdRecord, line: number, context: RecordContext, issues: SyncIssue[]): void {
  const idMatch = HOUSEHOLD_ID.exec(record.household_id);
  if (!idMatch || idMatch[2] === '0000') {
    issues.push(
      issue(
        line,
        'household_id',
        'household.id',
        { value: record.household_id },
        `expected <sls_id>-<0001–9999>, got "${record.household_id}"`,
      ),
    );
  }
  if (!SLS_ID.test(record.sls_id)) {
    issues.push(
      issue(line, 'sls_id', 'sls.format', { value: record.sls_id }, `expected 16 digits, got "${record.sls_id}"`),
    );
  } else if (idMatch && idMatch[1] !== record.sls_id) {
    issues.push(
      issue(
        line,
        'sls_id',
        'sls.mismatch',
        { value: record.sls_id, household: record.household_id },
        `"${record.sls_id}" is not the SLS of household ${record.household_id}`,
      ),
    );
  } else if (!record.sls_id.startsWith(context.kabupatenDigits)) {
    issues.push(
      issue(
        line,
        'sls_id',
        'sls.otherRegency',
        { value: record.sls_id },
        `SLS ${record.sls_id} is not in the package's regency`,
      ),
    );
  } else if (!context.slsIds.has(record.sls_id)) {
    issues.push(
      issue(
        line,
        'sls_id',
        'sls.unknown',
        { value: record.sls_id },
        `SLS ${record.sls_id} is not in the SLS master (add it, then import again)`,
      ),
    );
  }
  if (!STATUSES.has(record.status)) {
    issues.push(
      issue(
        line,
        'status',
        'status.unknown',
        { value: record.status },
        `expected one of ${HOUSEHOLD_STATUSES.join(', ')}, got "${record.status}"`,
      ),
    );
  }
  const members = rangeIssue(line, 'members', record.members, 0, 99);
  const male = rangeIssue(line, 'male', record.male, 0, 99);
  const female = rangeIssue(line, 'female', record.female, 0, 99);
  if (members) issues.push(members);
  if (male) issues.push(male);
  if (female) issues.push(female);
  if (!members && !male && !female && record.male + record.female !== record.members) {
    issues.push(
      issue(
        line,
        'members',
        'members.sum',
        { members: record.members, male: record.male, female: record.female },
        `male + female (${record.male} + ${record.female}) must equal members (${record.members})`,
      ),
    );
  }
  if (!isDateTimeWithOffset(record.visited_at)) {
    issues.push(
      issue(
        line,
        'visited_at',
        'value.date',
        { value: record.visited_at },
        `expected an ISO 8601 date-time with offset, got "${record.visited_at}"`,
      ),
    );
  }
  if (record.revision < 1)
    issues.push(
      issue(
        line,
        'revision',
        'value.range',
        { min: 1, value: record.revision },
        `expected at least 1, got ${record.revision}`,
      ),
    );
}

/**
 * Parses and checks one line of households.jsonl; pushes problems to `issues` and returns the
 * record when it is valid. Cross-line checks (duplicate household ids) are the caller's.
 */
export function parseHouseholdLine(
  text: string,
  line: number,
  context: RecordContext,
  issues: SyncIssue[],
): HouseholdRecord | null {
  const record = canonicalRecord(text) ?? generalRecord(text, line, issues);
  if (!record) return null;
  const before = issues.length;
  checkValues(record, line, context, issues);
  return issues.length > before ? null : record;
}
