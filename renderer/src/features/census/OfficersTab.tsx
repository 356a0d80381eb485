import { useMemo, useState } from 'react';
import type { CellValueChangedEvent, ColDef } from 'ag-grid-community';
import { formatNumber } from '../../../../common/format';
import { OFFICER_SORTS } from '../../../../common/list-sorts';
import { api } from '../../api/client';
import { useChanges, useOperation } from '../../api/use-operation';
import { DataGrid, codeColumn, dateColumn, numberColumn, serverColumns } from '../../components/DataGrid';
import { serverSort, useServerRows } from '../../components/server-rows';
import { useDebounced } from '../../components/use-debounced';
import { labelOf, useT } from '../../i18n';
import { useToFilesTab } from './to-files';
import { EmptyHint } from '../../components/EmptyHint';
import { explain } from '../../i18n/problems';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine, REVERT, type Notice } from './controls';
import { HistoryPanel } from './HistoryPanel';
import { SupervisionTree } from './SupervisionTree';
import { officerLabel, type OfficerRow } from './store';
import { useOpGuard } from '../../components/op-guard';
import { ReadOnlyNote, editableBy } from '../../components/GuardedCells';

type Editable = 'nama' | 'telepon' | 'aktif' | 'mulai' | 'atasanKode';
type Role = OfficerRow['peran'];
const ROLE_LABELS = { PPL: 'census.peran.PPL', PML: 'census.peran.PML', KOSEKA: 'census.peran.KOSEKA' } as const;
const ROLES = Object.keys(ROLE_LABELS) as Role[];
/** Replacement candidates: the officer's kecamatan's active officers of the same role (a few dozen). */
const CANDIDATE_ROWS = 500;

