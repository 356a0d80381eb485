import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDateTimeIn, formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, numberColumn } from '../../components/DataGrid';
import { ExportButtons } from '../../components/ExportButtons';
import { useT } from '../../i18n';
import { useOfficeZone } from '../../store/office';
import { useRoute } from '../../store/route';
import { explain } from '../../i18n/problems';

type SlsRow = OpOutput<'sync.sls'>[number];
type HouseholdRow = OpOutput<'sync.households'>[number];

/** SLS on the left (with how many households arrived); the households of the chosen one on the right. */
export function HouseholdGrid({ refresh }: { refresh: number }) {
  const t = useT();
  const zone = useOfficeZone();
  const selected = useRoute((s) => s.params.sls ?? '');
  const setParam = useRoute((s) => s.setParam);
  const [sls, setSls] = useState<SlsRow[]>([]);
  const [households, setHouseholds] = useState<HouseholdRow[]>([]);
  const [quickFilter, setQuickFilter] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api('sync.sls', {}).then(setSls, (e: unknown) => setFailure(explain(e)));
  }, [refresh]);
  useEffect(() => {
    if (selected)
      api('sync.households', { slsId: selected }).then(setHouseholds, (e: unknown) => setFailure(explain(e)));
    else setHouseholds([]);
  }, [selected, refresh]);

  const slsColumns = useMemo<ColDef<SlsRow>[]>(
    () => [
      { field: 'slsId', headerName: 'SLS', width: 165 },
      { field: 'nama', headerName: t('wilayah.nama'), flex: 1, minWidth: 120 },
      numberColumn('households', t('sync.tab.households'), { width: 110 }),
    ],
    [t],
  );
  const householdColumns = useMemo<ColDef<HouseholdRow>[]>(
    () => [
      { field: 'householdId', headerName: t('sync.household'), width: 200 },
      {
        field: 'status',
        headerName: t('sync.status'),
        width: 170,
        valueFormatter: (p) => t(`sync.hh.${p.value as string}`),
      },
      numberColumn('members', t('sync.field.members'), { width: 95 }),
      numberColumn('male', t('sync.field.male'), { width: 95 }),
      numberColumn('female', t('sync.field.female'), { width: 105 }),
      // In the office's zone, named (WIB/WITA/WIT), whatever offset the tablet wrote.
      {
        field: 'visitedAt',
        headerName: t('sync.field.visitedAt'),
        width: 170,
        valueFormatter: (p) => formatDateTimeIn(p.value as string, zone),
      },
      numberColumn('revision', t('sync.revision'), { width: 85 }),
      { field: 'officerCode', headerName: t('sync.officer'), width: 140 },
      {
        field: 'flagged',
        headerName: t('sync.flagged'),
        width: 120,
        valueFormatter: (p) => (p.value ? t('sync.yes') : ''),
      },
      {
        field: 'fileName',
        headerName: t('sync.field.package'),
        flex: 1,
        minWidth: 200,
        valueGetter: (p) => p.data?.fileName ?? p.data?.packageId,
      },
    ],
    [t, zone],
  );

  return (
    <div className="split">
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
        <DataGrid<SlsRow>
          testId="sync-sls"
          rowData={sls}
          columnDefs={slsColumns}
          quickFilterText={quickFilter}
          getRowId={(p) => p.data.slsId}
          rowClassRules={{ 'row-selected': (p) => p.data?.slsId === selected }}
          onRowClicked={(e) => e.data && setParam('sls', e.data.slsId)}
          // Arriving with an SLS already chosen (e.g. from the progress drill-down): scroll the list to
          // it once the grid has laid out the rows it was given.
          onFirstDataRendered={(e) => {
            const node = selected ? e.api.getRowNode(selected) : undefined;
            if (node) e.api.ensureNodeVisible(node, 'middle');
          }}
        />
      </div>
      <div className="panel">
        <div className="panel-bar">
          <h2>
            {selected || t('sync.pickSls')}{' '}
            {selected && (
              <span className="muted">· {t('sync.households', { n: formatNumber(households.length) })}</span>
            )}
          </h2>
          {/* Exports what this panel shows: the chosen SLS's households (all of the regency's when none is chosen). */}
          <ExportButtons
            label={selected ? t('sync.exportSls') : t('sync.exportAll')}
            make={(format, onProgress) =>
              api('sync.exportHouseholds', { format, ...(selected ? { slsId: selected } : {}) }, { onProgress })
            }
          />
        </div>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <DataGrid<HouseholdRow>
          testId="sync-households"
          rowData={households}
          columnDefs={householdColumns}
          getRowId={(p) => p.data.householdId}
        />
      </div>
    </div>
  );
}
