import { useState } from 'react';
import type { OpInput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { ActionError, useAction } from './action';
import { useOpGuard } from '../../components/op-guard';
import type { OpdDetail } from './OpdView';
import { OPD_KINDS } from '../../../../common/opd-kinds';
import { KIND_LABELS } from './labels';

type Kind = OpInput<'integrity.opd.update'>['jenis'];
const KINDS: readonly Kind[] = OPD_KINDS;

/** Edits an OPD's name, kind and head; sends the version it read so a concurrent edit is refused, not overwritten. */
export function OpdEditForm({ opd, onSaved }: { opd: OpdDetail['opd']; onSaved: () => void }) {
  const t = useT();
  const guard = useOpGuard('integrity.opd.update');
  const [form, setForm] = useState({ nama: opd.nama, jenis: opd.jenis as Kind, kepala: opd.kepala ?? '' });
  const { busy, error, run } = useAction();
  async function save() {
    const out = await run(() =>
      api('integrity.opd.update', {
        kode: opd.kode,
        nama: form.nama,
        jenis: form.jenis,
        kepala: form.kepala || null,
        version: opd.version,
      }),
    );
    if (out) onSaved();
  }
  return (
    <div className="panel zi-form">
      <label>
        {t('integrity.nama')}{' '}
        <input
          aria-label={t('integrity.nama')}
          value={form.nama}
          onChange={(e) => setForm({ ...form, nama: e.target.value })}
        />
      </label>
      <label>
        {t('integrity.jenis')}
        <select
          aria-label={t('integrity.jenis')}
          value={form.jenis}
          onChange={(e) => setForm({ ...form, jenis: e.target.value as Kind })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('integrity.kepala')}{' '}
        <input
          aria-label={t('integrity.kepala')}
          value={form.kepala}
          onChange={(e) => setForm({ ...form, kepala: e.target.value })}
        />
      </label>
      <button
        type="button"
        className="primary"
        {...guard.props}
        disabled={busy || !guard.allowed}
        onClick={() => void save()}
      >
        {t('common.save')}
      </button>
      <ActionError error={error} />
    </div>
  );
}
