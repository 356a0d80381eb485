import { useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber, formatPercent } from '../../../../common/format';
import { outOfBounds, summariseLoads } from '../../../../common/officer-loads';
import { api } from '../../api/client';
import { DataGrid, codeColumn, idColumn, numberColumn } from '../../components/DataGrid';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine, type Notice } from './controls';
import { useOpGuard } from '../../components/op-guard';
import { ReadOnlyNote, editableBy } from '../../components/GuardedCells';

type Proposal = OpOutput<'census.assignments.propose'>;
type Item = Proposal['items'][number];

/** Auto-balance a kecamatan: see the proposal with per-PPL loads, edit it, accept it (one transaction) or discard it. */
export function BalanceTab() {
  const t = useT();
  const applyGuard = useOpGuard('census.assignments.applyBalance');
  const kecamatanFilter = useRoute((s) => s.params.kecamatan ?? '');
  const setParam = useRoute((s) => s.setParam);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Notice | null>(null);
  /** Accept was pressed while a PPL lies outside the bounds: ask before applying. */
  const [confirming, setConfirming] = useState(false);

  async function propose() {
    setBusy(true);
    setMessage(null);
    try {
      const p = await api('census.assignments.propose', { kecamatan: kecamatanFilter });
      setProposal(p);
      setItems(p.items);
      setConfirming(false);
    } catch (e) {
      setMessage({ ok: false, text: explain(e) });
    } finally {
      setBusy(false);
    }
  }
  async function accept(confirmed: boolean) {
    if (!proposal) return;
    if (outside.length && !confirmed) return setConfirming(true);
    setConfirming(false);
    setBusy(true);
    try {
      const r = await api('census.assignments.applyBalance', {
        kecamatan: proposal.kecamatan.kode,
        items: items.map(({ slsId, officerCode }) => ({ slsId, officerCode })),
        confirmOutOfBounds: confirmed,
      });
      setMessage({
        ok: true,
        text: t('census.balance.applied', { assigned: r.assigned, moved: r.moved, unchanged: r.unchanged }),
      });
      setProposal(null);
    } catch (e) {
      setMessage({ ok: false, text: explain(e) });
    } finally {
      setBusy(false);
    }
  }

  const officerCodes = useMemo(() => proposal?.officers.map((o) => o.kode) ?? [], [proposal]);
  const summary = useMemo(() => summariseLoads(items, officerCodes), [items, officerCodes]);
  const outside = useMemo(() => outOfBounds(summary, proposal?.tolerance), [summary, proposal]);
  const names = useMemo(() => new Map(proposal?.officers.map((o) => [o.kode, o.nama])), [proposal]);
  const columns = useMemo<ColDef<Item>[]>(
    () => [
      idColumn<Item>('slsId', t('census.col.slsId')),
      { field: 'desaNama', headerName: t('census.col.desa'), width: 130 },
      codeColumn('officerCode', t('census.balance.proposed'), 'PML-3316-0000', {
        // The proposal is edited to be applied: a role that may not apply it may not edit it.
        ...editableBy<Item>(applyGuard),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: officerCodes },
      }),
      numberColumn<Item>('estimatedHouseholds', t('census.col.estimatedHouseholds'), { width: 110 }),
      codeColumn('currentKode', t('census.balance.current'), 'PML-3316-0000'),
      { field: 'nama', headerName: t('census.col.nama'), flex: 1, minWidth: 120 },
    ],
    [t, officerCodes, applyGuard],
  );

  return (
    <div className="balance">
      <div className="panel-bar">
        <KecamatanSelect
          value={kecamatanFilter}
          onChange={(kode) => {
            setParam('kecamatan', kode);
            setProposal(null);
          }}
          allLabel={t('census.balance.chooseKecamatan')}
        />
        <button
          type="button"
          className="primary"
          title={kecamatanFilter ? undefined : t('census.balance.proposeNeedsKecamatan')}
          disabled={!kecamatanFilter || busy}
          onClick={() => void propose()}
        >
          {t('census.balance.propose')}
        </button>
        <span className="muted">{t('census.balance.explain')}</span>
      </div>
      <NoticeLine notice={message} />
      {proposal && (
        <div className="census-work">
          <div className="panel">
            <div className="panel-bar">
              <h2>{t('census.balance.items', { kecamatan: proposal.kecamatan.nama })}</h2>
              <button
                type="button"
                className="primary"
                {...applyGuard.props}
                disabled={busy || summary.unassigned > 0 || !applyGuard.allowed}
                onClick={() => void accept(false)}
              >
                {t('census.balance.accept')}
              </button>
              <button type="button" className="secondary" disabled={busy} onClick={() => setProposal(null)}>
                {t('census.balance.discard')}
              </button>
            </div>
            {confirming && outside.length > 0 && (
              <div className="warning" role="alertdialog" aria-label={t('census.balance.confirmTitle')}>
                <p>
                  <strong>{t('census.balance.confirmTitle')}</strong>{' '}
                  {t('census.balance.confirmText', {
                    n: outside.length,
                    tol: proposal.tolerance * 100,
                    mean: formatNumber(Math.round(summary.meanKk)),
                  })}
                </p>
                <ul data-testid="out-of-bounds">
                  {outside.map((l) => (
                    <li key={l.kode}>
                      {t(l.deviation > 0 ? 'census.balance.pplAbove' : 'census.balance.pplBelow', {
                        ppl: `${l.kode} · ${names.get(l.kode)}`,
                        kk: formatNumber(l.kk),
                        dev: formatPercent(Math.abs(l.deviation) * 100),
                      })}
                    </li>
                  ))}
                </ul>
                <div className="button-row">
                  <button type="button" className="primary" disabled={busy} onClick={() => void accept(true)}>
                    {t('census.balance.applyAnyway')}
                  </button>
                  <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            )}
            <ReadOnlyNote guard={applyGuard} />
            <DataGrid<Item>
              testId="proposal-grid"
              rowData={items}
              columnDefs={columns}
              getRowId={(p) => p.data.slsId}
              onCellValueChanged={(e) => {
                setConfirming(false);
                setItems((list) => list.map((i) => (i.slsId === e.data.slsId ? { ...e.data } : i)));
              }}
            />
          </div>
          <div className="panel side">
            <p data-testid="balance-summary" className={summary.withinTolerance ? 'ok' : 'error'}>
              {t('census.balance.summary', {
                mean: formatNumber(Math.round(summary.meanKk)),
                target: formatNumber(proposal.targetLoadKk),
                dev: formatPercent(summary.maxDeviation * 100),
                tol: proposal.tolerance * 100,
              })}{' '}
              {summary.withinTolerance ? t('census.balance.within') : t('census.balance.outside')}
            </p>
            {proposal.notes.map((n) => (
              <p key={n} className="warning">
                {n}
              </p>
            ))}
            <table className="plain-table" data-testid="balance-loads">
              <thead>
                <tr>
                  <th>{t('census.col.ppl')}</th>
                  <th>SLS</th>
                  <th>KK</th>
                  <th>{t('census.balance.deviation')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.loads.map((l) => (
                  <tr key={l.kode} className={Math.abs(l.deviation) > proposal.tolerance ? 'out' : ''}>
                    <td>
                      {l.kode} · {names.get(l.kode)}
                    </td>
                    <td className="num">{formatNumber(l.sls)}</td>
                    <td className="num">{formatNumber(l.kk)}</td>
                    <td className="num">{formatPercent(l.deviation * 100)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
