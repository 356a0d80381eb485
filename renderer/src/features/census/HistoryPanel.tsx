import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';

type HistoryRow = OpOutput<'census.assignments.history'>[number];

/** Who held an SLS (or what an officer held), from when, until when and why. */
/** `refresh` changes whenever assignments may have changed, so the panel reloads. */
export function HistoryPanel({
  slsId,
  officer,
  refresh,
  onClose,
}: {
  slsId?: string;
  officer?: string;
  refresh?: unknown;
  onClose(): void;
}) {
  const t = useT();
  const [rows, setRows] = useState<HistoryRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the reload signal
  useEffect(() => {
    setRows(null);
    api('census.assignments.history', { slsId, officer }).then(setRows, (e: unknown) => setError(explain(e)));
  }, [slsId, officer, refresh]);
  return (
    <section className="history-panel" aria-label={t('census.history.title', { what: slsId ?? officer })}>
      <div className="panel-bar">
        <h2>{t('census.history.title', { what: slsId ?? officer })}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ErrorLine message={error} />
      {rows && !rows.length && <p className="muted">{t('census.history.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="plain-table history-table">
          <thead>
            <tr>
              <th>{officer ? t('census.col.sls') : t('census.col.ppl')}</th>
              <th>{t('census.history.start')}</th>
              <th>{t('census.history.end')}</th>
              <th>{t('census.history.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className={r.endDate ? 'ended' : 'active'}>
                <td className="who">
                  {officer ? `${r.slsId} · ${r.slsNama} (${r.desaNama})` : `${r.officerCode} · ${r.officerNama}`}
                </td>
                <td data-label={t('census.history.start')}>{formatDate(r.startDate)}</td>
                <td data-label={t('census.history.end')}>
                  {r.endDate ? formatDate(r.endDate) : t('census.history.active')}
                </td>
                <td className="why" data-label={t('census.history.reason')}>
                  {[r.reason, r.endReason && `→ ${r.endReason}`].filter(Boolean).join(' ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
