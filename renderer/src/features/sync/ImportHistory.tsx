import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpInput, OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { useChanges } from '../../api/use-operation';
import { useDebounced } from '../../components/use-debounced';
import { useServerRows } from '../../components/server-rows';
import { explain } from '../../i18n/problems';
import {
  DataGrid,
  PACKAGE_FILE_SAMPLE,
  codeColumn,
  labelColumn,
  dateTimeColumn,
  numberColumn,
  serverColumns,
} from '../../components/DataGrid';
import { EmptyHint } from '../../components/EmptyHint';
import { useToImportTab } from './to-import';
import { useOfficeZone } from '../../store/office';
import { useT } from '../../i18n';
import { IMPORT_STATUS_LABELS } from './labels';
import { SyncIssueTable } from './issues';
import { DateField } from '../../components/DateField';
import { ErrorLine } from '../../components/ErrorLine';

type ImportRow = OpOutput<'sync.importsPage'>['rows'][number];
type Errors = OpOutput<'sync.importErrors'>;
type Filter = NonNullable<OpInput<'sync.importsPage'>['filter']>;

/** Every import, accepted or not, filterable; a rejected package's problems in full below. */
export function ImportHistory({ refresh }: { refresh: number }) {
  const t = useT();
  const zone = useOfficeZone();
  const [filter, setFilter] = useState<Filter>({});
  const [errors, setErrors] = useState<Errors | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  /** Nothing imported at all (not just nothing matching the filter). */
  const [none, setNone] = useState(false);
  const toImport = useToImportTab();
  const typed = useDebounced(filter, 300);
  // The history grows with every package offered: the grid reads it a block at a time, newest first.
  const history = useServerRows<ImportRow>(
    JSON.stringify(typed),
    async (offset, limit) => {
      const page = await api('sync.importsPage', { offset, limit, filter: typed });
      setNone(page.total === 0 && Object.values(typed).every((v) => !v));
      return page;
    },
    (e) => setFailure(explain(e)),
  );
  const reload = history.refresh;
  // Live: another clerk's import shows up here without a reload.
  useChanges(['sync'], reload);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the trigger
  useEffect(reload, [refresh]);

  const set = (key: keyof Filter, value: string) => setFilter((f) => ({ ...f, [key]: value || undefined }));
  const columns = useMemo<ColDef<ImportRow>[]>(
    () =>
      serverColumns<ImportRow>([
        dateTimeColumn('importedAt', t('sync.importedAt'), zone),
        codeColumn('fileName', t('sync.file'), PACKAGE_FILE_SAMPLE, { flex: 1 }),
        labelColumn('status', t('sync.status'), t, IMPORT_STATUS_LABELS),
        codeColumn('officerCode', t('sync.officer'), 'PML-3316-0000'),
        numberColumn('newCount', t('sync.count.new'), { width: 85 }),
        numberColumn('updatedCount', t('sync.count.updated'), { width: 100 }),
        numberColumn('unchangedCount', t('sync.count.unchanged'), { width: 85 }),
        numberColumn('staleCount', t('sync.count.stale'), { width: 80 }),
        numberColumn('conflictCount', t('sync.count.conflict'), { width: 85 }),
        numberColumn('flaggedCount', t('sync.count.flagged'), { width: 90, headerTooltip: t('sync.flaggedExplained') }),
        numberColumn('errorCount', t('sync.errors'), { width: 90 }),
        codeColumn('packageId', t('sync.packageId'), '00000000-0000-0000-0000-000000000000'),
      ]),
    [t, zone],
  );

  return (
    <div className="sync-history">
      <div className="sync-filters">
        <label>
          {t('sync.filter.status')}
          <select
            aria-label={t('sync.filter.status')}
            value={filter.status ?? ''}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {(['imported', 'rejected', 'duplicate'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`sync.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sync.filter.officer')}
          <input
            aria-label={t('sync.filter.officer')}
            value={filter.officer ?? ''}
            onChange={(e) => set('officer', e.target.value.toUpperCase())}
          />
        </label>
        <label>
          {t('sync.filter.from')}
          <DateField
            aria-label={t('sync.filter.from')}
            value={filter.from ?? ''}
            onChange={(value) => set('from', value)}
          />
        </label>
        <label>
          {t('sync.filter.to')}
          <DateField aria-label={t('sync.filter.to')} value={filter.to ?? ''} onChange={(value) => set('to', value)} />
        </label>
        <label>
          {t('sync.filter.search')}
          <input
            aria-label={t('sync.filter.search')}
            value={filter.search ?? ''}
            onChange={(e) => set('search', e.target.value)}
          />
        </label>
      </div>
      <ErrorLine message={failure} />
      {none && <EmptyHint text={t('sync.empty.history')} action={toImport} />}
      <DataGrid<ImportRow>
        testId="sync-history"
        height={320}
        {...history.gridProps}
        columnDefs={columns}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        onRowClicked={(e) =>
          e.data &&
          api('sync.importErrors', { importId: e.data.id }).then(setErrors, (err: unknown) => setFailure(explain(err)))
        }
      />
      {errors && errors.errors.length > 0 && (
        <div className="import-result rejected" data-testid="sync-import-errors">
          <strong>{t('sync.errorsOf', { file: errors.import.fileName })}</strong>
          <SyncIssueTable issues={errors.errors} />
        </div>
      )}
    </div>
  );
}
