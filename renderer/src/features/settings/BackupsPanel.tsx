import { useCallback, useEffect, useState } from 'react';
import type { OpOutput } from '../../../../electron/api/types';
import { formatNumber } from '../../../../common/format';
import { formatDateTime } from './when';
import { api } from '../../api/client';
import { fileToSource, saveExportedFile } from '../../components/files';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { ErrorLine } from '../../components/ErrorLine';
import { useCan } from '../../store/session';
import { RestoreDialog, type RestoreChoice } from './RestoreDialog';
import { useOpGuard } from '../../components/op-guard';

type Backup = OpOutput<'backup.list'>[number];
type Check = OpOutput<'backup.check'>;

const HEAD_PROBLEMS = {
  missing: 'settings.headMissing',
  different: 'settings.headDifferent',
  unreadable: 'settings.headUnreadable',
} as const;

/** Backups: the automatic ones and manual ones, a backup now (then saved where the user chooses), and the full check. */
export function BackupsPanel() {
  const t = useT();
  const createGuard = useOpGuard('backup.create');
  const [rows, setRows] = useState<Backup[]>([]);
  const [busy, setBusy] = useState(false);
  const [check, setCheck] = useState<Check | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<RestoreChoice | null>(null);
  const canRestore = useCan('backup.restore');
  const load = useCallback(() => {
    api('backup.list', {}).then(setRows, (e: unknown) => setError(explain(e)));
  }, []);
  useEffect(load, [load]);
  async function backupNow() {
    setBusy(true);
    setError(null);
    try {
      const made = await api('backup.create', {});
      await saveExportedFile(await api('backup.download', { name: made.name }));
      load();
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="panel">
      <div className="panel-bar">
        <h2>{t('settings.backups')}</h2>
        <button
          type="button"
          className="primary"
          {...createGuard.props}
          disabled={busy || !createGuard.allowed}
          onClick={() => void backupNow()}
        >
          {busy ? t('users.working') : t('settings.backupNow')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => api('backup.check', {}).then(setCheck, (e: unknown) => setError(explain(e)))}
        >
          {t('settings.check')}
        </button>
        {canRestore && (
          <label className="file-button">
            {t('settings.restoreFromFile')}
            <input
              type="file"
              accept=".db,application/vnd.sqlite3"
              hidden
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file)
                  setRestoring({ name: file.name, at: null, input: async () => ({ file: await fileToSource(file) }) });
              }}
            />
          </label>
        )}
      </div>
      {canRestore && <p className="muted">{t('settings.restoreHint')}</p>}
      {check && (
        <p role="status" data-testid="backup-check" className={check.ok ? 'verify-ok' : 'error'}>
          {check.ok
            ? t('settings.checkOk', {
                entries: check.audit.entries,
                files: check.files.checked,
                heads: check.anchors.checked,
              })
            : t('settings.checkBroken', {
                integrity: check.integrity.join('; '),
                audit: check.audit.ok ? 'ok' : `#${check.audit.broken?.id} ${check.audit.broken?.reason}`,
                files: check.files.problems.map((p) => `${p.path} (${p.problem})`).join(', ') || 'ok',
                heads:
                  check.anchors.problems.map((p) => `${p.source} (${t(HEAD_PROBLEMS[p.problem])})`).join(', ') || 'ok',
              })}
        </p>
      )}
      <ErrorLine message={error} />
      <table className="settings-table" data-testid="backup-list">
        <thead>
          <tr>
            <th>{t('settings.file')}</th>
            <th>{t('settings.at')}</th>
            <th>{t('settings.size')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((b) => (
            <tr key={b.name}>
              <td>
                {b.name} {b.automatic && <small className="muted">({t('settings.automatic')})</small>}
              </td>
              <td>{formatDateTime(b.createdAt)}</td>
              <td>{formatNumber(Math.round(b.size / 1024))} KB</td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() =>
                    api('backup.download', { name: b.name })
                      .then(saveExportedFile)
                      .catch((e: unknown) => setError(explain(e)))
                  }
                >
                  {t('settings.download')}
                </button>
                {canRestore && (
                  <button
                    type="button"
                    className="link"
                    aria-label={`${t('settings.restore')} ${b.name}`}
                    onClick={() =>
                      setRestoring({ name: b.name, at: b.createdAt, input: async () => ({ name: b.name }) })
                    }
                  >
                    {t('settings.restore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {restoring && <RestoreDialog choice={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}
