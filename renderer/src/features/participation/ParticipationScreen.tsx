import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber, formatPercent } from '../../../../common/format';
import { participationHeadline } from '../../../../common/headline';
import { api } from '../../api/client';
import { DataGrid, numberColumn } from '../../components/DataGrid';
import { ExportButtons } from '../../components/ExportButtons';
import { OFFICE_SPREADSHEETS } from '../../components/files';
import { ImportPanel } from '../../components/ImportPanel';
import { useImportExpectations } from '../../components/import-expectations';
import { useT } from '../../i18n';
import { useOffice } from '../../store/office';
import { useRoute } from '../../store/route';
import { CurveChart } from '../progress/charts';
import { SessionsPanel } from './SessionsPanel';
import { TargetForm, type Place } from './TargetForm';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';
import { useOpGuard } from '../../components/op-guard';
import { EmptyHint } from '../../components/EmptyHint';

type ByKecamatan = OpOutput<'participation.kecamatan'>;
type Row = ByKecamatan['rows'][number];
type Curve = OpOutput<'participation.curve'>;

function useParticipationColumns(): ColDef<Row>[] {
  const t = useT();
  return useMemo<ColDef<Row>[]>(() => {
    const pct = (field: keyof Row, header: string, width = 110) =>
      numberColumn<Row>(field, header, { width, valueFormatter: (p) => formatPercent(p.value as number | null) });
    return [
      // A rank is sorted, not filtered: no filter button beside its header.
      numberColumn('rank', t('participation.col.rank'), { width: 65, sort: 'asc', filter: false }),
      { field: 'nama', headerName: t('participation.col.nama'), flex: 1, minWidth: 120 },
      numberColumn('kkOnline', t('participation.col.kkOnline'), { width: 105 }),
      numberColumn('pendudukOnline', t('participation.col.pendudukOnline'), { width: 125 }),
      numberColumn('kkBaseline', t('participation.col.kkBaseline'), { width: 100 }),
      pct('rateKkPct', t('participation.col.rateKk')),
      pct('ratePendudukPct', t('participation.col.ratePenduduk'), 130),
      pct('targetPct', t('participation.col.target'), 85),
      pct('attainmentPct', t('participation.col.attainment'), 120),
    ];
  }, [t]);
}

