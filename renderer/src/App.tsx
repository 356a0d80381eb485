import { useEffect } from 'react';
import { SetupScreen } from './features/setup/SetupScreen';
import { useT } from './i18n';
import { Shell } from './shell/Shell';
import { useOffice } from './store/office';

export function App() {
  const t = useT();
  const { office, error, load } = useOffice();
  useEffect(() => {
    void load();
  }, [load]);
  if (error)
    return (
      <main className="setup">
        <div className="setup-card">
          <h1>{t('shell.error')}</h1>
          <p className="error" role="alert">{error}</p>
          <button type="button" onClick={() => void load()}>{t('shell.retry')}</button>
        </div>
      </main>
    );
  if (office === undefined) return <p className="loading">{t('shell.loading')}</p>;
  return office === null ? <SetupScreen /> : <Shell />;
}
