import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate, formatNumber, formatPercent } from '../../../../common/format';
import { participationHeadline } from '../../../../common/headline';
import { api } from '../../api/client';
import { useOperation } from '../../api/use-operation';
import { explain } from '../../i18n/problems';
import { DataGrid, codeColumn, dateColumn, dateTimeColumn, idColumn, numberColumn } from '../../components/DataGrid';
import { EmptyHint } from '../../components/EmptyHint';
import { saveExportedFile } from '../../components/files';
import { useOfficeZone } from '../../store/office';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { CurveChart, TrendChart } from './charts';
import { CoveragePanel, householdsOf } from './CoveragePanel';
import { ErrorLine } from '../../components/ErrorLine';
import { useToSlsImport } from '../census/to-files';

type Dashboard = OpOutput<'progress.dashboard'>;
const DASHBOARD_TOPICS = ['progress', 'sync', 'census', 'participation', 'settings'] as const;
type RankingRow = Dashboard['participation']['rows'][number];
type QuietRow = Dashboard['field']['quiet']['listed'][number];

function Tile({
  title,
  value,
  note,
  onClick,
  testId,
}: {
  title: string;
  value: string;
  note?: string;
  onClick?: () => void;
  testId: string;
}) {
  return (
    <button type="button" className="tile" data-testid={testId} onClick={onClick} disabled={!onClick}>
      <span className="tile-title">{title}</span>
      <strong className="tile-value">{value}</strong>
      {note && <span className="muted tile-note">{note}</span>}
    </button>
  );
}

