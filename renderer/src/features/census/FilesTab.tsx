import { useState } from 'react';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { ExportButtons } from '../../components/ExportButtons';
import { saveExportedFile, OFFICE_SPREADSHEETS } from '../../components/files';
import { ImportPanel } from '../../components/ImportPanel';
import { useImportExpectations } from '../../components/import-expectations';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { KecamatanSelect, NoticeLine } from './controls';
import { useCensus } from './store';
import { explain } from '../../i18n/problems';
import { useOpGuard } from '../../components/op-guard';

/** Import the SLS master and the officer list; export assignments (XLSX/CSV) and surat tugas (PDF). */
export function FilesTab() {
  const t = useT();
  const slsImportGuard = useOpGuard('census.sls.import');
  const officersImportGuard = useOpGuard('census.officers.import');
  const kecamatanFilter = useRoute((s) => s.params.kecamatan ?? '');
  const setParam = useRoute((s) => s.setParam);
  const { loadReference } = useCensus.getState();
  const expects = useImportExpectations('census');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scope = kecamatanFilter ? { kecamatan: kecamatanFilter } : {};

  async function download(make: () => Promise<Parameters<typeof saveExportedFile>[0]>) {
    setBusy(true);
    setError(null);
    try {
      await saveExportedFile(await make());
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="files-tab">
      <ImportPanel
        title={t('census.import.sls')}
        accept={OFFICE_SPREADSHEETS}
        guard={slsImportGuard}
        importFile={(file, onProgress) => api('census.sls.import', { file }, { onProgress })}
        expects={expects('sls')}
        summary={(r) => (
          <>
            {t('census.import.slsSummary', {
              rows: formatNumber(r.rows),
              added: r.added,
              updated: r.updated,
              unchanged: r.unchanged,
              removed: r.removed,
            })}
            {r.vanished.length > 0 && (
              <span className="warning">
                {' '}
                {t('census.import.vanished', { n: r.vanished.length, list: r.vanished.map((v) => v.slsId).join(', ') })}
              </span>
            )}
          </>
        )}
        onImported={() => void loadReference()}
      />
      <ImportPanel
        title={t('census.import.officers')}
        accept={OFFICE_SPREADSHEETS}
        guard={officersImportGuard}
        importFile={(file, onProgress) => api('census.officers.import', { file }, { onProgress })}
        expects={expects('officers')}
        summary={(r) =>
          t('census.import.officersSummary', {
            rows: r.rows,
            koseka: r.byRole.KOSEKA,
            pml: r.byRole.PML,
            ppl: r.byRole.PPL,
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
          })
        }
      />
      <section className="panel export-panel" aria-label={t('census.export.title')}>
        <h2>{t('census.export.title')}</h2>
        <div className="panel-bar">
          <KecamatanSelect
            value={kecamatanFilter}
            onChange={(kode) => setParam('kecamatan', kode)}
            label={t('census.export.scope')}
          />
          <ExportButtons
            label={t('census.export.assignments')}
            make={(format, onProgress) => api('census.assignments.export', { ...scope, format }, { onProgress })}
          />
          <button
            type="button"
            className="secondary"
            disabled={busy}
            onClick={() => void download(() => api('census.assignments.letters', scope))}
          >
            {t('census.export.letters')}
          </button>
        </div>
        <NoticeLine notice={error === null ? null : { ok: false, text: error }} />
      </section>
    </div>
  );
}