/** SP Online: imports, the kecamatan ranking and villages against targets, curves with jemput bola sessions. */
export function ParticipationScreen() {
  const t = useT();
  const dailyImportGuard = useOpGuard('participation.import');
  const baselineImportGuard = useOpGuard('participation.importBaseline');
  const expects = useImportExpectations('participation');
  const office = useOffice((s) => s.office);
  const kecamatan = useRoute((s) => s.params.kecamatan ?? '');
  const desa = useRoute((s) => s.params.desa ?? '');
  const setParam = useRoute((s) => s.setParam);
  const go = useRoute((s) => s.go);
  const [byKecamatan, setByKecamatan] = useState<ByKecamatan | null>(null);
  const [villages, setVillages] = useState<Row[]>([]);
  const [curve, setCurve] = useState<Curve | null>(null);
  const [error, setError] = useState<string | null>(null);
  const columns = useParticipationColumns();

  const fail = useCallback((e: unknown) => setError(explain(e)), []);
  const load = useCallback(() => {
    api('participation.kecamatan', {}).then(setByKecamatan, fail);
    if (kecamatan) api('participation.desa', { kecamatan }).then((d) => setVillages(d.rows), fail);
    else setVillages([]);
    api('participation.curve', { desa: desa || null }).then(setCurve, fail);
  }, [kecamatan, desa, fail]);
  useEffect(load, [load]);

  const places = useMemo<Place[]>(() => {
    if (!byKecamatan) return [];
    const sorted = [...byKecamatan.rows].sort((a, b) => a.kode.localeCompare(b.kode));
    // The regency's name says what it is ("KABUPATEN BLORA", "KOTA SEMARANG").
    return [byKecamatan.regency, ...sorted, ...[...villages].sort((a, b) => a.kode.localeCompare(b.kode))];
  }, [byKecamatan, villages]);
  const kecamatanName = byKecamatan?.rows.find((r) => r.kode === kecamatan)?.nama;
  const desaName = villages.find((v) => v.kode === desa)?.nama;
  // No target anywhere: the ranking's target columns stay empty until one is set in the form above.
  const noTargets =
    byKecamatan !== null && byKecamatan.regency.targetPct == null && byKecamatan.rows.every((r) => r.targetPct == null);

  return (
    <section className="screen sponline-screen">
      <header className="screen-header">
        <div>
          <h1>{t('participation.title')}</h1>
          <p className="headline" data-testid="sponline-headline">
            {byKecamatan && (participationHeadline(byKecamatan.regency, byKecamatan.asOf) ?? t('participation.noData'))}
          </p>
        </div>
        <div className="button-row">
          <ExportButtons
            label={t('participation.exportKecamatan')}
            make={(format, onProgress) => api('participation.export', { level: 'kecamatan', format }, { onProgress })}
          />
          <ExportButtons
            label={t('participation.exportDesa')}
            make={(format, onProgress) => api('participation.export', { level: 'desa', format }, { onProgress })}
          />
        </div>
      </header>
      <ErrorLine message={error} />
      <div className="dashboard-row">
        <ImportPanel
          title={t('participation.importDaily')}
          accept={OFFICE_SPREADSHEETS}
          guard={dailyImportGuard}
          importFile={(file, onProgress) => api('participation.import', { file }, { onProgress })}
          expects={expects('spOnline')}
          summary={(r) => (
            <>
              {t('participation.importedDaily', {
                rows: formatNumber(r.rows),
                added: formatNumber(r.added),
                replaced: formatNumber(r.replaced),
                unchanged: formatNumber(r.unchanged),
                drops: formatNumber(r.dropCount),
              })}
              {r.changes.slice(0, 5).map((c) => (
                <div key={`${c.kodeDesa}-${c.tanggal}`} className="muted">
                  {t('participation.replaced', {
                    desa: c.kodeDesa,
                    date: c.tanggal,
                    from: formatNumber(c.before.kkOnline),
                    to: formatNumber(c.after.kkOnline),
                  })}
                </div>
              ))}
            </>
          )}
          onImported={load}
        />
        <ImportPanel
          title={t('participation.importBaseline')}
          accept={OFFICE_SPREADSHEETS}
          guard={baselineImportGuard}
          importFile={(file, onProgress) => api('participation.importBaseline', { file }, { onProgress })}
          expects={expects('baseline')}
          summary={(r) =>
            t('participation.importedBaseline', {
              rows: formatNumber(r.rows),
              added: formatNumber(r.added),
              updated: formatNumber(r.updated),
              unchanged: formatNumber(r.unchanged),
            })
          }
          onImported={load}
        />
      </div>
      {office && places.length > 0 && (
        <TargetForm places={places} initial={desa || kecamatan || office.kabupaten} onSaved={load} />
      )}
      <div className="stack">
        <section className="panel" aria-label={t('participation.ranking')}>
          <div className="panel-bar">
            <h2>{t('participation.ranking')}</h2>
          </div>
          {noTargets && <EmptyHint text={t('participation.empty.targets')} />}
          <DataGrid<Row>
            testId="sponline-ranking"
            height={400}
            rowData={byKecamatan?.rows ?? []}
            columnDefs={columns}
            getRowId={(p) => p.data.kode}
            onRowClicked={(e) => {
              if (!e.data) return;
              setParam('desa', null);
              setParam('kecamatan', e.data.kode);
            }}
            rowClassRules={{ 'row-selected': (p) => p.data?.kode === kecamatan }}
          />
        </section>
        <section className="panel" aria-label={t('participation.villages')}>
          <div className="panel-bar">
            <h2>
              {kecamatanName
                ? t('participation.villagesOf', { kecamatan: kecamatanName })
                : t('participation.villages')}
            </h2>
          </div>
          <DataGrid<Row>
            testId="sponline-villages"
            height={400}
            rowData={villages}
            columnDefs={columns}
            getRowId={(p) => p.data.kode}
            onRowClicked={(e) => e.data && setParam('desa', e.data.kode)}
            rowClassRules={{ 'row-selected': (p) => p.data?.kode === desa }}
          />
        </section>
      </div>
      <div className="dashboard-row">
        <section className="panel">
          {curve && (
            <CurveChart
              curve={curve}
              title={desaName ? t('participation.curveOf', { desa: desaName }) : t('participation.curve')}
              testId="sponline-curve"
            />
          )}
        </section>
        <SessionsPanel desa={desa || null} desaNama={desaName} sessions={curve?.sessions ?? []} onChanged={load} />
      </div>
      {/* ASN participation per OPD lives with the employee registry (Zona Integritas); this is its link point. */}
      <section className="panel asn-hook" aria-label={t('participation.asn')}>
        <div className="panel-bar">
          <h2>{t('participation.asn')}</h2>
          <button type="button" className="link" onClick={() => go('zi', { view: 'sponline-asn' })}>
            {t('participation.asnOpen')}
          </button>
        </div>
        <p className="muted">{t('participation.asnText')}</p>
      </section>
    </section>
  );
}
