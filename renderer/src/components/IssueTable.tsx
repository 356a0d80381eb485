import type { ApiErrorIssue } from '../../../electron/api/types';
import { useT } from '../i18n';

/** The problems a rejected file or input had, each with its row/line and column. */
export function IssueTable({ issues }: { issues: ApiErrorIssue[] }) {
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
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
