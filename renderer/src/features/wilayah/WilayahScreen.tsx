import { useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { DataGrid, codeColumn, numberColumn } from '../../components/DataGrid';
import { labelOf, useT } from '../../i18n';
import { useOffice } from '../../store/office';
import { useRoute } from '../../store/route';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';
import { EmptyHint } from '../../components/EmptyHint';
import { useToSlsImport } from '../census/to-files';

type KecamatanRow = OpOutput<'wilayah.kecamatan'>[number];
type DesaRow = OpOutput<'wilayah.desa'>[number];

/** Kecamatan on the left; the villages of the chosen one (or all) on the right. */
export function WilayahScreen() {
  const t = useT();
  const office = useOffice((s) => s.office);
  const selected = useRoute((s) => s.params.kecamatan ?? '');
  const setParam = useRoute((s) => s.setParam);
  const go = useRoute((s) => s.go);
  const toSlsImport = useToSlsImport();
  const [kecamatan, setKecamatan] = useState<KecamatanRow[]>([]);
  const [desa, setDesa] = useState<DesaRow[]>([]);
  const [quickFilter, setQuickFilter] = useState('');
  const [displayed, setDisplayed] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api('wilayah.kecamatan', {}).then(setKecamatan, (e: unknown) => setError(explain(e)));
    api('wilayah.desa', {}).then(setDesa, (e: unknown) => setError(explain(e)));
  }, []);

  const total = useMemo<KecamatanRow[]>(
    () => [
      kecamatan.reduce(
        (sum, k) => {
          sum.desa += k.desa;
          sum.kelurahan += k.kelurahan;
          sum.sls += k.sls;
          sum.estimatedHouseholds += k.estimatedHouseholds;
          return sum;
        },
        { kode: '', nama: t('wilayah.total'), desa: 0, kelurahan: 0, sls: 0, estimatedHouseholds: 0 },
      ),
    ],
    [kecamatan, t],
  );
  const shownDesa = useMemo(
    () => (selected ? desa.filter((d) => d.kecamatanKode === selected) : desa),
    [desa, selected],
  );

  const kecamatanColumns = useMemo<ColDef<KecamatanRow>[]>(
    () => [
      codeColumn('kode', t('wilayah.kode'), '33.16.00'),
      { field: 'nama', headerName: t('wilayah.nama'), flex: 1, minWidth: 110 },
      numberColumn('desa', t('wilayah.jumlahDesa'), { width: 75 }),
      numberColumn('kelurahan', t('wilayah.jumlahKelurahan'), { width: 95 }),
      numberColumn('sls', t('wilayah.sls'), { width: 75 }),
      numberColumn('estimatedHouseholds', t('wilayah.estimatedHouseholds'), { width: 120 }),
    ],
    [t],
  );
  const desaColumns = useMemo<ColDef<DesaRow>[]>(
    () => [
      codeColumn('kode', t('wilayah.kode'), '33.16.00.0000'),
      { field: 'nama', headerName: t('wilayah.nama'), flex: 1, minWidth: 150 },
      {
        field: 'jenis',
        headerName: t('wilayah.jenis'),
        width: 130,
        valueFormatter: (p) =>
          labelOf(t, { desa: 'wilayah.jenis.desa', kelurahan: 'wilayah.jenis.kelurahan' }, p.value),
      },
      { field: 'kecamatanNama', headerName: t('wilayah.kecamatan'), width: 150 },
      numberColumn('sls', t('wilayah.sls'), { width: 90 }),
      numberColumn('estimatedHouseholds', t('wilayah.estimatedHouseholds')),
    ],
    [t],
  );

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <h1>{t('wilayah.title')}</h1>
          <p className="muted" data-testid="wilayah-summary">
            {office?.nama} ·{' '}
            {t('wilayah.summary', { kecamatan: formatNumber(kecamatan.length), desa: formatNumber(desa.length) })}
          </p>
        </div>
      </header>
      <ErrorLine message={error} />
      {kecamatan.length > 0 && total[0].sls === 0 && <EmptyHint text={t('wilayah.empty.sls')} action={toSlsImport} />}
      <div className="split wide-grids">
        <div className="panel">
          <div className="panel-bar">
            <h2>{t('wilayah.kecamatan')}</h2>
            <button type="button" className="link" onClick={() => setParam('kecamatan', null)} disabled={!selected}>
              {t('wilayah.allKecamatan')}
            </button>
          </div>
          <DataGrid<KecamatanRow>
            testId="kecamatan-grid"
            rowData={kecamatan}
            pinnedBottomRowData={total}
            columnDefs={kecamatanColumns}
            getRowId={(p) => p.data.kode}
            rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
            onRowClicked={(e) => e.data?.kode && setParam('kecamatan', e.data.kode)}
            rowClassRules={{ 'row-selected': (p) => p.data?.kode === selected }}
          />
        </div>
        <div className="panel">
          <div className="panel-bar">
            <h2>
              {t('wilayah.desa')}
              {selected && ` — ${kecamatan.find((k) => k.kode === selected)?.nama ?? selected}`}
            </h2>
            <button
              type="button"
              className="link"
              onClick={() => go('petugas', { tab: 'sls', ...(selected ? { kecamatan: selected } : {}) })}
            >
              {t('census.openSls')}
            </button>
            <span className="muted" data-testid="desa-count">
              {t('wilayah.shown', { n: formatNumber(displayed) })}
            </span>
            <input
              type="search"
              className="quick-filter"
              placeholder={t('wilayah.quickFilter')}
              aria-label={t('wilayah.quickFilter')}
              value={quickFilter}
              onChange={(e) => setQuickFilter(e.target.value)}
            />
          </div>
          <DataGrid<DesaRow>
            testId="desa-grid"
            rowData={shownDesa}
            columnDefs={desaColumns}
            getRowId={(p) => p.data.kode}
            quickFilterText={quickFilter}
            onModelUpdated={(e) => setDisplayed(e.api.getDisplayedRowCount())}
            onRowDoubleClicked={(e) =>
              e.data && go('petugas', { tab: 'sls', kecamatan: e.data.kecamatanKode, desa: e.data.kode })
            }
          />
        </div>
      </div>
    </section>
  );
}
