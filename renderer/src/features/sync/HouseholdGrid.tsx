import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { useChanges, useOperation } from '../../api/use-operation';
import { useDebounced } from '../../components/use-debounced';
import { BLOCK_ROWS, useServerRows } from '../../components/server-rows';
import { explain } from '../../i18n/problems';
import {
  DataGrid,
  PACKAGE_FILE_SAMPLE,
  codeColumn,
  labelColumn,
  dateTimeColumn,
  idColumn,
  numberColumn,
  serverColumns,
} from '../../components/DataGrid';
import { ExportButtons } from '../../components/ExportButtons';
import { useT } from '../../i18n';
import { HOUSEHOLD_STATUS_LABELS } from './labels';
import { useOfficeZone } from '../../store/office';
import { useRoute } from '../../store/route';
import { ErrorLine } from '../../components/ErrorLine';
import { EmptyHint } from '../../components/EmptyHint';
import { useToSlsImport } from '../census/to-files';
import { useToImportTab } from './to-import';

type SlsRow = OpOutput<'sync.slsPage'>['rows'][number];
type HouseholdRow = OpOutput<'sync.householdsPage'>['rows'][number];

/** SLS on the left (with how many households arrived); the households of the chosen one on the right. */
export function HouseholdGrid({ refresh }: { refresh: number }) {
  const t = useT();
  const zone = useOfficeZone();
  const selected = useRoute((s) => s.params.sls ?? '');
  const setParam = useRoute((s) => s.setParam);
  const [quickFilter, setQuickFilter] = useState('');
  const text = useDebounced(quickFilter.trim(), 300);
  /** How many households the chosen SLS has, once its first block arrived. */
  const [received, setReceived] = useState<{ sls: string; total: number } | null>(null);
  const householdCount = received?.sls === selected ? received.total : 0;
  /** No SLS at all (not just none matching the search): the master is still to be imported. */
  const [noSls, setNoSls] = useState(false);
  const toSlsImport = useToSlsImport();
  const toImport = useToImportTab();
  const [failure, setFailure] = useState<string | null>(null);
  const slsGrid = useRef<GridApi<SlsRow> | null>(null);
  // The chosen SLS's name for the heading, by its id (the URL keeps only the id, e.g. after a reload).
  const chosen = useOperation('sync.slsPage', selected ? { offset: 0, limit: 1, filter: { text: selected } } : null);
  const chosenName = chosen.data?.rows[0]?.slsId === selected ? chosen.data.rows[0].nama : null;
  const arrivedWith = useRef(selected);

  // Both lists come a block at a time from the server (11,000 SLS, a million households).
  const slsSource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        // The SLS the screen arrived with (e.g. from the progress drill-down): scroll the list to it.
        const position = arrivedWith.current || undefined;
        arrivedWith.current = '';
        const filter = { text: text || undefined };
        const limit = params.endRow - params.startRow;
        api('sync.slsPage', { offset: params.startRow, limit, filter, position }).then(
          (page) => {
            params.successCallback(page.rows, page.total);
            if (params.startRow === 0) setNoSls(page.total === 0 && !filter.text);
            if (page.position !== null && page.position >= params.endRow)
              slsGrid.current?.ensureIndexVisible(page.position, 'middle');
          },
          (e: unknown) => {
            setFailure(explain(e));
            params.failCallback();
          },
        );
      },
    }),
    [text],
  );
  const householdRows = useServerRows<HouseholdRow>(
    selected,
    async (offset, limit) => {
      const page = selected
        ? await api('sync.householdsPage', { slsId: selected, offset, limit })
        : { rows: [], total: 0 };
      if (offset === 0) setReceived({ sls: selected, total: page.total });
      return page;
    },
    (e) => setFailure(explain(e)),
  );
  const reload = () => {
    slsGrid.current?.refreshInfiniteCache();
    householdRows.refresh();
  };
  // Another clerk's import or resolution shows here without a reload; so does this screen's own.
  useChanges(['sync'], reload);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `refresh` is the trigger
  useEffect(reload, [refresh]);
  // The chosen SLS is highlighted (rowClassRules reads `selected`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `selected` is the trigger
  useEffect(() => slsGrid.current?.redrawRows(), [selected]);

  const slsColumns = useMemo<ColDef<SlsRow>[]>(
    () => [
      idColumn<SlsRow>('slsId', 'SLS'),
      { field: 'nama', headerName: t('wilayah.nama'), flex: 1, minWidth: 120 },
      numberColumn('households', t('sync.tab.households'), { width: 110 }),
    ],
    [t],
  );
  const householdColumns = useMemo<ColDef<HouseholdRow>[]>(
    () => [
      idColumn<HouseholdRow>('householdId', t('sync.household'), { width: 230 }),
      labelColumn('status', t('sync.status'), t, HOUSEHOLD_STATUS_LABELS),
      numberColumn('members', t('sync.field.members'), { width: 95 }),
      numberColumn('male', t('sync.field.male'), { width: 95 }),
      numberColumn('female', t('sync.field.female'), { width: 105 }),
      // In the office's zone, named (WIB/WITA/WIT), whatever offset the tablet wrote.
      dateTimeColumn('visitedAt', t('sync.field.visitedAt'), zone),
      numberColumn('revision', t('sync.revision'), { width: 85 }),
      codeColumn('officerCode', t('sync.officer'), 'PML-3316-0000'),
      {
        field: 'flagged',
        headerName: t('sync.flagged'),
        headerTooltip: t('sync.flaggedExplained'),
        width: 120,
        valueFormatter: (p) => (p.value ? t('sync.yes') : ''),
      },
      codeColumn('fileName', t('sync.field.package'), PACKAGE_FILE_SAMPLE, {
        flex: 1,
        valueGetter: (p) => p.data?.fileName ?? p.data?.packageId,
      }),
    ],
    [t, zone],
  );

  const slsServerColumns = useMemo(() => serverColumns(slsColumns), [slsColumns]);
  const householdServerColumns = useMemo(() => serverColumns(householdColumns), [householdColumns]);
  return (
    <div className="split wide-grids">
      <div className="panel">
        <div className="panel-bar">
          <h2>{t('sync.pickSls')}</h2>
          <input
            className="quick-filter"
            aria-label={t('sync.slsSearch')}
            placeholder={t('sync.slsSearch')}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.target.value)}
          />
        </div>
        {noSls && <EmptyHint text={t('sync.empty.slsList')} action={toSlsImport} />}
        <DataGrid<SlsRow>
          testId="sync-sls"
          rowModelType="infinite"
          datasource={slsSource}
          cacheBlockSize={BLOCK_ROWS}
          maxBlocksInCache={20}
          columnDefs={slsServerColumns}
          getRowId={(p) => p.data.slsId}
          rowClassRules={{ 'row-selected': (p) => p.data?.slsId === selected }}
          onRowClicked={(e) => e.data && setParam('sls', e.data.slsId)}
          onGridReady={(e) => {
            slsGrid.current = e.api;
          }}
        />
      </div>
      <div className="panel">
        <div className="panel-bar">
          <h2>
            {selected ? [chosenName, selected].filter(Boolean).join(' · ') : t('sync.pickSls')}{' '}
            {selected && <span className="muted">· {t('sync.households', { n: formatNumber(householdCount) })}</span>}
          </h2>
          {/* Exports what this panel shows: the chosen SLS's households (all of the regency's when none is chosen). */}
          <ExportButtons
            label={selected ? t('sync.exportSls') : t('sync.exportAll')}
            make={(format, onProgress) =>
              api('sync.exportHouseholds', { format, ...(selected ? { slsId: selected } : {}) }, { onProgress })
            }
          />
        </div>
        <ErrorLine message={failure} />
        {selected && received?.sls === selected && received.total === 0 && (
          <EmptyHint text={t('sync.empty.households')} action={toImport} />
        )}
        <DataGrid<HouseholdRow>
          testId="sync-households"
          {...householdRows.gridProps}
          columnDefs={householdServerColumns}
          getRowId={(p) => p.data.householdId}
        />
      </div>
    </div>
  );
}
