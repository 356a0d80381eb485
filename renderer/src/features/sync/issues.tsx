import type { TFunction } from 'i18next';
import { IssueTable } from '../../components/IssueTable';
import { useTranslation } from 'react-i18next';

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

/** Every problem of a package with its line and field, translated. */
export function SyncIssueTable({ issues }: { issues: SyncIssueView[] }) {
  // Looked up by the problem's code: the catalogue (sync.issue.*) is the list of keys here.
  const { t } = useTranslation();
  return <IssueTable issues={issues} describe={(issue) => issueText(t, issue)} />;
}
