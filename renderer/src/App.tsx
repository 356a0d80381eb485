import { useEffect, useState } from 'react';
import { FirstAdminScreen } from './features/users/FirstAdminScreen';
import { LoginScreen } from './features/users/LoginScreen';
import { useIdleLock } from './features/users/useIdleLock';
import { SetupScreen } from './features/setup/SetupScreen';
import { useT } from './i18n';
import { Shell } from './shell/Shell';
import { useOffice } from './store/office';
import { useEndOnRestore, useSession } from './store/session';
import { explain } from './i18n/problems';
import { ErrorLine } from './components/ErrorLine';

function ErrorScreen({ message, retry }: { message: string; retry: () => void }) {
  const t = useT();
  return (
    <main className="setup">
      <div className="setup-card">
        <h1>{t('shell.error')}</h1>
        <ErrorLine message={message} />
        <button type="button" onClick={retry}>
          {t('shell.retry')}
        </button>
      </div>
    </main>
  );
}

/** After login: the regency setup on first run (admin only), then the shell; locks after idle time. */
function LoggedIn() {
  const t = useT();
  const { office, error, load } = useOffice();
  const username = useSession((s) => s.me?.username);
  const isAdmin = useSession((s) => s.me?.role === 'admin');
  useIdleLock();
  useEndOnRestore();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new user means a new load
  useEffect(() => {
    void load();
  }, [load, username]);
  if (error) return <ErrorScreen message={error} retry={() => void load()} />;
  if (office === undefined) return <p className="loading">{t('shell.loading')}</p>;
  if (office === null && !isAdmin) return <ErrorScreen message={t('users.askAdminSetup')} retry={() => void load()} />;
  return office === null ? <SetupScreen /> : <Shell />;
}

/** First run creates the admin, then everyone logs in; what follows depends on the session. */
export function App() {
  const t = useT();
  const { me, needsFirstAdmin, load } = useSession();
  const [error, setError] = useState<string | null>(null);
  const start = () => {
    setError(null);
    load().catch((e: unknown) => setError(explain(e)));
  };
  useEffect(start, [load]);
  if (error) return <ErrorScreen message={error} retry={start} />;
  if (me === undefined) return <p className="loading">{t('shell.loading')}</p>;
  if (me === null) return needsFirstAdmin ? <FirstAdminScreen /> : <LoginScreen />;
  return <LoggedIn />;
}
