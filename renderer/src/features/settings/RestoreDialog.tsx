import { useEffect, useRef, useState } from 'react';
import type { OpInput, Progress } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { explain } from '../../i18n/problems';
import { endSessionByRestore } from '../../store/session';
import { ErrorLine } from '../../components/ErrorLine';
import { formatDateTime } from './when';

/** What the admin chose to restore: a backup from the list (with its time) or a picked file (time unknown). */
export interface RestoreChoice {
  name: string;
  at: string | null;
  input: () => Promise<OpInput<'backup.restore'>>;
}

/**
 * Asks before a restore (which backup, from when, that newer changes are replaced and everyone logs
 * in again), then restores it with progress; a refusal is shown here, success ends the session.
 */
export function RestoreDialog({ choice, onClose }: { choice: RestoreChoice; onClose: () => void }) {
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
      const result = await api('backup.restore', await choice.input(), { onProgress: setProgress });
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
      <h2 id="restore-title">{t('settings.restoreTitle', { name: choice.name })}</h2>
      <p>
        {choice.at ? t('settings.restoreWarning', { at: formatDateTime(choice.at) }) : t('settings.restoreWarningFile')}
      </p>
      <p className="muted">{t('settings.restoreLogout')}</p>
      {busy && <ProgressBar progress={progress} label={t('settings.restoring')} />}
      <ErrorLine message={error} />
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
