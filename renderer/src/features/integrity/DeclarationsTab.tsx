import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { fileToSource, saveExportedFile } from '../../components/files';
import { useT } from '../../i18n';
import { today } from '../../../../common/dates';
import { ActionError, useAction } from './action';
import { DateField } from '../../components/DateField';
import { useOpGuard } from '../../components/op-guard';

type Declaration = OpOutput<'integrity.declaration.list'>[number];
type Opd = OpOutput<'integrity.opd.list'>[number];

/** Pencanangan ceremonies: the form (date, place, OPD, witnesses, signed document) and the list. */
export function DeclarationsTab() {
  const t = useT();
  const createGuard = useOpGuard('integrity.declaration.create');
  const [events, setEvents] = useState<Declaration[]>([]);
  const [opd, setOpd] = useState<Opd[]>([]);
  const [date, setDate] = useState(today());
  const [place, setPlace] = useState('');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [witnesses, setWitnesses] = useState([{ nama: '', jabatan: 'Bupati' }]);
  const [document, setDocument] = useState<File | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const load = useCallback(
    () =>
      void run(async () => {
        setEvents(await api('integrity.declaration.list', {}));
        setOpd((await api('integrity.opd.list', {})).sort((a, b) => a.kode.localeCompare(b.kode)));
      }),
    [run],
  );
  useEffect(load, [load]);

  const toggle = (kode: string) => {
    const next = new Set(chosen);
    if (next.has(kode)) next.delete(kode);
    else next.add(kode);
    setChosen(next);
  };
  const setWitness = (i: number, key: 'nama' | 'jabatan', value: string) =>
    setWitnesses(witnesses.map((w, j) => (j === i ? { ...w, [key]: value } : w)));

  async function save() {
    const out = await run(async () =>
      api('integrity.declaration.create', {
        date,
        place,
        opd: [...chosen],
        witnesses: witnesses.filter((w) => w.nama.trim()),
        document: document ? await fileToSource(document) : undefined,
      }),
    );
    if (out) {
      setSaved(t('integrity.decl.saved', out));
      setChosen(new Set());
      load();
    }
  }

  return (
    <div className="zi-columns">
      <div className="panel">
        <h2>{t('integrity.decl.new')}</h2>
        <div className="zi-form">
          <label>
            {t('integrity.date')} <DateField aria-label={t('integrity.date')} value={date} onChange={setDate} />
          </label>
          <label>
            {t('integrity.decl.place')}{' '}
            <input aria-label={t('integrity.decl.place')} value={place} onChange={(e) => setPlace(e.target.value)} />
          </label>
          <fieldset className="zi-checklist">
            <legend>{t('integrity.decl.opd')}</legend>
            {opd.map((o) => (
              <label key={o.kode}>
                <input type="checkbox" checked={chosen.has(o.kode)} onChange={() => toggle(o.kode)} /> {o.kode} {o.nama}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('integrity.decl.witnesses')}</legend>
            {witnesses.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: witnesses are only appended; the position is their identity
              <div key={i} className="zi-witness">
                <input
                  aria-label={`${t('integrity.decl.witnessName')} ${i + 1}`}
                  placeholder={t('integrity.decl.witnessName')}
                  value={w.nama}
                  onChange={(e) => setWitness(i, 'nama', e.target.value)}
                />
                <input
                  aria-label={`${t('integrity.decl.witnessOffice')} ${i + 1}`}
                  placeholder={t('integrity.decl.witnessOffice')}
                  value={w.jabatan}
                  onChange={(e) => setWitness(i, 'jabatan', e.target.value)}
                />
              </div>
            ))}
            <button
              type="button"
              className="link"
              onClick={() => setWitnesses([...witnesses, { nama: '', jabatan: '' }])}
            >
              + {t('integrity.decl.addWitness')}
            </button>
          </fieldset>
          <label>
            {t('integrity.decl.document')}{' '}
            <input
              type="file"
              aria-label={t('integrity.decl.document')}
              accept=".pdf,.png,.jpg,.jpeg"
              {...createGuard.props}
              disabled={!createGuard.allowed}
              onChange={(e) => setDocument(e.target.files?.[0] ?? null)}
            />
          </label>
          <button
            type="button"
            className="primary"
            {...createGuard.props}
            disabled={busy || !createGuard.allowed}
            onClick={() => void save()}
          >
            {t('integrity.decl.save')}
          </button>
          {saved && <p role="status">{saved}</p>}
          <ActionError error={error} />
        </div>
      </div>
      <div className="panel">
        <h2>{t('integrity.decl.list')}</h2>
        {!events.length && <p className="muted">{t('integrity.decl.none')}</p>}
        <ol className="zi-timeline" data-testid="zi-declarations">
          {events.map((e) => (
            <li key={e.id}>
              <strong>
                #{e.id} · {formatDate(e.date)} · {e.place}
              </strong>
              <div>{e.opd.join(', ')}</div>
              <div className="muted">{e.witnesses.map((w) => `${w.nama} (${w.jabatan})`).join(' · ')}</div>
              {e.document && (
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    void run(async () => saveExportedFile(await api('integrity.file.open', { fileId: e.document!.id })))
                  }
                >
                  {t('integrity.decl.openDocument')}: {e.document.name}
                </button>
              )}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
