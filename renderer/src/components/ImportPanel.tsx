import { useRef, useState, type ReactNode } from 'react';
import type { ExportFormat, ExportHandle, Progress } from '../../../electron/api/types';
import type { ImportColumn } from '../../../electron/api/types';
import { ApiCallError } from '../api/client';
import { useT } from '../i18n';
import { explain, type Explainable } from '../i18n/problems';
import { fileToSource } from './files';
import { IssueTable } from './IssueTable';
import { ExportButtons } from './ExportButtons';
import { ProgressBar } from './ProgressBar';
import { useFileDrop } from './useFileDrop';
import type { OpGuard } from './op-guard';

export interface ImportPanelProps<R> {
  /** Shown on the button and as the panel's accessible name, e.g. "Impor master SLS". */
  title: string;
  accept: string;
  importFile(source: { name: string; base64: string }, onProgress: (p: Progress) => void): Promise<R>;
  /** What to show after a successful import (counts). */
  summary(result: R): ReactNode;
  onImported?(result: R): void;
  /** The import op's guard (`useOpGuard` in the screen that calls it): a role that may not import sees why. */
  guard: OpGuard;
  /** The columns the importer reads (from its own schema) and a template file with that header row. */
  expects?: ImportExpectation;
}

export interface ImportExpectation {
  columns: ImportColumn[] | undefined;
  template(format: ExportFormat, onProgress: (p: Progress) => void): Promise<ExportHandle>;
}

const TEMPLATE_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv-excel'];

/** What a file must hold, before the clerk picks one: its header row, and a template to fill in. */
function Expects({ columns, template }: ImportExpectation) {
  const t = useT();
  return (
    <div className="import-expects">
      {columns && (
        <p className="muted">
          {t('common.expects')}{' '}
          {columns.map((c, i) => (
            <span key={c.name}>
              {i > 0 && ', '}
              <code>{c.optional ? t('common.optionalColumn', { name: c.name }) : c.name}</code>
            </span>
          ))}
        </p>
      )}
      <ExportButtons label={t('common.template')} formats={TEMPLATE_FORMATS} make={template} />
    </div>
  );
}

/** What an import result says about how the file was read (e.g. as Windows-1252), in the UI's language. */
function noticesOf(result: unknown): Explainable[] {
  const notices = (result as { notices?: unknown } | null)?.notices;
  return Array.isArray(notices) ? (notices as Explainable[]) : [];
}

/**
 * Pick or drop one office file, import it with progress, then show what changed — or every problem
 * with its row and column when the file was rejected (and nothing changed).
 */
export function ImportPanel<R>({
  title,
  accept,
  importFile,
  summary,
  onImported,
  guard,
  expects,
}: ImportPanelProps<R>) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<{ file: string; value: R } | null>(null);
  const [error, setError] = useState<{ file: string; message: string; issues: ApiCallError['issues'] } | null>(null);
  const { dragging, dropHandlers } = useFileDrop((files) => {
    if (files[0] && guard.allowed) void run(files[0]);
  });

  async function run(file: File) {
    setBusy(file.name);
    setProgress(null);
    setResult(null);
    setError(null);
    try {
      const value = await importFile(await fileToSource(file), setProgress);
      setResult({ file: file.name, value });
      onImported?.(value);
    } catch (e) {
      setError({ file: file.name, message: explain(e), issues: e instanceof ApiCallError ? e.issues : [] });
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className={`import-panel${dragging ? ' dragging' : ''}`} aria-label={title} {...dropHandlers}>
      <div className="import-bar">
        <button
          type="button"
          className="primary"
          {...guard.props}
          disabled={busy !== null || !guard.allowed}
          onClick={() => input.current?.click()}
        >
          {title}
        </button>
        <span className="muted">{guard.allowed ? t('common.dropHint') : guard.props.title}</span>
        <input
          ref={input}
          type="file"
          hidden
          {...guard.props}
          disabled={!guard.allowed}
          accept={accept}
          aria-label={title}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void run(file);
          }}
        />
      </div>
      {expects && <Expects {...expects} />}
      {busy && <ProgressBar progress={progress} label={busy} />}
      {result && (
        <div className="import-result ok" role="status">
          <strong>{t('common.imported', { file: result.file })}</strong> {summary(result.value)}
          {noticesOf(result.value).map((notice, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list, never reordered
            <p key={i} className="import-notice">
              {explain(notice)}
            </p>
          ))}
        </div>
      )}
      {error && (
        <div className="import-result rejected" role="alert">
          <strong>{t('common.rejected', { file: error.file })}</strong> <span>{error.message}</span>
          <IssueTable issues={error.issues} />
        </div>
      )}
    </section>
  );
}
