import { useEffect, useRef, useState } from 'react';
import type { OpOutput, Progress } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { endSessionByRestore } from '../../store/session';
import { formatDateTime } from './when';

type Backup = OpOutput<'backup.list'>[number];

/**
 * Asks before a restore (which backup, from when, that newer changes are replaced and everyone logs
 * in again), then restores it with progress; a refusal is shown here, success ends the session.
 */
export function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const t = useT();
  const dialog = useRef<HTMLDialogElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  async function restore() {
    setBusy(true);
    setError(null);
    try {
      const result = await api('backup.restore', { name: backup.name }, { onProgress: setProgress });
      endSessionByRestore({ backup: result.backup, keptAside: result.keptAside });
    } catch (e) {
      setError(explain(e));
      setBusy(false);
    }
  }
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="restore-title"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <h2 id="restore-title">{t('settings.restoreTitle', { name: backup.name })}</h2>
      <p>{t('settings.restoreWarning', { at: formatDateTime(backup.createdAt) })}</p>
      <p className="muted">{t('settings.restoreLogout')}</p>
      {busy && <ProgressBar progress={progress} label={t('settings.restoring')} />}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
          {busy ? t('settings.restoring') : t('settings.restoreConfirm')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onClose}>
          {t('settings.cancel')}
        </button>
      </div>
    </dialog>
  );
}
