import { useState } from 'react';
import type { ExportFormat, ExportHandle, Progress } from '../../../electron/api/types';
import { saveExport } from '../api/download';
import { useT } from '../i18n';
import { explain } from '../i18n/problems';
import { ProgressBar } from './ProgressBar';
import { ErrorLine } from './ErrorLine';

/** XLSX and the Excel (Indonesia) CSV for people first, then the machine CSV. */
export const ALL_EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv-excel', 'csv'];

/**
 * One export of a screen in every format it has: the backend writes the file (with progress) and the
 * user saves it. `label` names the group (screen readers, tests); each button says its format.
 */
export function ExportButtons({
  label,
  make,
  formats = ALL_EXPORT_FORMATS,
  disabled = false,
}: {
  label: string;
  make: (format: ExportFormat, onProgress: (p: Progress) => void) => Promise<ExportHandle>;
  formats?: readonly ExportFormat[];
  disabled?: boolean;
}) {
  const t = useT();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(format: ExportFormat) {
    setBusy(true);
    setError(null);
    setProgress(null);
    try {
      await saveExport(await make(format, setProgress));
    } catch (e) {
      setError(explain(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }
  return (
    <fieldset className="export-buttons" aria-label={label}>
      <span className="export-label">{label}</span>
      {formats.map((format) => (
        <button
          key={format}
          type="button"
          className="secondary"
          disabled={busy || disabled}
          title={t(`export.hint.${format}`)}
          onClick={() => void run(format)}
        >
          {t(`export.format.${format}`)}
        </button>
      ))}
      {busy && <ProgressBar progress={progress} label={t('export.writing')} />}
      <ErrorLine message={error} inline />
    </fieldset>
  );
}
