import { fillTemplate, mergeCatalogues, type ProblemLanguage, type ProblemParams } from '../problems/define.js';
import { censusAuditTexts } from './census.js';
import { integrityAuditTexts } from './integrity.js';
import { officeAuditTexts } from './office.js';
import { participationAuditTexts } from './participation.js';
import { syncAuditTexts } from './sync.js';
import { usersAuditTexts } from './users.js';

/**
 * The words of the audit trail's summaries, like the problems: a key with parameters per entry, an
 * English template (what is stored and hashed as `summary`) and the UI's Indonesian one. Each feature
 * keeps its catalogue in `common/audit-texts/<feature>.ts`; add it here.
 */
const catalogues = [
  usersAuditTexts,
  officeAuditTexts,
  censusAuditTexts,
  integrityAuditTexts,
  participationAuditTexts,
  syncAuditTexts,
];

type Keys<C> = C extends { en: Record<infer K, string> } ? K : never;
export type AuditTextKey = Keys<(typeof catalogues)[number]>;
export type AuditTextParams = ProblemParams;

export const AUDIT_TEXTS: Record<ProblemLanguage, Record<string, string>> = {
  id: mergeCatalogues(catalogues, 'id', 'Audit text'),
  en: mergeCatalogues(catalogues, 'en', 'Audit text'),
};

/** A summary as an op writes it: the English words (hashed), and the key and parameters they came from (not hashed). */
export interface AuditedSummary {
  summary: string;
  summaryKey: AuditTextKey;
  summaryParams: AuditTextParams;
}

export function audited(key: AuditTextKey, params: AuditTextParams = {}): AuditedSummary {
  return { summary: fillTemplate(AUDIT_TEXTS.en[key], params, 'en'), summaryKey: key, summaryParams: params };
}

/** The summary in words of the language, or undefined for a key this version does not know. */
export function auditText(language: ProblemLanguage, key: string, params: AuditTextParams = {}): string | undefined {
  const template = Object.hasOwn(AUDIT_TEXTS[language], key) ? AUDIT_TEXTS[language][key] : undefined;
  return template === undefined ? undefined : fillTemplate(template, params, language);
}
