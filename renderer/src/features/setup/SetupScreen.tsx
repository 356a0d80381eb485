import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useOffice } from '../../store/office';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';
import { useOpGuard } from '../../components/op-guard';

type Choice = OpOutput<'wilayah.office.searchKabupaten'>[number];

/** First run: pick the office's regency by name, then load its kecamatan and villages. */
export function SetupScreen() {
  const t = useT();
  const guard = useOpGuard('wilayah.office.setup');
  const setOffice = useOffice((s) => s.setOffice);
  const [query, setQuery] = useState('');
  const [choices, setChoices] = useState<Choice[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api('wilayah.office.searchKabupaten', { query, limit: 12 })
      .then((found) => current && setChoices(found))
      .catch((e: unknown) => current && setError(explain(e)));
    return () => {
      current = false;
    };
  }, [query]);

  async function choose(kode: string) {
    setBusy(kode);
    setError(null);
    try {
      const result = await api('wilayah.office.setup', { kabupaten: kode });
      setOffice(result);
    } catch (e) {
      setError(explain(e));
      setBusy(null);
    }
  }

  return (
    <main className="setup">
      <div className="setup-card">
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        <label className="field">
          <span>{t('setup.search')}</span>
          <input
            autoFocus
            type="search"
            value={query}
            placeholder={t('setup.searchPlaceholder')}
            onChange={(e) => setQuery(e.target.value)}
            aria-label={t('setup.search')}
          />
        </label>
        <ErrorLine message={error} />
        <ul className="choice-list" aria-label={t('setup.search')}>
          {choices.map((c) => (
            <li key={c.kode}>
              <button
                type="button"
                {...guard.props}
                disabled={busy !== null || !guard.allowed}
                onClick={() => choose(c.kode)}
              >
                <strong>{c.nama}</strong>
                <span className="muted">
                  {c.kode} · {c.provinsiNama}
                </span>
                <span className="choice-action">{busy === c.kode ? t('setup.working') : t('setup.choose')}</span>
              </button>
            </li>
          ))}
        </ul>
        {choices.length === 0 && query && <p className="muted">{t('setup.noResults')}</p>}
      </div>
    </main>
  );
}
