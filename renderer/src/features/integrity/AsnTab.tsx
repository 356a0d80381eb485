import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber, formatPercent } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, codeColumn, numberColumn } from '../../components/DataGrid';
import { useT } from '../../i18n';
import { today } from '../../../../common/dates';
import { ActionError, useAction } from './action';
import { DateField } from '../../components/DateField';
import { useOpGuard } from '../../components/op-guard';

type Participation = OpOutput<'integrity.asn.participation'>;
type Row = Participation['rows'][number];

/** ASN participation in SP Online per OPD against 100%, ranked; marks from a pasted NIP list. */
export function AsnTab() {
  const t = useT();
  const markGuard = useOpGuard('integrity.asn.spOnline.mark');
  const [data, setData] = useState<Participation | null>(null);
  const [text, setText] = useState('');
  const [date, setDate] = useState(today());
  const [done, setDone] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const load = useCallback(() => void run(async () => setData(await api('integrity.asn.participation', {}))), [run]);
  useEffect(load, [load]);

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      numberColumn('rank', t('integrity.rank'), { width: 90 }),
      codeColumn('kode', t('integrity.kode'), 'OPD-00'),
      { field: 'nama', headerName: t('integrity.nama'), flex: 1, minWidth: 220, wrapText: true, autoHeight: true },
      numberColumn('asn', t('integrity.asn.asn'), { width: 90 }),
      numberColumn('done', t('integrity.asn.done'), { width: 90 }),
      {
        ...numberColumn('ratePct', t('integrity.asn.rate'), { width: 120 }),
        valueFormatter: (p) => formatPercent(p.value as number),
      },
    ],
    [t],
  );

  async function mark() {
    const nips = text.split(/[\s,;]+/).filter(Boolean);
    const out = await run(() => api('integrity.asn.spOnline.mark', { nips, date }));
    if (out) {
      setDone(t('integrity.asn.marked', out));
      setText('');
      load();
    }
  }

  return (
    <div className="zi-columns zi-grow wide-grids">
      <div className="panel zi-grow">
        {data && (
          <h2 data-testid="zi-asn-headline">
            {t('integrity.asn.headline', {
              done: formatNumber(data.total.done),
              asn: formatNumber(data.total.asn),
              pct: formatPercent(data.total.ratePct),
            })}
          </h2>
        )}
        <DataGrid<Row>
          testId="zi-asn-grid"
          rowData={data?.rows ?? []}
          columnDefs={columns}
          getRowId={(p) => p.data.kode}
        />
      </div>
      <div className="panel">
        <label className="zi-form">
          {t('integrity.asn.paste')}
          <textarea
            rows={10}
            aria-label={t('integrity.asn.paste')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label>
          {t('integrity.asn.date')} <DateField aria-label={t('integrity.asn.date')} value={date} onChange={setDate} />
        </label>
        <button
          type="button"
          className="primary"
          {...markGuard.props}
          disabled={busy || !text.trim() || !markGuard.allowed}
          onClick={() => void mark()}
        >
          {t('integrity.asn.mark')}
        </button>
        {done && <p role="status">{done}</p>}
        <ActionError error={error} />
      </div>
    </div>
  );
}
