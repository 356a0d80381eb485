import i18next from 'i18next';
import { auditText, type AuditTextKey, type AuditTextParams } from '../../../../common/audit-texts/index';
import { formatDate, formatNumber } from '../../../../common/format';
import { labelOf, type Language, type MessageKey, type Translate } from '../../i18n';
import { OFFICER_FIELD_LABELS } from '../census/labels';
import { KIND_LABELS, STAGE_LABELS } from '../integrity/labels';
import { ROLE_LABELS } from '../users/labels';

interface SaidSummary {
  summary: string;
  summaryKey: string | null;
  summaryParams: AuditTextParams | null;
}

interface CodeParam {
  labels: Record<string, MessageKey>;
  /** The parameter holds several codes joined by ", " (the fields an edit changed). */
  list?: true;
}

/**
 * The parameters of common/audit-texts that carry a code from the data, said by its label. Every
 * other parameter is a count, a date, a value or a name as somebody wrote it, or a file's name.
 */
const CODE_PARAMS: { [K in AuditTextKey]?: Record<string, CodeParam> } = {
  'users.login': { role: { labels: ROLE_LABELS } },
  'users.created': { role: { labels: ROLE_LABELS } },
  'integrity.opdEdited': { jenis: { labels: KIND_LABELS } },
  'integrity.stageFirst': { stage: { labels: STAGE_LABELS } },
  'integrity.stageChanged': { from: { labels: STAGE_LABELS }, stage: { labels: STAGE_LABELS } },
  'census.officerEdited': { fields: { labels: OFFICER_FIELD_LABELS, list: true } },
};

/** A day as the trail keeps it; the screen says it dd/mm/yyyy. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The parameters that hold a setting's value as the trail keeps it, JSON (`"2026-01-05"`, `7`, `null`). */
const SETTING_VALUE_PARAMS: { [K in AuditTextKey]?: string[] } = { 'settings.changed': ['before', 'after'] };

/** A setting's value as the settings screen says it: 05/01/2026, 7, Ya, (kosong); a text as written. */
function settingValue(t: Translate, json: unknown): string {
  let value: unknown;
  try {
    value = JSON.parse(String(json));
  } catch {
    return String(json);
  }
  if (value === null || value === '') return t('settings.valueEmpty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return ISO_DATE.test(value) ? formatDate(value) : value;
  return String(json);
}

function labelled(t: Translate, key: string, params: AuditTextParams): AuditTextParams {
  const values = (Object.hasOwn(SETTING_VALUE_PARAMS, key) && SETTING_VALUE_PARAMS[key as AuditTextKey]) || [];
  const codes: Record<string, CodeParam> = (Object.hasOwn(CODE_PARAMS, key) && CODE_PARAMS[key as AuditTextKey]) || {};
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (values.includes(name)) return [name, settingValue(t, value)];
      if (typeof value === 'string' && ISO_DATE.test(value)) return [name, formatDate(value)];
      if (!Object.hasOwn(codes, name)) return [name, value];
      const { labels, list } = codes[name];
      const said = list ? String(value).split(', ') : [value];
      return [name, said.map((code) => labelOf(t, labels, code)).join(', ')];
    }),
  );
}

/**
 * An entry's summary in the UI's language, its codes (roles, stages …) said by their labels and its days dd/mm/yyyy. The
 * server sends a key only when its English words are the hashed summary; old entries no template
 * reads back (migration 0016) are shown as stored (English).
 */
export function auditSummary(
  row: SaidSummary,
  t: Translate,
  language: Language = i18next.language === 'en' ? 'en' : 'id',
): string {
  if (!row.summaryKey) return row.summary;
  return auditText(language, row.summaryKey, labelled(t, row.summaryKey, row.summaryParams ?? {})) || row.summary;
}
