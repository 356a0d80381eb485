import { useRef, useState } from 'react';
import type { OpOutput, Progress } from '../../../../electron/api/types';
import { formatNumber } from '../../../../common/format';
import { api } from '../../api/client';
import { fileToSource } from '../../components/files';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n';
import { SyncIssueTable } from './issues';
import { useFileDrop } from '../../components/useFileDrop';
import { useOpGuard } from '../../components/op-guard';
import { useOperation } from '../../api/use-operation';
import { EmptyHint } from '../../components/EmptyHint';
import { useToSlsImport } from '../census/to-files';
import { PackageExpects } from './PackageExpects';

type ImportResult = OpOutput<'sync.import'>;
const COUNT_KEYS = ['new', 'updated', 'unchanged', 'stale', 'conflict', 'flagged'] as const;

interface FileRow {
  name: string;
  progress: Progress | null;
  result?: ImportResult;
  failure?: string;
}

/** Several packages at once: one progress bar per file and one overall; a result row per package. */
export function SyncImportPanel({ onImported }: { onImported(): void }) {
  const t = useT();
  const guard = useOpGuard('sync.import');
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<FileRow[]>([]);
  const [busy, setBusy] = useState(false);
  const { dragging, dropHandlers } = useFileDrop((files) => {
    if (guard.allowed) void importAll(files);
  });
  const [opened, setOpened] = useState<number | null>(null);
  // Packages need the SLS master (every household names its SLS): until it is imported, say where.
  const master = useOperation('sync.slsPage', { offset: 0, limit: 1, filter: {} }, { topics: ['census'] });
  const toSlsImport = useToSlsImport();

  async function importAll(list: File[]) {
    const files = list.filter((f) => !f.name.startsWith('.'));
    if (!files.length) return;
    setBusy(true);
    setOpened(null);
    setRows(files.map((f) => ({ name: f.name, progress: null })));
    const update = (i: number, change: Partial<FileRow>) =>
      setRows((all) => all.map((row, j) => (j === i ? { ...row, ...change } : row)));
    for (const [i, file] of files.entries()) {
      try {
        const result = await api(
          'sync.import',
          { file: await fileToSource(file) },
          { onProgress: (progress) => update(i, { progress }) },
        );
        update(i, { result });
      } catch (e) {
        update(i, { failure: (e as Error).message });
      }
    }
    setBusy(false);
    onImported();
  }

  const done = rows.filter((r) => r.result || r.failure).length;
  const stageLabel = (p: Progress | null) => (p?.label === 'apply' ? t('sync.applying') : t('sync.reading'));

  return (
    <section
      className={`import-panel sync-drop${dragging ? ' dragging' : ''}`}
      aria-label={t('sync.tab.import')}
      {...dropHandlers}
    >
      <div className="import-bar">
        <button
          type="button"
          className="primary"
          {...guard.props}
          disabled={busy || !guard.allowed}
          onClick={() => filesInput.current?.click()}
        >
          {t('sync.pickFiles')}
        </button>
        <button
          type="button"
          {...guard.props}
          disabled={busy || !guard.allowed}
          onClick={() => folderInput.current?.click()}
        >
          {t('sync.pickFolder')}
        </button>
        <span className="muted">{guard.allowed ? t('sync.dropHint') : guard.props.title}</span>
        <input
          ref={filesInput}
          type="file"
          hidden
          multiple
          accept=".spsync,.zip"
          {...guard.props}
          disabled={!guard.allowed}
          aria-label={t('sync.pickFiles')}
          onChange={(e) => {
            const list = [...(e.target.files ?? [])];
            e.target.value = '';
            void importAll(list);
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          multiple
          aria-label={t('sync.pickFolder')}
          {...guard.props}
          disabled={!guard.allowed}
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            const list = [...(e.target.files ?? [])].filter((f) => /\.(spsync|zip)$/i.test(f.name));
            e.target.value = '';
            void importAll(list);
          }}
        />
      </div>
      {master.data?.total === 0 && <EmptyHint text={t('sync.empty.noSls')} action={toSlsImport} />}
      <PackageExpects />
      {rows.length > 0 && (
        <>
          <ProgressBar
            progress={{ done, total: rows.length }}
            label={t('sync.overall', { done: formatNumber(done), total: formatNumber(rows.length) })}
          />
          <table className="sync-results" data-testid="sync-results">
            <thead>
              <tr>
                <th>{t('sync.file')}</th>
                <th>{t('sync.status')}</th>
                {COUNT_KEYS.map((k) => (
                  <th key={k} className="num" title={k === 'flagged' ? t('sync.flaggedExplained') : undefined}>
                    {t(`sync.count.${k}`)}
                  </th>
                ))}
                <th>{t('sync.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <FileResultRow
                  // biome-ignore lint/suspicious/noArrayIndexKey: a result list shown once, never reordered
                  key={i}
                  row={row}
                  stage={stageLabel(row.progress)}
                  open={opened === i}
                  onToggle={() => setOpened(opened === i ? null : i)}
                />
              ))}
            </tbody>
          </table>
          {rows.some((row) => (row.result?.counts.flagged ?? 0) > 0) && (
            <p className="muted" data-testid="flagged-legend">
              {t('sync.flaggedExplained')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function FileResultRow({
  row,
  stage,
  open,
  onToggle,
}: {
  row: FileRow;
  stage: string;
  open: boolean;
  onToggle(): void;
}) {
  const t = useT();
  const { result } = row;
  if (!result && !row.failure) {
    return (
      <tr>
        <td>{row.name}</td>
        <td colSpan={8}>
          {row.progress ? (
            <ProgressBar progress={{ ...row.progress, label: stage }} label={row.name} />
          ) : (
            <span className="muted">{t('sync.waiting')}</span>
          )}
        </td>
      </tr>
    );
  }
  const status = result?.status ?? 'failed';
  return (
    <>
      <tr className={`sync-row ${status}`} data-status={status}>
        <td>{row.name}</td>
        <td>
          <span className={`badge sync-${status}`}>{t(`sync.status.${status}`)}</span>
        </td>
        {COUNT_KEYS.map((k) => (
          <td key={k} className="num">
            {result ? formatNumber(result.counts[k]) : '—'}
          </td>
        ))}
        <td>
          {row.failure}
          {result && result.errorCount > 0 && (
            <button type="button" className="link" onClick={onToggle}>
              {t('sync.showErrors', { n: formatNumber(result.errorCount) })}
            </button>
          )}
        </td>
      </tr>
      {open && result && (
        <tr>
          <td colSpan={9}>
            <SyncIssueTable issues={result.errors} />
          </td>
        </tr>
      )}
    </>
  );
}
