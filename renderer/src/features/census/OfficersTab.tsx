import { useMemo, useState } from 'react';
import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, numberColumn } from '../../components/DataGrid';
import { useToFilesTab } from './to-files';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine, REVERT, type Notice } from './controls';
import { HistoryPanel } from './HistoryPanel';
import { SupervisionTree } from './SupervisionTree';
import { officerLabel, useCensus, type OfficerRow } from './store';

type Editable = 'nama' | 'telepon' | 'aktif' | 'mulai' | 'atasanKode';

/** The officer registry (editable), the supervision tree, history and replacement. */
export function OfficersTab() {
  const t = useT();
  const toFiles = useToFilesTab();
  const kecamatanFilter = useRoute((s) => s.params.kecamatan ?? '');
  const setParam = useRoute((s) => s.setParam);
  const officers = useCensus((s) => s.officers);
  const loadOfficers = useCensus((s) => s.loadOfficers);
  const [picked, setPicked] = useState<string | null>(null);
  const [replacement, setReplacement] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);
  const [quickFilter, setQuickFilter] = useState('');
  const shown = useMemo(
    () => (kecamatanFilter ? officers.filter((o) => o.kecamatanKode === kecamatanFilter) : officers),
    [officers, kecamatanFilter],
  );
  const officer = officers.find((o) => o.kode === picked);

  const columns = useMemo<ColDef<OfficerRow>[]>(
    () => [
      { field: 'kode', headerName: t('census.col.kode'), width: 150 },
      { field: 'nama', headerName: t('census.col.nama'), flex: 1, minWidth: 140, editable: true },
      { field: 'peran', headerName: t('census.col.peran'), width: 90 },
      numberColumn<OfficerRow>('sls', t('census.col.slsCount'), { width: 80 }),
      numberColumn<OfficerRow>('kk', t('census.col.kk'), { width: 100 }),
      numberColumn<OfficerRow>('teamSize', t('census.col.team'), { width: 80 }),
      { field: 'kecamatanNama', headerName: t('census.col.kecamatan'), width: 120 },
      { field: 'atasanKode', headerName: t('census.col.atasan'), width: 150, editable: true },
      { field: 'telepon', headerName: t('census.col.telepon'), width: 150, editable: true },
      { field: 'aktif', headerName: t('census.col.aktif'), width: 80, editable: true, cellDataType: 'boolean' },
      {
        field: 'mulai',
        headerName: t('census.col.mulai'),
        width: 110,
        editable: true,
        cellDataType: 'text',
        valueFormatter: (p) => formatDate(p.value as string),
      },
    ],
    [t],
  );

  async function saveEdit(e: CellValueChangedEvent<OfficerRow>) {
    if (e.source === REVERT) return;
    const field = e.colDef.field as Editable;
    const value = field === 'aktif' ? Boolean(e.newValue) : String(e.newValue ?? '');
    try {
      await api('census.officers.update', { kode: e.data.kode, version: e.data.version, [field]: value });
      setMessage(null);
    } catch (error) {
      e.node.setDataValue(field, e.oldValue, REVERT);
      setMessage({ ok: false, text: explain(error) });
    }
    await loadOfficers();
  }

  async function retire() {
    if (!officer) return;
    try {
      const r = await api('census.officers.retire', { kode: officer.kode, replacement: replacement || undefined });
      setMessage({
        ok: true,
        text: t('census.retire.done', {
          kode: r.kode,
          replacement: r.replacement ?? '—',
          sls: r.movedSls,
          team: r.movedTeam,
        }),
      });
      setReplacement('');
      await loadOfficers();
    } catch (error) {
      setMessage({ ok: false, text: explain(error) });
    }
  }

  const candidates = officer
    ? officers.filter((o) => o.peran === officer.peran && o.aktif && o.kode !== officer.kode)
    : [];
  return (
    <div className="census-work officers">
      <div className="panel tree-panel">
        <div className="panel-bar">
          <h2>{t('census.tree.title')}</h2>
          <KecamatanSelect value={kecamatanFilter} onChange={(kode) => setParam('kecamatan', kode)} />
        </div>
        <SupervisionTree officers={shown} onPick={setPicked} />
      </div>
      <div className="panel">
        <div className="panel-bar">
          <h2>{t('census.officers.title')}</h2>
          <input
            type="search"
            className="quick-filter"
            placeholder={t('census.quickFilter')}
            aria-label={t('census.quickFilterOfficers')}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.target.value)}
          />
        </div>
        <NoticeLine notice={message} />
        <DataGrid<OfficerRow>
          testId="officer-grid"
          rowData={shown}
          empty={officers.length === 0 ? { text: t('census.empty.officers'), action: toFiles } : undefined}
          columnDefs={columns}
          getRowId={(p) => p.data.kode}
          quickFilterText={quickFilter}
          rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
          onRowClicked={(e) => e.data && setPicked(e.data.kode)}
          onCellValueChanged={(e) => void saveEdit(e)}
        />
        {officer && (
          <section className="officer-actions" aria-label={officerLabel(officer)}>
            <strong>{officerLabel(officer)}</strong>
            {officer.aktif ? (
              <>
                <label className="field-inline">
                  <span>{t('census.retire.replacement')}</span>
                  <select
                    aria-label={t('census.retire.replacement')}
                    value={replacement}
                    onChange={(e) => setReplacement(e.target.value)}
                  >
                    <option value="">—</option>
                    {candidates.map((o) => (
                      <option key={o.kode} value={o.kode}>
                        {officerLabel(o)} ({o.kecamatanNama})
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="secondary" onClick={() => void retire()}>
                  {t('census.retire.button')}
                </button>
              </>
            ) : (
              <span className="muted">{t('census.retire.inactive')}</span>
            )}
          </section>
        )}
      </div>
      {officer && <HistoryPanel officer={officer.kode} refresh={officer.version} onClose={() => setPicked(null)} />}
    </div>
  );
}
