import { useEffect, useMemo, useState } from 'react';
import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { SLS_SORTS } from '../../../../common/list-sorts';
import { useChanges, useOperation } from '../../api/use-operation';
import { useDebounced } from '../../components/use-debounced';
import { serverSort, useServerRows } from '../../components/server-rows';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { cellRoom } from '../../components/header-room';
import { DataGrid, idColumn, numberColumn, serverColumns } from '../../components/DataGrid';
import { EmptyHint } from '../../components/EmptyHint';
import { useToFilesTab } from './to-files';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine, REVERT, type Notice } from './controls';
import { HistoryPanel } from './HistoryPanel';
import { LoadCard } from './LoadCard';
import { PplPicker } from './PplPicker';
import type { SlsRow } from './store';
import { useOpGuard } from '../../components/op-guard';
import { ReadOnlyNote, editableBy } from '../../components/GuardedCells';

/** Browse and edit the census frame; select many SLS and give them to a PPL in one action. */
export function SlsTab() {
  const t = useT();
  const updateGuard = useOpGuard('census.sls.update');
  const assignGuard = useOpGuard('census.assignments.assign');
  const unassignGuard = useOpGuard('census.assignments.unassign');
  const toFiles = useToFilesTab();
  const params = useRoute((s) => s.params);
  const setParam = useRoute((s) => s.setParam);
  const kecamatanFilter = params.kecamatan ?? '';
  const desaFilter = params.desa ?? '';
  const [selected, setSelected] = useState<SlsRow[]>([]);
  /** Every SLS matching the filter (on the server), rather than the ticked rows. */
  const [allMatching, setAllMatching] = useState(false);
  const [ppl, setPpl] = useState('');
  /** Why: kept in the history of every SLS the action touches (needed when one moves from another PPL). */
  const [reason, setReason] = useState('');
  const [quickFilter, setQuickFilter] = useState('');
  const text = useDebounced(quickFilter.trim(), 300);
  const [totals, setTotals] = useState({ sls: 0, kk: 0 });
  /** No SLS at all (not just none matching): the master is still to be imported. */
  const [noSls, setNoSls] = useState(false);
  const [warning, setWarning] = useState<number | null>(null);
  const [message, setMessage] = useState<Notice | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  const [changed, setChanged] = useState(0);

  const villages = useOperation('wilayah.desa', kecamatanFilter ? { kecamatan: kecamatanFilter } : null, {
    topics: ['wilayah'],
  });
  const filter = useMemo(
    () => ({ kecamatan: kecamatanFilter || undefined, desa: desaFilter || undefined, text: text || undefined }),
    [kecamatanFilter, desaFilter, text],
  );
  // The grid asks for blocks of rows as it scrolls; the server sorts, filters and counts.
  const frame = useServerRows<SlsRow>(
    JSON.stringify(filter),
    async (offset, limit, order) => {
      const sort = serverSort(order, SLS_SORTS);
      const page = await api('census.sls.page', { offset, limit, sort, filter });
      setTotals({ sls: page.total, kk: page.kk });
      setNoSls(page.total === 0 && !filter.kecamatan && !filter.desa && !filter.text);
      return page;
    },
    (e) => setMessage({ ok: false, text: explain(e) }),
  );
  // A new filter is a new selection.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `filter` is the trigger
  useEffect(() => {
    setAllMatching(false);
    frame.grid.current?.deselectAll();
  }, [filter]);
  const reload = () => {
    frame.refresh();
    setChanged((n) => n + 1);
  };
  // Another clerk's assignment or edit shows here without a reload.
  useChanges(['census'], reload);

  const columns = useMemo<ColDef<SlsRow>[]>(
    () =>
      serverColumns<SlsRow>(
        [
          idColumn<SlsRow>('slsId', t('census.col.slsId')),
          { field: 'desaNama', headerName: t('census.col.desa'), width: 130, sortable: false },
          numberColumn<SlsRow>('estimatedHouseholds', t('census.col.estimatedHouseholds'), {
            width: 110,
            ...editableBy<SlsRow>(updateGuard),
            valueParser: (p) => p.newValue,
            filter: false,
          }),
          {
            headerName: t('census.col.ppl'),
            width: 210,
            // The code shows whole; a long name may end in an ellipsis.
            minWidth: cellRoom('PPL-3316-0000 · Nama'),
            sortable: false,
            valueGetter: (p) => (p.data?.pplKode ? `${p.data.pplKode} · ${p.data.pplNama}` : ''),
          },
          // Last of the fixed columns: on a 1366 px screen it is the one that scrolls, not the PPL.
          {
            field: 'nama',
            headerName: t('census.col.nama'),
            flex: 1,
            minWidth: 140,
            ...editableBy<SlsRow>(updateGuard),
          },
          {
            field: 'kecamatanNama',
            headerName: t('census.col.kecamatan'),
            width: 120,
            sortable: false,
            hide: Boolean(kecamatanFilter),
          },
          {
            headerName: '',
            width: 96,
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
        SLS_SORTS,
      ),
    [t, kecamatanFilter, updateGuard],
  );

  async function saveEdit(e: CellValueChangedEvent<SlsRow>) {
    if (e.source === REVERT) return;
    const field = e.colDef.field as 'nama' | 'estimatedHouseholds';
    try {
      const saved = await api('census.sls.update', {
        slsId: e.data.slsId,
        version: e.data.version,
        [field]: e.newValue,
      });
      e.node.setData(saved);
      setMessage(null);
    } catch (error) {
      e.node.setDataValue(field, e.oldValue, REVERT);
      setMessage({ ok: false, text: explain(error) });
    }
  }

  const target = useOperation('census.officers.load', ppl ? { kode: ppl } : null, { topics: ['census'] }).data?.officer;
  /** Ticked SLS another PPL holds: giving them to `ppl` is a move, which needs a reason. */
  const moving = ppl && !allMatching ? selected.filter((r) => r.pplKode && r.pplKode !== ppl).length : 0;
  const count = allMatching ? totals.sls : selected.length;
  const chosen = () => ({
    ...(allMatching ? { matching: filter } : { slsIds: selected.map((s) => s.slsId) }),
    reason: reason.trim() || undefined,
  });
  const done = (text: string) => {
    setMessage({ ok: true, text });
    reload();
    setAllMatching(false);
    setReason('');
    frame.grid.current?.deselectAll();
  };
  async function assign(confirmed: boolean) {
    if (!target || !count) return;
    // "All matching" needs a kecamatan chosen, so the SLS outside the PPL's are all or none.
    const outside = allMatching
      ? kecamatanFilter === target.kecamatanKode
        ? 0
        : count
      : selected.filter((r) => r.kecamatanKode !== target.kecamatanKode).length;
    if (outside && !confirmed) return setWarning(outside);
    setWarning(null);
    try {
      const r = await api('census.assignments.assign', { ...chosen(), officer: target.kode });
      const n = r.assigned + r.moved + r.unchanged;
      done(t('census.assign.done', { n, ppl: target.kode, moved: r.moved }));
    } catch (error) {
      setMessage({ ok: false, text: explain(error) });
    }
  }
  async function unassign() {
    try {
      const r = await api('census.assignments.unassign', chosen());
      done(t('census.unassign.done', { n: r.ended }));
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
            onChange={(kode) => {
              setParam('desa', null);
              setParam('kecamatan', kode);
            }}
          />
          <select
            aria-label={t('census.col.desa')}
            value={desaFilter}
            onChange={(e) => setParam('desa', e.target.value)}
            disabled={!kecamatanFilter}
          >
            <option value="">{t('census.allDesa')}</option>
            {(villages.data ?? []).map(({ kode, nama }) => (
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
        {noSls && <EmptyHint text={t('census.empty.sls')} action={toFiles} />}
        <ReadOnlyNote guard={updateGuard} />
        <DataGrid<SlsRow>
          testId="sls-grid"
          {...frame.gridProps}
          columnDefs={columns}
          getRowId={(p) => p.data.slsId}
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: false, enableClickSelection: false }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onCellValueChanged={(e) => void saveEdit(e)}
        />
      </div>
      <div className="side">
        <section className="panel assign-panel" aria-label={t('census.assign.title')}>
          <h2>{t('census.assign.title')}</h2>
          <p data-testid="selection-count">
            {t('census.assign.selected', {
              n: formatNumber(count),
              kk: formatNumber(allMatching ? totals.kk : selected.reduce((s, r) => s + r.estimatedHouseholds, 0)),
            })}
          </p>
          <button
            type="button"
            className="link"
            aria-pressed={allMatching}
            disabled={!kecamatanFilter || !totals.sls}
            onClick={() => setAllMatching((all) => !all)}
          >
            {allMatching
              ? t('census.assign.onlyTicked')
              : t('census.assign.allMatching', { n: formatNumber(totals.sls) })}
          </button>
          <PplPicker value={ppl} onChange={setPpl} kecamatan={kecamatanFilter} />
          <label className="field-inline">
            <span>{moving ? t('census.assign.reasonNeeded', { n: moving }) : t('census.assign.reason')}</span>
            <input
              aria-label={t('census.assign.reason')}
              aria-required={moving > 0}
              placeholder={t('census.assign.reasonHint')}
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </label>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              {...assignGuard.props}
              disabled={!target || !count || !assignGuard.allowed}
              onClick={() => void assign(false)}
            >
              {t('census.assign.button')}
            </button>
            <button
              type="button"
              className="secondary"
              {...unassignGuard.props}
              disabled={(allMatching ? !count : !selected.some((r) => r.pplKode)) || !unassignGuard.allowed}
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
                <button
                  type="button"
                  className="primary"
                  {...assignGuard.props}
                  disabled={!assignGuard.allowed}
                  onClick={() => void assign(true)}
                >
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
        </section>
        {history && (
          <HistoryPanel
            slsId={history.startsWith('officer:') ? undefined : history}
            officer={history.startsWith('officer:') ? history.slice(8) : undefined}
            refresh={changed}
            onClose={() => setHistory(null)}
          />
        )}
      </div>
    </div>
  );
}
