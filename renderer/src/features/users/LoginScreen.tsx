import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useSession } from '../../store/session';
import { SubmitRow } from './SubmitRow';

/** The login form; also the lock screen after idle time (username kept). */
export function LoginScreen() {
  const t = useT();
  const { login, reason, lastUsername, restored } = useSession();
  const [username, setUsername] = useState(lastUsername);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(explain(e));
      setPassword('');
      setBusy(false);
    }
  }

  return (
    <main className="setup">
      <form noValidate className="setup-card auth-card" onSubmit={submit}>
        <h1>{reason === 'idle' ? t('users.lockedTitle') : t('users.loginTitle')}</h1>
        <p className="muted">
          {reason === 'idle'
            ? t('users.lockedText')
            : reason === 'expired'
              ? t('users.expiredText')
              : reason === 'restored'
                ? t('users.restoredText')
                : t('users.loginIntro')}
        </p>
        {reason === 'restored' && restored?.keptAside && (
          <p role="status" className="verify-ok" data-testid="restore-result">
            {t('users.restoredDetail', { backup: restored.backup, keptAside: restored.keptAside })}
          </p>
        )}
        <label className="field">
          <span>{t('users.username')}</span>
          <input
            autoFocus={!username}
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t('users.password')}</span>
          <input
            autoFocus={!!username}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <SubmitRow error={error} busy={busy} label={t('users.auth.login')} />
      </form>
    </main>
  );
}
