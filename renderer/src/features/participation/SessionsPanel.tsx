import { useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate, formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { DateField } from '../../components/DateField';
import { ErrorLine } from '../../components/ErrorLine';
import { useOpGuard } from '../../components/op-guard';

type Session = OpOutput<'participation.sessions'>[number];

/** Logs jemput bola sessions for the chosen village and lists them. */
export function SessionsPanel({
  desa,
  desaNama,
  sessions,
  onChanged,
}: {
  desa: string | null;
  desaNama?: string;
  sessions: Session[];
  onChanged(): void;
}) {
  const t = useT();
  const addGuard = useOpGuard('participation.addSession');
  const deleteGuard = useOpGuard('participation.deleteSession');
  const [form, setForm] = useState({ tanggal: '', tempat: '', petugas: '', kkDibantu: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setForm({ ...form, [key]: e.target.value });

  async function add() {
    if (!desa) return;
    setError(null);
    try {
      await api('participation.addSession', {
        desaKode: desa,
        tanggal: form.tanggal,
        tempat: form.tempat,
        petugas: form.petugas,
        kkDibantu: Number(form.kkDibantu),
      });
      setForm({ tanggal: '', tempat: '', petugas: '', kkDibantu: '' });
      onChanged();
    } catch (e) {
      setError(explain(e));
    }
  }

  return (
    <section className="panel" aria-label={t('participation.sessions')}>
      <div className="panel-bar">
        <h2>
          {t('participation.sessions')}
          {desaNama && ` — ${desaNama}`}
        </h2>
      </div>
      <p className="muted">{desa ? t('participation.sessionsHint') : t('participation.session.pickVillage')}</p>
      <form
        noValidate
        className="session-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label>
          <span>{t('participation.session.tanggal')}</span>
          <DateField
            value={form.tanggal}
            onChange={(value) => setForm({ ...form, tanggal: value })}
            required
            disabled={!desa}
          />
        </label>
        <label>
          <span>{t('participation.session.tempat')}</span>
          <input value={form.tempat} onChange={set('tempat')} required maxLength={120} disabled={!desa} />
        </label>
        <label>
          <span>{t('participation.session.petugas')}</span>
          <input value={form.petugas} onChange={set('petugas')} required maxLength={300} disabled={!desa} />
        </label>
        <label>
          <span>{t('participation.session.kk')}</span>
          <input type="number" min={0} value={form.kkDibantu} onChange={set('kkDibantu')} required disabled={!desa} />
        </label>
        <button type="submit" className="primary" {...addGuard.props} disabled={!desa || !addGuard.allowed}>
          {t('participation.session.add')}
        </button>
      </form>
      <ErrorLine message={error} />
      <ul className="session-list">
        {sessions.map((s) => (
          <li key={s.id}>
            {formatDate(s.tanggal)} · {s.tempat} · {s.petugas} · {formatNumber(s.kkDibantu)} KK{' '}
            <button
              type="button"
              className="link"
              {...deleteGuard.props}
              disabled={!deleteGuard.allowed}
              onClick={() =>
                api('participation.deleteSession', { id: s.id }).then(onChanged, (e: unknown) => setError(explain(e)))
              }
            >
              {t('participation.session.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
