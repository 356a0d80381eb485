import { useEffect, useState } from 'react';
import { formatPercent } from '../../../../common/format';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { useOpGuard } from '../../components/op-guard';

export interface Place {
  kode: string;
  nama: string;
  targetPct: number | null;
  ownTarget: boolean;
}

/** Sets (or clears, to inherit) the SP Online target of the regency, a kecamatan or a village. */
export function TargetForm({ places, initial, onSaved }: { places: Place[]; initial: string; onSaved(): void }) {
  const t = useT();
  const guard = useOpGuard('participation.setTarget');
  const [kode, setKode] = useState(initial);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const place = places.find((p) => p.kode === kode);

  useEffect(() => setKode(initial), [initial]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new place (kode) resets the field
  useEffect(
    () => setValue(place?.targetPct == null ? '' : String(place.targetPct).replace('.', ',')),
    [place?.kode, place?.targetPct],
  );

  async function save(targetPct: number | null) {
    setMessage(null);
    try {
      await api('participation.setTarget', { kode, targetPct });
      setMessage({ ok: true, text: t('participation.targetSaved', { place: place?.nama ?? kode }) });
      onSaved();
    } catch (e) {
      setMessage({ ok: false, text: (e as Error).message });
    }
  }

  const parsed = Number(value.replace(',', '.'));
  const valid = value.trim() !== '' && Number.isFinite(parsed) && parsed >= 0 && parsed <= 100;
  return (
    <form
      noValidate
      className="target-form"
      aria-label={t('participation.target')}
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) void save(parsed);
      }}
    >
      <label>
        <span>{t('participation.targetFor')}</span>
        <select value={kode} onChange={(e) => setKode(e.target.value)}>
          {places.map((p) => (
            <option key={p.kode} value={p.kode}>
              {p.nama} ({p.targetPct == null ? '—' : formatPercent(p.targetPct)}
              {p.targetPct != null && !p.ownTarget ? `, ${t('participation.inherited')}` : ''})
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('participation.targetPct')}</span>
        <input type="text" inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} size={6} />
      </label>
      <button type="submit" className="primary" {...guard.props} disabled={!valid || !guard.allowed}>
        {t('participation.setTarget')}
      </button>
      <button
        type="button"
        className="secondary"
        {...guard.props}
        disabled={!place?.ownTarget || !guard.allowed}
        onClick={() => void save(null)}
      >
        {t('participation.clearTarget')}
      </button>
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'error'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
