import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { fileToSource, saveExportedFile } from '../../components/files';
import { labelOf, useT } from '../../i18n';
import { LKE_PART_LABELS } from './labels';
import { ActionError, useAction } from './action';
import { useOpGuard } from '../../components/op-guard';
import { ReadOnlyNote, editableBy } from '../../components/GuardedCells';

type Sheet = OpOutput<'integrity.lke.sheet'>;
type Row = Sheet['rows'][number];
const decimal = (n: number | null) =>
  n == null ? '' : new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format(n);

/** The LKE self-assessment of one OPD for a year: achievement and note per area (edited in the grid), evidence, totals against the pass marks. */
export function LkePanel({ kode }: { kode: string }) {
  const t = useT();
  const answerGuard = useOpGuard('integrity.lke.answer');
  const evidenceGuard = useOpGuard('integrity.lke.addEvidence');
  const [year, setYear] = useState(new Date().getFullYear());
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const { error, run } = useAction();
  const load = useCallback(
    () => void run(async () => setSheet(await api('integrity.lke.sheet', { opd: kode, year }))),
    [run, kode, year],
  );
  useEffect(load, [load]);

  const save = useCallback(
    (row: Row, achievement: number, note: string) =>
      void run(() =>
        api('integrity.lke.answer', { opd: kode, year, itemId: row.itemId, achievement, note, version: row.version }),
      ).then((next) =>
        // A refused edit (bad value, or changed by someone else) shows the stored sheet again.
        next ? setSheet(next) : api('integrity.lke.sheet', { opd: kode, year }).then(setSheet),
      ),
    [run, kode, year],
  );
  const addEvidence = useCallback(
    (row: Row, files: FileList) =>
      void run(async () => {
        await api('integrity.lke.addEvidence', {
          opd: kode,
          year,
          itemId: row.itemId,
          files: await Promise.all([...files].map(fileToSource)),
        });
        setSheet(await api('integrity.lke.sheet', { opd: kode, year }));
      }),
    [run, kode, year],
  );

  const columns = useMemo<ColDef<Row>[]>(
    () => [
      {
        field: 'part',
        headerName: t('integrity.lke.part'),
        width: 120,
        valueFormatter: (p) => labelOf(t, LKE_PART_LABELS, p.value),
      },
      { field: 'nama', headerName: t('integrity.lke.area'), flex: 1, minWidth: 220, wrapText: true, autoHeight: true },
      {
        field: 'weight',
        headerName: t('integrity.lke.weight'),
        width: 90,
        type: 'numericColumn',
        valueFormatter: (p) => decimal(p.value as number),
      },
      {
        field: 'achievement',
        headerName: t('integrity.lke.achievement'),
        width: 130,
        ...editableBy<Row>(answerGuard),
        type: 'numericColumn',
        valueFormatter: (p) => decimal(p.value as number | null),
        valueParser: (p) => Number(String(p.newValue).replace(',', '.')),
      },
      {
        field: 'score',
        headerName: t('integrity.lke.score'),
        width: 90,
        type: 'numericColumn',
        valueFormatter: (p) => decimal(p.value as number),
      },
      { field: 'note', headerName: t('integrity.note'), width: 200, ...editableBy<Row>(answerGuard) },
      {
        headerName: t('integrity.lke.evidence'),
        width: 240,
        cellRenderer: (p: { data: Row }) => (
          <span className="zi-evidence">
            {p.data.evidence.map((e) => (
              <button
                key={e.id}
                type="button"
                className="link"
                onClick={() =>
                  void run(async () => saveExportedFile(await api('integrity.file.open', { fileId: e.id })))
                }
              >
                {e.name}
              </button>
            ))}
            <label className="link" title={evidenceGuard.props.title}>
              +{' '}
              <input
                type="file"
                hidden
                multiple
                {...evidenceGuard.props}
                disabled={!evidenceGuard.allowed}
                aria-label={`${t('integrity.lke.addEvidence')} ${p.data.nama}`}
                onChange={(e) => e.target.files?.length && addEvidence(p.data, e.target.files)}
              />
            </label>
          </span>
        ),
      },
    ],
    [t, run, addEvidence, answerGuard, evidenceGuard],
  );

  return (
    <div className="panel zi-grow">
      <div className="panel-bar">
        <label>
          {t('integrity.year')}{' '}
          <input
            type="number"
            aria-label={t('integrity.year')}
            value={year}
            min={2000}
            max={2100}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        </label>
        {sheet && (
          <h2 data-testid="zi-lke-totals">
            {t('integrity.lke.totals', {
              pengungkit: decimal(sheet.pengungkit),
              hasil: decimal(sheet.hasil),
              total: decimal(sheet.total),
            })}
          </h2>
        )}
      </div>
      {sheet && (
        <ul className="zi-verdicts">
          {sheet.passMarks.map((m) => (
            <li key={m.predicate} className={m.passed ? 'zi-ok' : 'muted'}>
              {t(m.passed ? 'integrity.lke.passed' : 'integrity.lke.failed', m)}
            </li>
          ))}
        </ul>
      )}
      <ActionError error={error} />
      <ReadOnlyNote guard={answerGuard} />
      <DataGrid<Row>
        testId="zi-lke-grid"
        rowData={sheet?.rows ?? []}
        columnDefs={columns}
        getRowId={(p) => String(p.data.itemId)}
        onCellValueChanged={(e) => e.data && save(e.data, e.data.achievement ?? 0, e.data.note)}
      />
    </div>
  );
}
