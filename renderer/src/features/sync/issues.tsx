import type { TFunction } from 'i18next';
import { useT } from '../../i18n';

export interface SyncIssueView {
  line: number | null;
  field: string | null;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/** A package problem in the reader's language (the backend's English message when no translation exists). */
export function issueText(t: TFunction, issue: SyncIssueView): string {
  return t(`sync.issue.${issue.code}`, { ...issue.params, defaultValue: issue.message });
}

/** Every problem of a package with its line and field. */
export function SyncIssueTable({ issues }: { issues: SyncIssueView[] }) {
  const t = useT();
  if (!issues.length) return null;
  return (
    <div className="issue-table" role="region" aria-label={t('common.problems')}>
      <table>
        <thead>
          <tr>
            <th>{t('common.row')}</th>
            <th>{t('common.column')}</th>
            <th>{t('common.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, i) => (
            <tr key={i}>
              <td>{issue.line ?? '—'}</td>
              <td>{issue.field ?? '—'}</td>
              <td>{issueText(t, issue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
