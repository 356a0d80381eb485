import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate, formatNumber, formatPercent } from '../../../../common/format';
import { api } from '../../api/client';
import { saveExportedFile } from '../../components/files';
import { useT } from '../../i18n';
import { useRoute } from '../../store/route';
import { ActionError, useAction } from './action';
import { EmployeesPanel } from './EmployeesPanel';
import { LkePanel } from './LkePanel';
import { OpdEditForm } from './OpdEditForm';
import { StagesPanel } from './StagesPanel';
import { TabBar } from '../../components/TabBar';

export type OpdDetail = OpOutput<'integrity.opd.detail'>;
const SECTIONS = ['employees', 'stages', 'lke', 'edit'] as const;

/** One OPD: its signature percentage, employees and pacts, stage road and LKE worksheet. */
export function OpdView({ kode }: { kode: string }) {
  const t = useT();
  const go = useRoute((s) => s.go);
  const params = useRoute((s) => s.params);
  const setParam = useRoute((s) => s.setParam);
  const section = (SECTIONS as readonly string[]).includes(params.section) ? params.section : 'employees';
  const [detail, setDetail] = useState<OpdDetail | null>(null);
  const { error, run } = useAction();
  const load = useCallback(
    () => void run(async () => setDetail(await api('integrity.opd.detail', { kode }))),
    [run, kode],
  );
  useEffect(load, [load]);

  return (
    <section className="screen">
      <header className="screen-header">
        <div>
          <button type="button" className="link" onClick={() => go('zi')}>
            {t('integrity.back')}
          </button>
          <h1>{detail ? `${detail.opd.nama} (${detail.opd.kode})` : kode}</h1>
          {detail && (
            <p className="muted">
              <strong className="zi-pct" data-testid="opd-signed-pct">
                {formatPercent(detail.signedPct)}
              </strong>{' '}
              {t('integrity.opdHeadline', {
                signed: formatNumber(detail.signed),
                pegawai: formatNumber(detail.pegawai),
              })}{' '}
              ·{' '}
              {detail.declaredAt
                ? t('integrity.declaredAt', { date: formatDate(detail.declaredAt) })
                : t('integrity.notDeclared')}{' '}
              · {t('integrity.currentStage', { stage: t(`integrity.stage.${detail.stages.current ?? 'none'}`) })}
            </p>
          )}
        </div>
        <button
          type="button"
          onClick={() =>
            void run(async () => saveExportedFile(await api('integrity.export.signatureList', { opd: kode })))
          }
        >
          {t('integrity.downloadPdf')}
        </button>
      </header>
      <ActionError error={error} />
      <TabBar
        tabs={SECTIONS.map((id) => ({ id, label: t(`integrity.section.${id}`) }))}
        current={section}
        onSelect={(id) => setParam('section', id === 'employees' ? null : id)}
      />
      {detail && section === 'employees' && <EmployeesPanel detail={detail} onChanged={load} />}
      {detail && section === 'stages' && (
        <StagesPanel key={detail.stages.history.length} detail={detail} onChanged={load} />
      )}
      {detail && section === 'lke' && <LkePanel kode={kode} />}
      {detail && section === 'edit' && <OpdEditForm key={detail.opd.version} opd={detail.opd} onSaved={load} />}
    </section>
  );
}
