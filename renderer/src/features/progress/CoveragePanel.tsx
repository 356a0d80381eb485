import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatPercent } from '../../../../common/format';
import { api } from '../../api/client';
import { useOperation } from '../../api/use-operation';
import { DataGrid, codeColumn, dateColumn, dateTimeColumn, numberColumn } from '../../components/DataGrid';
import { ExportButtons } from '../../components/ExportButtons';
import { useOfficeZone } from '../../store/office';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { ErrorLine } from '../../components/ErrorLine';
import { rememberNames, useTrailNames } from './trail-names';

const COVERAGE_TOPICS = ['progress', 'sync', 'census', 'settings'] as const;
type CoverageRow = OpOutput<'progress.table'>['rows'][number];
type Level = OpOutput<'progress.table'>['level'];

/** The two ways to drill: through places, or through the field hierarchy. */
const PATHS: Record<'wilayah' | 'petugas', Level[]> = {
  wilayah: ['kecamatan', 'desa', 'sls'],
  petugas: ['koseka', 'pml', 'ppl', 'sls'],
};

const percentColumn = (
  field: keyof CoverageRow,
  headerName: string,
  extra: ColDef<CoverageRow> = {},
): ColDef<CoverageRow> =>
  numberColumn<CoverageRow>(field, headerName, {
    valueFormatter: (p) => formatPercent(p.value as number | null),
    width: 105,
    ...extra,
  });

/** Route parameters of the Sinkronisasi view listing one SLS's households. */
export const householdsOf = (slsId: string) => ({ tab: 'households', sls: slsId });

/**
 * Coverage per kecamatan → desa → SLS, or Koseka → PML → PPL → SLS; a click on a row goes one level
 * down, and a click on an SLS opens its households in Sinkronisasi. The path lives in the URL (`by`,
 * `trail`) so a reload keeps the place.
 */
export function CoveragePanel({ asOf }: { asOf?: string }) {
  const t = useT();
  const zone = useOfficeZone();
  const params = useRoute((s) => s.params);
  const setParam = useRoute((s) => s.setParam);
  const by = params.by === 'petugas' ? 'petugas' : 'wilayah';
  const trail = useMemo(() => (params.trail ? params.trail.split('~') : []), [params.trail]);
  const levels = PATHS[by];
  const level = levels[Math.min(trail.length, levels.length - 1)];
  const parent = trail.at(-1) ?? null;
  const table = useOperation('progress.table', { level, parent, asOf }, { topics: COVERAGE_TOPICS });
  const rows = useMemo(() => table.data?.rows ?? [], [table.data]);
  rememberNames(rows);
  const nameOf = useTrailNames(by, trail);
  const error = table.error;

  const columns = useMemo<ColDef<CoverageRow>[]>(
    () => [
      codeColumn('kode', t('progress.col.kode'), level === 'sls' ? '0000000000000000' : 'PML-3316-0000'),
      { field: 'nama', headerName: t('progress.col.nama'), flex: 1, minWidth: 140 },
      percentColumn('coverageShownPct', t('progress.col.coverage'), { sort: 'desc' }),
      percentColumn('expectedPct', t('progress.col.expected')),
      percentColumn('aheadPct', t('progress.col.ahead'), {
        cellClassRules: { behind: (p) => (p.value ?? 0) < 0, ahead: (p) => (p.value ?? 0) >= 0 },
        valueFormatter: (p) =>
          p.value == null ? '' : `${(p.value as number) >= 0 ? '+' : ''}${formatPercent(p.value as number)}`,
      }),
      dateTimeColumn('lastSyncAt', t('progress.col.lastSync'), zone, { width: 185 }),
      numberColumn('estimatedHouseholds', t('progress.col.estimatedHouseholds'), { width: 115 }),
      numberColumn('complete', t('progress.col.complete'), { width: 95 }),
      numberColumn('onlineVerified', t('progress.col.onlineVerified'), { width: 120 }),
      numberColumn('partial', t('progress.col.partial'), { width: 90 }),
      numberColumn('refused', t('progress.col.refused'), { width: 90 }),
      numberColumn('notFound', t('progress.col.notFound'), { width: 110 }),
      numberColumn('moved', t('progress.col.moved'), { width: 80 }),
      numberColumn('quietSls', t('progress.col.quiet'), { width: 90 }),
      dateColumn('lastDay', t('progress.col.lastDay'), { width: 130 }),
    ],
    [t, level, zone],
  );

  const goArea = useRoute((s) => s.go);
  const go = (nextBy: 'wilayah' | 'petugas', nextTrail: string[]) => {
    setParam('by', nextBy === 'wilayah' ? null : nextBy);
    setParam('trail', nextTrail.join('~') || null);
  };

  return (
    <section className="panel coverage-panel" aria-label={t('progress.coverage')}>
      <div className="panel-bar">
        <h2>{t('progress.coverage')}</h2>
        <fieldset className="segmented">
          {(['wilayah', 'petugas'] as const).map((b) => (
            <button
              key={b}
              type="button"
              className={b === by ? 'active' : ''}
              aria-pressed={b === by}
              onClick={() => go(b, [])}
            >
              {t(`progress.by.${b}`)}
            </button>
          ))}
        </fieldset>
        <ExportButtons
          label={t('progress.exportTable')}
          make={(format, onProgress) => api('progress.export', { level, parent, asOf, format }, { onProgress })}
        />
      </div>
      <nav className="breadcrumb" aria-label="breadcrumb" data-testid="coverage-breadcrumb">
        <button type="button" className="link" onClick={() => go(by, [])} disabled={!trail.length}>
          {t('progress.top')}
        </button>
        {trail.map((code, i) => (
          <span key={code}>
            {' › '}
            <button
              type="button"
              className="link"
              onClick={() => go(by, trail.slice(0, i + 1))}
              disabled={i === trail.length - 1}
              title={code}
            >
              {t(`progress.level.${levels[i]}`)} {nameOf(code)}
            </button>
          </span>
        ))}
        <span className="muted">
          {' · '}
          {t(`progress.level.${level}`)}
          {` · ${t(level === 'sls' ? 'progress.householdsHint' : 'progress.drillHint')}`}
        </span>
      </nav>
      <ErrorLine message={error} />
      <DataGrid<CoverageRow>
        testId="coverage-grid"
        height={380}
        rowData={rows}
        columnDefs={columns}
        getRowId={(p) => p.data.kode}
        onRowClicked={(e) => {
          if (!e.data || e.data.kode === '-') return;
          if (level === 'sls') goArea('sinkronisasi', householdsOf(e.data.kode));
          else go(by, [...trail, e.data.kode]);
        }}
      />
    </section>
  );
}
