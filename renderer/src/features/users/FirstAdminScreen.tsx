import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useSession } from '../../store/session';
import { SubmitRow } from './SubmitRow';

/** First run, before the regency is chosen: the person installing Pendopo creates the admin account. */
export function FirstAdminScreen() {
  const t = useT();
  const setupAdmin = useSession((s) => s.setupAdmin);
  const [form, setForm] = useState({ username: '', displayName: '', password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (form.password !== form.repeat) {
      setError(t('users.passwordsDiffer'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setupAdmin({
        username: form.username.trim(),
        displayName: form.displayName.trim(),
        password: form.password,
      });
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  }

  return (
    <main className="setup">
      <form noValidate className="setup-card auth-card" onSubmit={submit}>
        <h1>{t('users.firstTitle')}</h1>
        <p className="muted">{t('users.firstIntro')}</p>
        <label className="field">
          <span>{t('users.displayName')}</span>
          <input autoFocus required {...field('displayName')} />
        </label>
        <label className="field">
          <span>{t('users.username')}</span>
          <input required autoComplete="username" {...field('username')} />
        </label>
        <label className="field">
          <span>{t('users.password')}</span>
          <input required type="password" autoComplete="new-password" minLength={8} {...field('password')} />
        </label>
        <label className="field">
          <span>{t('users.repeatPassword')}</span>
          <input required type="password" autoComplete="new-password" minLength={8} {...field('repeat')} />
        </label>
        <SubmitRow error={error} busy={busy} label={t('users.createAdmin')} />
      </form>
    </main>
  );
}
