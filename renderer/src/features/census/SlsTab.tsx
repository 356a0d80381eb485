import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CellValueChangedEvent, ColDef, GridApi } from 'ag-grid-community';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, numberColumn } from '../../components/DataGrid';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine, REVERT, type Notice } from './controls';
import { HistoryPanel } from './HistoryPanel';
import { LoadCard } from './LoadCard';
import { PplPicker } from './PplPicker';
import { useCensus, type SlsRow } from './store';

/** Browse and edit the census frame; select many SLS and give them to a PPL in one action. */
export function SlsTab() {
  const t = useT();
  const params = useRoute((s) => s.params);
  const setParam = useRoute((s) => s.setParam);
  const kecamatanFilter = params.kecamatan ?? '';
  const desaFilter = params.desa ?? '';
  const officers = useCensus((s) => s.officers);
  const loadOfficers = useCensus((s) => s.loadOfficers);
  const [rows, setRows] = useState<SlsRow[]>([]);
  const [grid, setGrid] = useState<GridApi<SlsRow> | null>(null);
  const [selected, setSelected] = useState<SlsRow[]>([]);
  const [ppl, setPpl] = useState('');
  const [quickFilter, setQuickFilter] = useState('');
  const [totals, setTotals] = useState({ sls: 0, kk: 0 });
  const [warning, setWarning] = useState<number | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const [history, setHistory] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const list = await api('sls.list', kecamatanFilter ? { kecamatan: kecamatanFilter } : {});
    setRows(list);
  }, [kecamatanFilter]);
  useEffect(() => {
    reload().catch((e: Error) => setMessage({ ok: false, text: e.message }));
  }, [reload]);

  const villages = useMemo(() => [...new Map(rows.map((r) => [r.desaKode, r.desaNama])).entries()], [rows]);
  const shown = useMemo(() => (desaFilter ? rows.filter((r) => r.desaKode === desaFilter) : rows), [rows, desaFilter]);

  const columns = useMemo<ColDef<SlsRow>[]>(
    () => [
      { field: 'slsId', headerName: t('census.col.slsId'), width: 165 },
      { field: 'desaNama', headerName: t('census.col.desa'), width: 130 },
      { field: 'nama', headerName: t('census.col.nama'), flex: 1, minWidth: 120, editable: true },
      numberColumn<SlsRow>('perkiraanKk', t('census.col.perkiraanKk'), {
        width: 110,
        editable: true,
        valueParser: (p) => p.newValue,
      }),
      {
        headerName: t('census.col.ppl'),
        width: 210,
        valueGetter: (p) => (p.data?.pplKode ? `${p.data.pplKode} · ${p.data.pplNama}` : ''),
      },
      { field: 'kecamatanNama', headerName: t('census.col.kecamatan'), width: 120, hide: Boolean(kecamatanFilter) },
      {
        headerName: '',
        width: 80,
        pinned: 'right',
        sortable: false,
        filter: false,
        cellRenderer: (p: { data?: SlsRow }) => (
          <button
            type="button"
            className="link"
            onClick={() => p.data && setHistory(p.data.slsId)}
            aria-label={t('census.history.of', { sls: p.data?.slsId })}
          >
            {t('census.history.button')}
          </button>
        ),
      },
    ],
    [t, kecamatanFilter],
  );

  async function saveEdit(e: CellValueChangedEvent<SlsRow>) {
    if (e.source === REVERT) return;
    const field = e.colDef.field as 'nama' | 'perkiraanKk';
    try {
      const saved = await api('sls.update', { slsId: e.data.slsId, version: e.data.version, [field]: e.newValue });
      setRows((list) => list.map((r) => (r.slsId === saved.slsId ? saved : r)));
      setMessage(null);
    } catch (error) {
      e.node.setDataValue(field, e.oldValue, REVERT);
      setMessage({ ok: false, text: explain(error) });
    }
  }

  const target = officers.find((o) => o.kode === ppl);
  async function assign(confirmed: boolean) {
    if (!target || !selected.length) return;
    const outside = selected.filter((r) => r.kecamatanKode !== target.kecamatanKode).length;
    if (outside && !confirmed) return setWarning(outside);
    setWarning(null);
    try {
      const r = await api('assignments.assign', { slsIds: selected.map((s) => s.slsId), officer: target.kode });
      setMessage({ ok: true, text: t('census.assign.done', { n: selected.length, ppl: target.kode, moved: r.moved }) });
      await Promise.all([reload(), loadOfficers()]);
      grid?.deselectAll();
    } catch (error) {
      setMessage({ ok: false, text: explain(error) });
    }
  }
  async function unassign() {
    try {
      const r = await api('assignments.unassign', { slsIds: selected.map((s) => s.slsId) });
      setMessage({ ok: true, text: t('census.unassign.done', { n: r.ended }) });
      await Promise.all([reload(), loadOfficers()]);
      grid?.deselectAll();
    } catch (error) {
      setMessage({ ok: false, text: explain(error) });
    }
  }

  return (
    <div className="census-work">
      <div className="panel">
        <div className="panel-bar filters">
          <KecamatanSelect
            value={kecamatanFilter}
            onChange={(kode) => (setParam('desa', null), setParam('kecamatan', kode))}
          />
          <select
            aria-label={t('census.col.desa')}
            value={desaFilter}
            onChange={(e) => setParam('desa', e.target.value)}
            disabled={!kecamatanFilter}
          >
            <option value="">{t('census.allDesa')}</option>
            {villages.map(([kode, nama]) => (
              <option key={kode} value={kode}>
                {nama}
              </option>
            ))}
          </select>
          <input
            type="search"
            className="quick-filter"
            placeholder={t('census.quickFilter')}
            aria-label={t('census.quickFilter')}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.target.value)}
          />
          <span className="muted totals" data-testid="sls-totals">
            {t('census.totals', { sls: formatNumber(totals.sls), kk: formatNumber(totals.kk) })}
          </span>
        </div>
        <DataGrid<SlsRow>
          testId="sls-grid"
          rowData={shown}
          columnDefs={columns}
          getRowId={(p) => p.data.slsId}
          quickFilterText={quickFilter}
          rowSelection={{
            mode: 'multiRow',
            checkboxes: true,
            headerCheckbox: true,
            selectAll: 'filtered',
            enableClickSelection: false,
          }}
          onGridReady={(e) => setGrid(e.api)}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onCellValueChanged={(e) => void saveEdit(e)}
          onModelUpdated={(e) => {
            let sls = 0;
            let kk = 0;
            e.api.forEachNodeAfterFilter((n) => {
              sls++;
              kk += n.data?.perkiraanKk ?? 0;
            });
            setTotals({ sls, kk });
          }}
        />
      </div>
      <div className="side">
        <div className="panel assign-panel" role="region" aria-label={t('census.assign.title')}>
          <h2>{t('census.assign.title')}</h2>
          <p data-testid="selection-count">
            {t('census.assign.selected', {
              n: formatNumber(selected.length),
              kk: formatNumber(selected.reduce((s, r) => s + r.perkiraanKk, 0)),
            })}
          </p>
          <PplPicker value={ppl} onChange={setPpl} kecamatan={kecamatanFilter} />
          <div className="button-row">
            <button
              type="button"
              className="primary"
              disabled={!target || !selected.length}
              onClick={() => void assign(false)}
            >
              {t('census.assign.button')}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!selected.some((r) => r.pplKode)}
              onClick={() => void unassign()}
            >
              {t('census.unassign.button')}
            </button>
          </div>
          {warning !== null && target && (
            <div className="warning" role="alert">
              <p>
                {t('census.assign.crossWarning', { n: warning, ppl: target.kode, kecamatan: target.kecamatanNama })}
              </p>
              <div className="button-row">
                <button type="button" className="primary" onClick={() => void assign(true)}>
                  {t('census.assign.anyway')}
                </button>
                <button type="button" className="secondary" onClick={() => setWarning(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          <NoticeLine notice={message} />
          {ppl && <LoadCard kode={ppl} />}
          {ppl && (
            <button type="button" className="link" onClick={() => setHistory(`officer:${ppl}`)}>
              {t('census.history.ofOfficer')}
            </button>
          )}
        </div>
        {history && (
          <HistoryPanel
            slsId={history.startsWith('officer:') ? undefined : history}
            officer={history.startsWith('officer:') ? history.slice(8) : undefined}
            refresh={rows}
            onClose={() => setHistory(null)}
          />
        )}
      </div>
    </div>
  );
}
