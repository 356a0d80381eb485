import { neutralise } from '../../../common/text.js';
import { LIMITS } from './append.js';
import { AUDIT_TEXTS, auditText, type AuditTextParams } from '../../../common/audit-texts/index.js';

interface StoredSummary {
  summary: string;
  summaryKey: string | null;
  summaryParams: string | null;
}

function parsedParams(json: string | null): AuditTextParams | null {
  try {
    const value: unknown = JSON.parse(json ?? 'null');
    if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    return entries.every(([, v]) => typeof v === 'string' || typeof v === 'number') ? (value as AuditTextParams) : null;
  } catch {
    return null;
  }
}

/**
 * The key and parameters of a stored summary, kept only when their English words are exactly the
 * hashed `summary`: the key columns are not hashed, so a changed key or parameter is dropped and the
 * reader sees the stored (verified) text instead. Entries written before the keys existed got them in
 * migration 0016 where a template reads their words back exactly (common/audit-texts/parse.ts).
 */
export function checkedSummary<R extends StoredSummary>(
  row: R,
): Omit<R, 'summaryKey' | 'summaryParams'> & { summaryKey: string | null; summaryParams: AuditTextParams | null } {
  const params =
    row.summaryKey && Object.hasOwn(AUDIT_TEXTS.en, row.summaryKey) ? parsedParams(row.summaryParams) : null;
  const english = params && row.summaryKey ? auditText('en', row.summaryKey, params) : undefined;
  const matches = english !== undefined && neutralise(english, LIMITS.summary) === row.summary;
  return { ...row, summaryKey: matches ? row.summaryKey : null, summaryParams: matches ? params : null };
}
