import { useT } from '../../i18n';
import { ErrorLine } from '../../components/ErrorLine';

/** The end of an account form: the refusal, if any, and the submit button. */
export function SubmitRow({ error, busy, label }: { error: string | null; busy: boolean; label: string }) {
  const t = useT();
  return (
    <>
      <ErrorLine message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('users.working') : label}
      </button>
    </>
  );
}