/** The home dashboard: headline figures, coverage drill-down, trends, SP Online ranking and quiet SLS. */
export function ProgressScreen() {
  const t = useT();
  const zone = useOfficeZone();
  const go = useRoute((s) => s.go);
  const toSlsImport = useToSlsImport();
  // Live: another clerk's import, assignment or SP Online upload moves these figures without a reload.
  const dashboard = useOperation('progress.dashboard', {}, { topics: DASHBOARD_TOPICS });
  const data = dashboard.data;
  const [reportError, setReportError] = useState<string | null>(null);
  const error = reportError ?? dashboard.error;
  const [busy, setBusy] = useState(false);

  const rankingColumns = useMemo<ColDef<RankingRow>[]>(
    () => [
      // A rank is sorted, not filtered: no filter button beside its header.
      numberColumn('rank', t('participation.col.rank'), { width: 65, sort: 'asc', filter: false }),
      { field: 'nama', headerName: t('participation.col.nama'), flex: 1, minWidth: 120 },
      numberColumn('kkOnline', t('participation.col.kkOnline'), { width: 105 }),
      numberColumn('rateKkPct', t('participation.col.rateKk'), {
        width: 115,
        valueFormatter: (p) => formatPercent(p.value as number | null),
      }),
      numberColumn('targetPct', t('participation.col.target'), {
        width: 85,
        valueFormatter: (p) => formatPercent(p.value as number | null),
      }),
      numberColumn('attainmentPct', t('participation.col.attainment'), {
        width: 120,
        valueFormatter: (p) => formatPercent(p.value as number | null),
      }),
    ],
    [t],
  );
  const quietColumns = useMemo<ColDef<QuietRow>[]>(
    () => [
      idColumn<QuietRow>('slsId', t('progress.level.sls')),
      { field: 'nama', headerName: t('progress.col.nama'), width: 130 },
      { field: 'desaNama', headerName: t('progress.col.desa'), flex: 1, minWidth: 110 },
      { field: 'kecamatanNama', headerName: t('progress.col.kecamatan'), width: 120 },
      codeColumn('ppl', t('progress.col.ppl'), 'PML-3316-0000'),
      dateTimeColumn('lastSyncAt', t('progress.col.lastSync'), zone, { width: 185 }),
      dateColumn('lastDay', t('progress.col.lastDay'), { width: 125 }),
      numberColumn('daysQuiet', t('progress.col.daysQuiet'), { width: 95 }),
      numberColumn('coveragePct', t('progress.col.coverage'), {
        width: 95,
        valueFormatter: (p) => formatPercent(p.value == null ? null : Math.min(100, p.value as number)),
      }),
    ],
    [t, zone],
  );

  const downloadReport = async () => {
    setBusy(true);
    setReportError(null);
    try {
      await saveExportedFile(await api('progress.dailyReport', {}));
    } catch (e) {
      setReportError(explain(e));
    } finally {
      setBusy(false);
    }
  };

  const field = data?.field.regency;
  return (
    <section className="screen progress-screen">
      <header className="screen-header">
        <div>
          <h1>{t('progress.title')}</h1>
          <p className="muted">
            {data && t('progress.asOfToday', { date: formatDate(data.plan.asOf) })}
            {data && ' · '}
            {data &&
              (data.plan.expectedPct == null
                ? t('progress.noPlan')
                : t('progress.plan', { pct: formatPercent(data.plan.expectedPct) }))}
          </p>
        </div>
        <button type="button" className="primary" onClick={downloadReport} disabled={busy || !data}>
          {t('progress.dailyReport')}
        </button>
      </header>
      <ErrorLine message={error} />
      {data && !field?.sls && <EmptyHint text={t('progress.empty.noSls')} action={toSlsImport} />}
      {data && field && field.sls > 0 && field.households === 0 && (
        <EmptyHint
          text={t('progress.empty.noField')}
          action={{ label: t('progress.empty.toSync'), go: () => go('sinkronisasi') }}
        />
      )}
      {data && (
        <>
          <div className="tiles">
            <Tile
              testId="tile-sponline"
              title={t('progress.tile.sponline')}
              value={
                participationHeadline(data.participation.regency, data.participation.asOf) ?? t('participation.noData')
              }
              onClick={() => go('sponline')}
            />
            <Tile
              testId="tile-field"
              title={t('progress.tile.field')}
              value={
                field && field.households > 0
                  ? t('progress.tile.fieldText', {
                      kk: formatNumber(field.complete + field.onlineVerified),
                      penduduk: formatNumber(field.penduduk),
                      pct: formatPercent(field.coverageShownPct),
                      date: formatDate(field.lastDay),
                    })
                  : t('progress.tile.noField')
              }
            />
            <Tile
              testId="tile-quiet"
              title={t('progress.tile.quiet')}
              value={formatNumber(data.field.quiet.count)}
              note={t('progress.tile.quietText', { days: data.plan.quietDays })}
              onClick={() => document.getElementById('quiet-sls')?.scrollIntoView()}
            />
            <Tile
              testId="tile-drops"
              title={t('progress.tile.drops')}
              value={formatNumber(data.participation.drops)}
              note={t('progress.tile.dropsText')}
              onClick={() => go('sponline')}
            />
            <Tile
              testId="tile-conflicts"
              title={t('progress.tile.conflicts')}
              value={formatNumber(data.field.openConflicts)}
              note={t('progress.tile.conflictsText')}
              onClick={() => go('sinkronisasi', { tab: 'conflicts' })}
            />
          </div>
          <CoveragePanel />
          <div className="dashboard-row">
            <section className="panel">
              <TrendChart trend={data.field.trend} />
            </section>
            <section className="panel">
              <CurveChart curve={data.participation.curve} title={t('participation.curve')} testId="dashboard-curve" />
            </section>
          </div>
          <div className="dashboard-row wide-grids">
            <section className="panel" aria-label={t('progress.ranking')}>
              <div className="panel-bar">
                <h2>{t('progress.ranking')}</h2>
                <button type="button" className="link" onClick={() => go('sponline')}>
                  {t('progress.openSponline')}
                </button>
              </div>
              <DataGrid<RankingRow>
                testId="dashboard-ranking"
                height={330}
                rowData={data.participation.rows}
                columnDefs={rankingColumns}
                getRowId={(p) => p.data.kode}
                onRowClicked={(e) => e.data && go('sponline', { kecamatan: e.data.kode })}
              />
            </section>
            <section className="panel" id="quiet-sls" aria-label={t('progress.quietList')}>
              <div className="panel-bar">
                <h2>{t('progress.quietList')}</h2>
                <span className="muted">
                  {t('progress.quietMore', {
                    shown: formatNumber(data.field.quiet.listed.length),
                    count: formatNumber(data.field.quiet.count),
                  })}
                </span>
              </div>
              <DataGrid<QuietRow>
                testId="quiet-grid"
                height={330}
                rowData={data.field.quiet.listed}
                columnDefs={quietColumns}
                getRowId={(p) => p.data.slsId}
                onRowClicked={(e) => e.data && go('sinkronisasi', householdsOf(e.data.slsId))}
              />
            </section>
          </div>
        </>
      )}
    </section>
  );
}
