import i18next from 'i18next';
import { auditText, type AuditTextParams } from '../../../../common/audit-texts/index';

interface SaidSummary {
  summary: string;
  summaryKey: string | null;
  summaryParams: AuditTextParams | null;
}

/**
 * An entry's summary in the UI's language. The server sends a key only when its English words are the
 * hashed summary; old entries no template reads back (migration 0016) are shown as stored (English).
 */
export function auditSummary(row: SaidSummary): string {
  const language = i18next.language === 'en' ? 'en' : 'id';
  return (row.summaryKey && auditText(language, row.summaryKey, row.summaryParams ?? {})) || row.summary;
}
