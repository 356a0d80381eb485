import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber, formatPercent } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, codeColumn, numberColumn } from '../../components/DataGrid';
import { ImportPanel } from '../../components/ImportPanel';
import { useImportExpectations } from '../../components/import-expectations';
import { ExportButtons } from '../../components/ExportButtons';
import { OFFICE_SPREADSHEETS } from '../../components/files';
import { labelOf, useT } from '../../i18n';
import { KIND_LABELS, STAGE_LABELS } from './labels';
import { useRoute } from '../../store/route';
import { ActionError, useAction } from './action';
import { useOpGuard } from '../../components/op-guard';

type OpdRow = OpOutput<'integrity.opd.list'>[number];

/** Imports of the registers, and every OPD ranked by the share of its employees who signed the pact. */
export function OverviewTab() {
  const t = useT();
  const opdImportGuard = useOpGuard('integrity.opd.import');
  const pegawaiImportGuard = useOpGuard('integrity.pegawai.import');
  const expects = useImportExpectations('integrity');
  const go = useRoute((s) => s.go);
  const [rows, setRows] = useState<OpdRow[]>([]);
  const [quickFilter, setQuickFilter] = useState('');
  const { error, run } = useAction();
  const load = useCallback(() => void run(async () => setRows(await api('integrity.opd.list', {}))), [run]);
  useEffect(load, [load]);

  const totals = useMemo(() => {
    const pegawai = rows.reduce((s, r) => s + r.pegawai, 0);
    const signed = rows.reduce((s, r) => s + r.signed, 0);
    return { pegawai, signed, pct: pegawai ? (100 * signed) / pegawai : 0 };
  }, [rows]);
  const columns = useMemo<ColDef<OpdRow>[]>(
    () => [
      numberColumn('rank', t('integrity.rank'), { width: 90 }),
      codeColumn('kode', t('integrity.kode'), 'OPD-00'),
      { field: 'nama', headerName: t('integrity.nama'), flex: 1, minWidth: 220, wrapText: true, autoHeight: true },
      {
        field: 'jenis',
        headerName: t('integrity.jenis'),
        width: 160,
        valueFormatter: (p) => labelOf(t, KIND_LABELS, p.value),
      },
      numberColumn('pegawai', t('integrity.pegawai'), { width: 100 }),
      numberColumn('signed', t('integrity.signed'), { width: 100 }),
      {
        ...numberColumn('signedPct', t('integrity.signedPct'), { width: 100 }),
        valueFormatter: (p) => formatPercent(p.value as number),
      },
      {
        field: 'stage',
        headerName: t('integrity.stage'),
        width: 180,
        valueFormatter: (p) => labelOf(t, STAGE_LABELS, p.value ?? 'none'),
      },
    ],
    [t],
  );

  return (
    <>
      <div className="zi-imports">
        <ImportPanel
          title={t('integrity.importOpd')}
          accept={OFFICE_SPREADSHEETS}
          guard={opdImportGuard}
          importFile={(file, onProgress) => api('integrity.opd.import', { file }, { onProgress })}
          expects={expects('opd')}
          summary={(r) => t('integrity.opdImported', { added: r.added, updated: r.updated, unchanged: r.unchanged })}
          onImported={load}
        />
        <ImportPanel
          title={t('integrity.importPegawai')}
          accept={OFFICE_SPREADSHEETS}
          guard={pegawaiImportGuard}
          importFile={(file, onProgress) => api('integrity.pegawai.import', { file }, { onProgress })}
          expects={expects('employees')}
          summary={(r) => (
            <>
              {t('integrity.pegawaiImported', { ...r, left: r.left.length })}
              {r.left.length > 0 && (
                <div className="muted">
                  {t('integrity.left', { names: r.left.map((e) => `${e.nama} ${e.nipMasked}`).join(', ') })}
                </div>
              )}
            </>
          )}
          onImported={load}
        />
      </div>
      <ActionError error={error} />
      <div className="panel zi-grow">
        <div className="panel-bar">
          <h2 data-testid="zi-summary">
            {t('integrity.summary', {
              opd: formatNumber(rows.length),
              pegawai: formatNumber(totals.pegawai),
              signed: formatNumber(totals.signed),
              pct: formatPercent(totals.pct),
            })}
          </h2>
          <input
            type="search"
            className="quick-filter"
            placeholder={t('integrity.quickFilter')}
            aria-label={t('integrity.quickFilter')}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.target.value)}
          />
          <ExportButtons
            label={t('integrity.exportOverview')}
            make={(format, onProgress) => api('integrity.export.integrity', { format }, { onProgress })}
          />
          <ExportButtons
            label={t('integrity.exportPacts')}
            make={(format, onProgress) => api('integrity.export.pacts', { format }, { onProgress })}
          />
        </div>
        <DataGrid<OpdRow>
          testId="zi-opd-grid"
          rowData={rows}
          empty={{ text: t('integrity.empty.opd') }}
          columnDefs={columns}
          getRowId={(p) => p.data.kode}
          quickFilterText={quickFilter}
          onRowClicked={(e) => e.data && go('zi', { opd: e.data.kode })}
        />
      </div>
    </>
  );
}
