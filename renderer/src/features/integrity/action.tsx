import { useCallback, useState } from 'react';
import { ApiCallError } from '../../api/client';
import { IssueTable } from '../../components/IssueTable';
import { explain } from '../../i18n/problems';

/** Runs one user action against the API, keeping its busy flag and the error (with issues) to show. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      setError(e as Error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}

export function ActionError({ error }: { error: Error | null }) {
  if (!error) return null;
  return (
    <div className="error zi-error" role="alert">
      {explain(error)}
      {error instanceof ApiCallError && error.issues.length > 1 && <IssueTable issues={error.issues} />}
    </div>
  );
}
