import { useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatDate } from '../../../../common/format';
import { api } from '../../api/client';
import { saveExportedFile } from '../../components/files';
import { useT } from '../../i18n';
import { ActionError, useAction } from './action';

type Record = OpOutput<'integrity.pegawai.get'>;

/** The employee's own record: the one screen that shows the full NIP, with transfers and every pact (revoked and corrected kept). */
export function EmployeeRecord({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT();
  const [record, setRecord] = useState<Record | null>(null);
  const { error, run } = useAction();
  useEffect(() => void run(async () => setRecord(await api('integrity.pegawai.get', { id }))), [id, run]);
  return (
    <aside className="panel zi-record" aria-label={t('integrity.record')}>
      <div className="panel-bar">
        <h2>{record?.nama}</h2>
        <button type="button" className="link" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <ActionError error={error} />
      {record && (
        <>
          <dl>
            <dt>{t('integrity.nip')}</dt>
            <dd data-testid="zi-record-nip">{record.nip ?? '—'}</dd>
            <dt>{t('integrity.status')}</dt>
            <dd>{record.status}</dd>
            <dt>{t('integrity.jabatan')}</dt>
            <dd>{record.jabatan || '—'}</dd>
            <dt>{t('integrity.since')}</dt>
            <dd>
              {record.opdKode} · {formatDate(record.opdSince)}
            </dd>
          </dl>
          {record.transfers.length > 0 && (
            <>
              <h3>{t('integrity.transfers')}</h3>
              <ul>
                {record.transfers.map((tr) => (
                  <li key={tr.id}>
                    {formatDate(tr.date)}: {tr.fromOpd} → {tr.toOpd}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>{t('integrity.pactHistory')}</h3>
          <ul>
            {record.pacts.map((p) => (
              <li key={p.id}>
                {p.opdKode} · {formatDate(p.signedAt)} · {t(`integrity.pactStatus.${p.status}`)}
                {p.eventId ? ` · #${p.eventId}` : ''}
                {p.endReason ? ` · ${p.endReason}` : ''}
                {p.scanId && (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      void run(async () => saveExportedFile(await api('integrity.file.open', { fileId: p.scanId! })))
                    }
                  >
                    {' '}
                    {t('integrity.openScan')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </aside>
  );
}
