import { explain } from '../../i18n/problems';
import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpOutput } from '../../../../electron/api/types';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { fileToSource } from '../../components/files';
import { useT } from '../../i18n';
import { today } from '../../../../common/dates';
import { ActionError, useAction } from './action';
import type { OpdDetail } from './OpdView';
import { DateField } from '../../components/DateField';
import { useOpGuard } from '../../components/op-guard';

type StageName = OpInput<'integrity.stage.advance'>['stage'];
type Requirements = OpOutput<'integrity.requirements.get'>;
const STAGES: StageName[] = [
  'pencanangan',
  'pembangunan',
  'penilaian_internal',
  'pengusulan',
  'evaluasi_tpn',
  'ditetapkan',
  'perbaikan',
];
const OPINIONS = ['WTP', 'WDP', 'TW', 'TMP'] as const;
const GRADES = ['AA', 'A', 'BB', 'B', 'CC', 'C', 'D'] as const;

/** The OPD's road to WBK/WBBM: history, the proposal requirements, and the form for the next step. */
export function StagesPanel({ detail, onChanged }: { detail: OpdDetail; onChanged: () => void }) {
  const t = useT();
  const advanceGuard = useOpGuard('integrity.stage.advance');
  const requirementsGuard = useOpGuard('integrity.requirements.set');
  const kode = detail.opd.kode;
  const { stages } = detail;
  const [form, setForm] = useState({
    stage: stages.next[0] as StageName,
    date: today(),
    note: '',
    tpiScore: '',
    predicate: 'WBK' as 'WBK' | 'WBBM',
    decreeNumber: '',
    decreeDate: '',
  });
  const [documents, setDocuments] = useState<File[]>([]);
  const { busy, error, run } = useAction();
  const year = Number(form.date.slice(0, 4)) || new Date().getFullYear();
  const [req, setReq] = useState<Requirements | null>(null);
  const req$ = useAction();
  const loadReq = useCallback(
    () => void req$.run(async () => setReq(await api('integrity.requirements.get', { opd: kode, year }))),
    [kode, year, req$.run],
  );
  useEffect(loadReq, [loadReq]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });

  async function save() {
    const out = await run(async () =>
      api('integrity.stage.advance', {
        opd: kode,
        stage: form.stage,
        date: form.date,
        note: form.note,
        tpiScore: form.tpiScore === '' ? null : Number(form.tpiScore.replace(',', '.')),
        predicate: form.stage === 'ditetapkan' ? form.predicate : null,
        decreeNumber: form.decreeNumber || null,
        decreeDate: form.decreeDate || null,
        documents: await Promise.all(documents.map(fileToSource)),
      }),
    );
    if (out) onChanged();
  }

  async function saveReq(auditOpinion: string, sakipGrade: string) {
    if (!req) return;
    const out = await req$.run(() =>
      api('integrity.requirements.set', {
        opd: kode,
        year,
        auditOpinion: (auditOpinion || null) as Requirements['auditOpinion'],
        sakipGrade: (sakipGrade || null) as Requirements['sakipGrade'],
        version: req.version,
      }),
    );
    if (out) setReq(out);
  }

  return (
    <div className="zi-columns">
      <div className="panel">
        <h2>{t('integrity.section.stages')}</h2>
        <ol className="zi-timeline" data-testid="zi-timeline">
          {stages.history.map((s) => (
            <li key={s.id}>
              <strong>{t(`integrity.stage.${s.stage}`)}</strong> · {formatDate(s.date)}
              {s.tpiScore != null && ` · ${t('integrity.tpiScore')} ${s.tpiScore}`}
              {s.predicate &&
                ` · ${s.predicate} · ${t('integrity.decreeNumber')} ${s.decreeNumber} (${formatDate(s.decreeDate)})`}
              {s.note && <div className="muted">{s.note}</div>}
              {s.documents.map((d) => (
                <div key={d.id} className="muted">
                  📎 {d.name}
                </div>
              ))}
            </li>
          ))}
        </ol>
        <p className="muted">
          {t('integrity.nextAllowed', { stages: stages.next.map((s) => t(`integrity.stage.${s}`)).join(', ') })}
        </p>
      </div>
      <div className="panel">
        <h2>{t('integrity.nextStage')}</h2>
        <div className="zi-form">
          <label>
            {t('integrity.nextStage')}
            <select aria-label={t('integrity.nextStage')} value={form.stage} onChange={set('stage')}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`integrity.stage.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('integrity.date')}{' '}
            <DateField
              aria-label={t('integrity.date')}
              value={form.date}
              onChange={(value) => setForm({ ...form, date: value })}
            />
          </label>
          <label>
            {t('integrity.note')} <input aria-label={t('integrity.note')} value={form.note} onChange={set('note')} />
          </label>
          {form.stage === 'penilaian_internal' && (
            <label>
              {t('integrity.tpiScore')}{' '}
              <input
                inputMode="decimal"
                aria-label={t('integrity.tpiScore')}
                value={form.tpiScore}
                onChange={set('tpiScore')}
              />
            </label>
          )}
          {form.stage === 'ditetapkan' && (
            <>
              <label>
                {t('integrity.predicate')}
                <select aria-label={t('integrity.predicate')} value={form.predicate} onChange={set('predicate')}>
                  <option>WBK</option>
                  <option>WBBM</option>
                </select>
              </label>
              <label>
                {t('integrity.decreeNumber')}{' '}
                <input
                  aria-label={t('integrity.decreeNumber')}
                  value={form.decreeNumber}
                  onChange={set('decreeNumber')}
                />
              </label>
              <label>
                {t('integrity.decreeDate')}{' '}
                <DateField
                  aria-label={t('integrity.decreeDate')}
                  value={form.decreeDate}
                  onChange={(value) => setForm({ ...form, decreeDate: value })}
                />
              </label>
            </>
          )}
          <label>
            {t('integrity.documents')}{' '}
            <input
              type="file"
              multiple
              aria-label={t('integrity.documents')}
              {...advanceGuard.props}
              disabled={!advanceGuard.allowed}
              onChange={(e) => setDocuments([...(e.target.files ?? [])])}
            />
          </label>
          <button
            type="button"
            className="primary"
            {...advanceGuard.props}
            disabled={busy || !advanceGuard.allowed}
            onClick={() => void save()}
          >
            {t('integrity.saveStage')}
          </button>
        </div>
        <ActionError error={error} />
        <h2>{t('integrity.requirements', { year })}</h2>
        {req && (
          <div className="zi-form">
            <label>
              {t('integrity.auditOpinion')}
              <select
                aria-label={t('integrity.auditOpinion')}
                value={req.auditOpinion ?? ''}
                {...requirementsGuard.props}
                disabled={!requirementsGuard.allowed}
                onChange={(e) => void saveReq(e.target.value, req.sakipGrade ?? '')}
              >
                <option value="">—</option>
                {OPINIONS.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            </label>
            <label>
              {t('integrity.sakip')}
              <select
                aria-label={t('integrity.sakip')}
                value={req.sakipGrade ?? ''}
                {...requirementsGuard.props}
                disabled={!requirementsGuard.allowed}
                onChange={(e) => void saveReq(req.auditOpinion ?? '', e.target.value)}
              >
                <option value="">—</option>
                {GRADES.map((g) => (
                  <option key={g}>{g}</option>
                ))}
              </select>
            </label>
            <p className={req.met ? 'zi-ok' : 'muted'} data-testid="zi-requirements">
              {req.met
                ? t('integrity.reqMet')
                : t('integrity.reqNotMet', { problems: req.issues.map((issue) => explain(issue)).join(' ') })}
            </p>
          </div>
        )}
        <ActionError error={req$.error} />
      </div>
    </div>
  );
}
