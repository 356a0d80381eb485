import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDateTimeIn, formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { useOperation } from '../../api/use-operation';
import { explain } from '../../i18n/problems';
import { useOfficeZone } from '../../store/office';
import { type MessageKey, useT } from '../../i18n';
import { ErrorLine } from '../../components/ErrorLine';
import { useOpGuard } from '../../components/op-guard';
import { EmptyHint } from '../../components/EmptyHint';
import { useToImportTab } from './to-import';

type Conflict = OpOutput<'sync.conflictsPage'>['rows'][number];
/** Conflicts shown at once: each is a card a person reads; more are a page on. */
const PAGE = 20;

/** Open conflicts: the stored and the incoming record side by side; a person keeps one. */
export function ConflictList({ refresh, onResolved }: { refresh: number; onResolved(): void }) {
  const t = useT();
  const guard = useOpGuard('sync.resolveConflict');
  const zone = useOfficeZone();
  const toImport = useToImportTab();
  const [offset, setOffset] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  // Live: another clerk's import or resolution changes this list without a reload.
  const page = useOperation(
    'sync.conflictsPage',
    { offset, limit: PAGE, filter: { state: 'open' } },
    { topics: ['sync'] },
  );
  const { reload } = page;
  const conflicts = page.data?.rows ?? [];
  const total = page.data?.total ?? 0;
  useEffect(() => {
    if (refresh) reload();
  }, [refresh, reload]);
  // Resolving the last one of a page moves back a page.
  useEffect(() => {
    if (page.data && !page.data.rows.length && offset > 0) setOffset((o) => Math.max(0, o - PAGE));
  }, [page.data, offset]);

  async function resolve(id: number, choice: 'keep' | 'take') {
    try {
      await api('sync.resolveConflict', { id, choice });
      setFailure(null);
      reload();
      onResolved();
    } catch (e) {
      setFailure(explain(e));
    }
  }

  if (!conflicts.length) {
    const error = failure ?? page.error;
    if (error) return <ErrorLine message={error} />;
    // Still loading, or a page emptied by the last resolution (it moves back a page).
    if (!page.data || total > 0) return null;
    return (
      <div data-testid="sync-no-conflicts">
        <EmptyHint text={t('sync.empty.conflicts')} action={toImport} />
      </div>
    );
  }
  const rows: [MessageKey, (c: Conflict, side: 'stored' | 'incoming') => string][] = [
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
      <ErrorLine message={failure ?? page.error} />
      {total > PAGE && (
        <div className="import-bar" data-testid="sync-conflict-pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('sync.page.previous')}
          </button>
          <span className="muted">
            {t('sync.page.range', {
              from: formatNumber(offset + 1),
              to: formatNumber(Math.min(offset + PAGE, total)),
              total: formatNumber(total),
            })}
          </span>
          <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
            {t('sync.page.next')}
          </button>
        </div>
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
            <button type="button" {...guard.props} disabled={!guard.allowed} onClick={() => void resolve(c.id, 'keep')}>
              {t('sync.keep')}
            </button>
            <button
              type="button"
              className="primary"
              {...guard.props}
              disabled={!guard.allowed}
              onClick={() => void resolve(c.id, 'take')}
            >
              {t('sync.take')}
            </button>
          </div>
        </article>
      ))}
    </div>
  );
}
