import type { ApiErrorIssue } from '../../../electron/api/types';
import { useT } from '../i18n';
import { explain } from '../i18n/problems';

/** The problems a rejected file or input had, each with its row/line and column (`describe` may translate them). */
export function IssueTable<I extends ApiErrorIssue>({
  issues,
  describe: describeIssue = explain,
}: {
  issues: I[];
  describe?: (issue: I) => string;
}) {
  const t = useT();
  if (!issues.length) return null;
  return (
    <section className="issue-table" aria-label={t('common.problems')}>
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
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered
            <tr key={i}>
              <td>{issue.line ?? '—'}</td>
              <td>{issue.field ?? '—'}</td>
              <td>{describeIssue(issue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
