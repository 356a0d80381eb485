import i18next from 'i18next';
import { auditText, type AuditTextKey, type AuditTextParams } from '../../../../common/audit-texts/index';
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

function labelled(t: Translate, key: string, params: AuditTextParams): AuditTextParams {
  const codes: Record<string, CodeParam> = (Object.hasOwn(CODE_PARAMS, key) && CODE_PARAMS[key as AuditTextKey]) || {};
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => {
      if (!Object.hasOwn(codes, name)) return [name, value];
      const { labels, list } = codes[name];
      const said = list ? String(value).split(', ') : [value];
      return [name, said.map((code) => labelOf(t, labels, code)).join(', ')];
    }),
  );
}

/**
 * An entry's summary in the UI's language, its codes (roles, stages …) said by their labels. The
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