/** The officer registry (editable), the supervision tree, history and replacement. */
export function OfficersTab() {
  const t = useT();
  const updateGuard = useOpGuard('census.officers.update');
  const retireGuard = useOpGuard('census.officers.retire');
  const edit = useMemo(() => editableBy<OfficerRow>(updateGuard), [updateGuard]);
  const toFiles = useToFilesTab();
  const kecamatanFilter = useRoute((s) => s.params.kecamatan ?? '');
  const setParam = useRoute((s) => s.setParam);
  const [picked, setPicked] = useState<string | null>(null);
  const [replacement, setReplacement] = useState('');
  const [message, setMessage] = useState<Notice | null>(null);
  const [quickFilter, setQuickFilter] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const text = useDebounced(quickFilter.trim(), 300);
  const [count, setCount] = useState<number | null>(null);
  const filter = useMemo(
    () => ({ kecamatan: kecamatanFilter || undefined, peran: role || undefined, text: text || undefined }),
    [kecamatanFilter, role, text],
  );
  // The grid asks for blocks of officers as it scrolls; the server sorts, filters and counts.
  const registry = useServerRows<OfficerRow>(
    JSON.stringify(filter),
    async (offset, limit, order) => {
      const sort = serverSort(order, OFFICER_SORTS);
      const page = await api('census.officers.page', { offset, limit, sort, filter });
      setCount(page.total);
      return page;
    },
    (e) => setMessage({ ok: false, text: explain(e) }),
  );
  // Another clerk's import, edit or assignment moves the rows and loads here too.
  useChanges(['census'], registry.refresh);
  const officer = useOperation('census.officers.load', picked ? { kode: picked } : null, { topics: ['census'] }).data
    ?.officer;
  const candidates = useOperation(
    'census.officers.page',
    officer?.aktif
      ? {
          offset: 0,
          limit: CANDIDATE_ROWS,
          filter: { peran: officer.peran, kecamatan: officer.kecamatanKode, aktif: true },
        }
      : null,
    { topics: ['census'] },
  ).data?.rows.filter((o) => o.kode !== officer?.kode);

  const columns = useMemo<ColDef<OfficerRow>[]>(
    () =>
      serverColumns<OfficerRow>(
        [
          codeColumn<OfficerRow>('kode', t('census.col.kode'), 'PML-3316-0000'),
          { field: 'nama', headerName: t('census.col.nama'), flex: 1, minWidth: 140, ...edit },
          {
            field: 'peran',
            headerName: t('census.col.peran'),
            width: 90,
            valueFormatter: (p) => labelOf(t, ROLE_LABELS, p.value),
          },
          numberColumn<OfficerRow>('sls', t('census.col.slsCount'), { width: 80 }),
          numberColumn<OfficerRow>('kk', t('census.col.kk'), { width: 100 }),
          numberColumn<OfficerRow>('teamSize', t('census.col.team'), { width: 80 }),
          { field: 'kecamatanNama', headerName: t('census.col.kecamatan'), width: 120 },
          codeColumn<OfficerRow>('atasanKode', t('census.col.atasan'), 'PML-3316-0000', edit),
          codeColumn<OfficerRow>('telepon', t('census.col.telepon'), '+6280000000000', edit),
          { field: 'aktif', headerName: t('census.col.aktif'), width: 80, ...edit, cellDataType: 'boolean' },
          dateColumn<OfficerRow>('mulai', t('census.col.mulai'), { ...edit, cellDataType: 'text' }),
        ],
        OFFICER_SORTS,
      ),
    [t, edit],
  );

  async function saveEdit(e: CellValueChangedEvent<OfficerRow>) {
    if (e.source === REVERT) return;
    const field = e.colDef.field as Editable;
    const value = field === 'aktif' ? Boolean(e.newValue) : String(e.newValue ?? '');
    try {
      const saved = await api('census.officers.update', { kode: e.data.kode, version: e.data.version, [field]: value });
      e.node.setData(saved);
      setMessage(null);
    } catch (error) {
      e.node.setDataValue(field, e.oldValue, REVERT);
      setMessage({ ok: false, text: explain(error) });
    }
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
    } catch (error) {
      setMessage({ ok: false, text: explain(error) });
    }
  }

  return (
    <div className="census-work officers">
      <div className="panel tree-panel">
        <div className="panel-bar">
          <h2>{t('census.tree.title')}</h2>
          <KecamatanSelect value={kecamatanFilter} onChange={(kode) => setParam('kecamatan', kode)} />
        </div>
        <SupervisionTree kecamatan={kecamatanFilter} onPick={setPicked} />
      </div>
      <div className="panel">
        <div className="panel-bar">
          <h2>{t('census.officers.title')}</h2>
          <select
            aria-label={t('census.col.peran')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
          >
            <option value="">{t('census.allPeran')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {labelOf(t, ROLE_LABELS, r)}
              </option>
            ))}
          </select>
          <input
            type="search"
            className="quick-filter"
            placeholder={t('census.quickFilter')}
            aria-label={t('census.quickFilterOfficers')}
            value={quickFilter}
            onChange={(e) => setQuickFilter(e.target.value)}
          />
          {count !== null && (
            <span className="muted" data-testid="officer-count">
              {t('census.officers.count', { n: formatNumber(count) })}
            </span>
          )}
        </div>
        <NoticeLine notice={message} />
        {/* The server-side grid shows no "no rows" overlay: the hint stands above it, as on the SLS tab. */}
        {count === 0 && !filter.kecamatan && !filter.peran && !filter.text && (
          <EmptyHint text={t('census.empty.officers')} action={toFiles} />
        )}
        <ReadOnlyNote guard={updateGuard} />
        <DataGrid<OfficerRow>
          testId="officer-grid"
          {...registry.gridProps}
          columnDefs={columns}
          getRowId={(p) => p.data.kode}
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
                    {(candidates ?? []).map((o) => (
                      <option key={o.kode} value={o.kode}>
                        {officerLabel(o)} ({o.kecamatanNama})
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  className="secondary"
                  {...retireGuard.props}
                  disabled={!retireGuard.allowed}
                  onClick={() => void retire()}
                >
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
