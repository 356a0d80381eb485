import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDateTimeIn, formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { useOfficeZone } from '../../store/office';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';

type Conflict = OpOutput<'sync.conflicts'>[number];

/** Open conflicts: the stored and the incoming record side by side; a person keeps one. */
export function ConflictList({ refresh, onResolved }: { refresh: number; onResolved(): void }) {
  const t = useT();
  const zone = useOfficeZone();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const load = () =>
    api('sync.conflicts', { state: 'open' }).then(setConflicts, (e: unknown) => setFailure(explain(e)));
  useEffect(() => {
    void load();
  }, [refresh]);

  async function resolve(id: number, choice: 'keep' | 'take') {
    try {
      await api('sync.resolveConflict', { id, choice });
      await load();
      onResolved();
    } catch (e) {
      setFailure(explain(e));
    }
  }

  if (!conflicts.length)
    return (
      <p className="muted" data-testid="sync-no-conflicts">
        {failure ?? t('sync.noConflicts')}
      </p>
    );
  const rows: [string, (c: Conflict, side: 'stored' | 'incoming') => string][] = [
    ['sync.field.status', (c, s) => t(`sync.hh.${s === 'stored' ? c.storedStatus : c.incomingStatus}`)],
    ['sync.field.members', (c, s) => formatNumber(s === 'stored' ? c.storedMembers : c.incomingMembers)],
    ['sync.field.male', (c, s) => formatNumber(s === 'stored' ? c.storedMale : c.incomingMale)],
    ['sync.field.female', (c, s) => formatNumber(s === 'stored' ? c.storedFemale : c.incomingFemale)],
    [
      'sync.field.visitedAt',
      (c, s) => formatDateTimeIn(s === 'stored' ? c.storedVisitedAt : c.incomingVisitedAt, zone),
    ],
    ['sync.officer', (c, s) => (s === 'stored' ? c.storedOfficerCode : c.incomingOfficerCode)],
    ['sync.field.package', (c, s) => (s === 'stored' ? c.storedPackageId : c.incomingPackageId)],
  ];
  return (
    <div className="sync-conflicts">
      <p className="muted">{t('sync.conflictHint')}</p>
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {conflicts.map((c) => (
        <article key={c.id} className="panel sync-conflict" data-testid="sync-conflict" aria-label={c.householdId}>
          <h3>
            {t('sync.household')} {c.householdId} · {t('sync.revision')} {c.revision}
          </h3>
          <table>
            <thead>
              <tr>
                <th />
                <th>{t('sync.stored')}</th>
                <th>{t('sync.incoming')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, value]) => {
                const stored = value(c, 'stored');
                const incoming = value(c, 'incoming');
                return (
                  <tr key={label} className={stored !== incoming ? 'differs' : undefined}>
                    <th>{t(label)}</th>
                    <td>{stored}</td>
                    <td>{incoming}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="import-bar">
            <button type="button" onClick={() => void resolve(c.id, 'keep')}>
              {t('sync.keep')}
            </button>
            <button type="button" className="primary" onClick={() => void resolve(c.id, 'take')}>
              {t('sync.take')}
            </button>
          </div>
        </article>
      ))}
    </div>
  );
}
