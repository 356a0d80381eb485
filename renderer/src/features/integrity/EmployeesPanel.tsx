import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColDef, GridApi } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, dateColumn } from '../../components/DataGrid';
import { fileToSource } from '../../components/files';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { today } from '../../../../common/dates';
import { ActionError, useAction } from './action';
import { EmployeeRecord } from './EmployeeRecord';
import type { OpdDetail } from './OpdView';
import { DateField } from '../../components/DateField';
import { useOpGuard } from '../../components/op-guard';

type Employee = OpdDetail['employees'][number];
type Declaration = OpOutput<'integrity.declaration.list'>[number];
const FILTERS = ['all', 'signed', 'unsigned', 'new'] as const;

/** The OPD's employees: tick many, record their signed pacts in one action; filter signed / not yet / new. */
export function EmployeesPanel({ detail, onChanged }: { detail: OpdDetail; onChanged: () => void }) {
  const t = useT();
  const signGuard = useOpGuard('integrity.pact.sign');
  const attachGuard = useOpGuard('integrity.pact.attachScan');
  const revokeGuard = useOpGuard('integrity.pact.revoke');
  const go = useRoute((s) => s.go);
  const [filter, setFilter] = useState<(typeof FILTERS)[number]>('all');
  const [selected, setSelected] = useState<Employee[]>([]);
  const [events, setEvents] = useState<Declaration[]>([]);
  const [eventId, setEventId] = useState<number | null>(null);
  const [date, setDate] = useState(today());
  const [scan, setScan] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const { busy, error, run } = useAction();
  const kode = detail.opd.kode;
  const grid = useRef<GridApi<Employee> | null>(null);
  // The counter is what signing stores: ticked employees whose pact is not recorded yet.
  const toSign = selected.filter((e) => !e.pactId).length;

  useEffect(() => {
    void api('integrity.declaration.list', {}).then((all) => {
      const mine = all.filter((e) => e.opd.includes(kode));
      setEvents(mine);
      setEventId(mine.at(-1)?.id ?? null);
    });
  }, [kode]);

  const rows = useMemo(() => {
    const isNew = new Set(detail.newUnsigned);
    if (filter === 'signed') return detail.employees.filter((e) => e.pactId);
    if (filter === 'unsigned') return detail.employees.filter((e) => !e.pactId);
    if (filter === 'new') return detail.employees.filter((e) => isNew.has(e.id));
    return detail.employees;
  }, [detail, filter]);

  const columns = useMemo<ColDef<Employee>[]>(
    () => [
      { field: 'nama', headerName: t('integrity.nama'), flex: 1, minWidth: 180 },
      { field: 'nipMasked', headerName: t('integrity.nip'), width: 190 },
      { field: 'jabatan', headerName: t('integrity.jabatan'), width: 170, wrapText: true, autoHeight: true },
      { field: 'status', headerName: t('integrity.status'), width: 100 },
      dateColumn('signedAt', t('integrity.signedAt'), { width: 120 }),
      {
        field: 'eventId',
        headerName: t('integrity.event'),
        width: 90,
        valueFormatter: (p) => (p.value ? `#${p.value}` : ''),
      },
      dateColumn('spOnlineAt', t('integrity.spOnline'), { width: 120 }),
    ],
    [t],
  );

  async function sign() {
    const out = await run(async () =>
      api('integrity.pact.sign', {
        opd: kode,
        employeeIds: selected.map((e) => e.id),
        signedAt: date,
        eventId,
        scan: scan ? await fileToSource(scan) : undefined,
      }),
    );
    if (out) {
      setDone(t('integrity.signedDone', { n: out.signed, already: out.alreadySigned }));
      grid.current?.deselectAll();
      setSelected([]);
      onChanged();
    }
  }

  async function attachScan() {
    const pactIds = selected.flatMap((e) => (e.pactId ? [e.pactId] : []));
    const out = await run(async () =>
      api('integrity.pact.attachScan', { pactIds, scan: await fileToSource(scan as File) }),
    );
    if (out) setDone(t('integrity.scanAttached', { n: out.pacts }));
  }

  async function revoke() {
    const reason = window.prompt(t('integrity.revokeReason'));
    if (!reason) return;
    const ok = await run(async () => {
      for (const e of selected) if (e.pactId) await api('integrity.pact.revoke', { pactId: e.pactId, reason });
      return true;
    });
    if (ok) onChanged();
  }

  return (
    <div className="panel zi-grow">
      <div className="panel-bar zi-wrap">
        <div className="zi-filters" role="radiogroup">
          {FILTERS.map((f) => (
            <label key={f}>
              <input type="radio" name="zi-filter" checked={filter === f} onChange={() => setFilter(f)} />
              {f === 'new' ? t('integrity.filter.new', { n: detail.newUnsigned.length }) : t(`integrity.filter.${f}`)}
            </label>
          ))}
        </div>
      </div>
      <div className="panel-bar zi-wrap">
        <label>
          {t('integrity.event')}{' '}
          <select
            aria-label={t('integrity.event')}
            value={eventId ?? ''}
            onChange={(e) => setEventId(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('integrity.individual')}</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                #{e.id} {formatDate(e.date)} {e.place}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('integrity.signDate')} <DateField aria-label={t('integrity.signDate')} value={date} onChange={setDate} />
        </label>
        <label>
          {t('integrity.scan')}{' '}
          <input
            type="file"
            aria-label={t('integrity.scan')}
            accept=".pdf,.png,.jpg,.jpeg"
            {...attachGuard.props}
            disabled={!attachGuard.allowed}
            onChange={(e) => setScan(e.target.files?.[0] ?? null)}
          />
        </label>
        <button
          type="button"
          className="primary"
          {...signGuard.props}
          disabled={busy || !toSign || !signGuard.allowed}
          onClick={() => void sign()}
        >
          {t('integrity.signSelected', { n: toSign })}
        </button>
        <button
          type="button"
          {...attachGuard.props}
          disabled={busy || !scan || !selected.some((e) => e.pactId) || !attachGuard.allowed}
          onClick={() => void attachScan()}
        >
          {t('integrity.attachScan')}
        </button>
        <button
          type="button"
          {...revokeGuard.props}
          disabled={busy || !selected.some((e) => e.pactId) || !revokeGuard.allowed}
          onClick={() => void revoke()}
        >
          {t('integrity.revoke')}
        </button>
      </div>
      {done && <p role="status">{done}</p>}
      <ActionError error={error} />
      <p className="muted">{t('integrity.openRecordHint')}</p>
      {open !== null && <EmployeeRecord id={open} onClose={() => setOpen(null)} />}
      <DataGrid<Employee>
        testId="zi-employee-grid"
        rowData={rows}
        empty={{
          text: t('integrity.empty.employees'),
          action: { label: t('integrity.empty.toOverview'), go: () => go('zi', {}) },
        }}
        columnDefs={columns}
        getRowId={(p) => String(p.data.id)}
        rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
        onGridReady={(e) => {
          grid.current = e.api;
        }}
        onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
        // Rows reloaded after a change carry the stored pact: the ticked list is re-read from them.
        onRowDataUpdated={(e) => setSelected(e.api.getSelectedRows())}
        onRowDoubleClicked={(e) => e.data && setOpen(e.data.id)}
      />
    </div>
  );
}
