import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import type { OpOutput } from '../../../../electron/api/types';
import { api } from '../../api/client';
import { DataGrid } from '../../components/DataGrid';
import { labelOf, useT } from '../../i18n';
import { LKE_PART_LABELS } from './labels';
import { ActionError, useAction } from './action';
import { useOpGuard } from '../../components/op-guard';
import { ReadOnlyNote, editableBy } from '../../components/GuardedCells';

type Model = OpOutput<'integrity.lke.model'>;
type Item = Model['items'][number];
type PassMark = Model['passMarks'][number];

/** The LKE areas, weights and pass marks in force: data an admin edits in the grid (each edit checks the version it read). */
export function LkeModelTab() {
  const t = useT();
  const itemGuard = useOpGuard('integrity.lke.updateItem');
  const passMarkGuard = useOpGuard('integrity.lke.updatePassMark');
  const [model, setModel] = useState<Model | null>(null);
  const { error, run } = useAction();
  const load = useCallback(() => void run(async () => setModel(await api('integrity.lke.model', {}))), [run]);
  useEffect(load, [load]);

  const itemColumns = useMemo<ColDef<Item>[]>(
    () => [
      {
        field: 'part',
        headerName: t('integrity.lke.part'),
        width: 130,
        valueFormatter: (p) => labelOf(t, LKE_PART_LABELS, p.value),
      },
      {
        field: 'nama',
        headerName: t('integrity.lke.area'),
        flex: 1,
        wrapText: true,
        autoHeight: true,
        ...editableBy<Item>(itemGuard),
      },
      {
        field: 'weight',
        headerName: t('integrity.lke.weight'),
        width: 110,
        ...editableBy<Item>(itemGuard),
        type: 'numericColumn',
        valueParser: (p) => Number(String(p.newValue).replace(',', '.')),
      },
    ],
    [t, itemGuard],
  );
  const markColumns = useMemo<ColDef<PassMark>[]>(
    () => [
      { field: 'predicate', headerName: t('integrity.predicate'), width: 120 },
      {
        field: 'minTotal',
        headerName: t('integrity.lke.minTotal'),
        width: 150,
        ...editableBy<PassMark>(passMarkGuard),
        type: 'numericColumn',
        valueParser: (p) => Number(p.newValue),
      },
      {
        field: 'minPengungkit',
        headerName: t('integrity.lke.minPengungkit'),
        width: 170,
        ...editableBy<PassMark>(passMarkGuard),
        type: 'numericColumn',
        valueParser: (p) => Number(p.newValue),
      },
    ],
    [t, passMarkGuard],
  );

  return (
    <div className="zi-columns zi-grow">
      <div className="panel zi-grow">
        <h2>{t('integrity.tab.lkeModel')}</h2>
        <ActionError error={error} />
        <ReadOnlyNote guard={itemGuard} />
        <DataGrid<Item>
          testId="zi-lke-items"
          height={420}
          rowData={model?.items ?? []}
          columnDefs={itemColumns}
          getRowId={(p) => String(p.data.id)}
          onCellValueChanged={(e) =>
            e.data &&
            void run(() =>
              api('integrity.lke.updateItem', {
                id: e.data.id,
                nama: e.data.nama,
                weight: e.data.weight,
                version: e.data.version,
              }),
            ).then(load)
          }
        />
      </div>
      <div className="panel">
        <h2>{t('integrity.lke.passMarks')}</h2>
        <ReadOnlyNote guard={passMarkGuard} />
        <DataGrid<PassMark>
          testId="zi-lke-marks"
          height={160}
          rowData={model?.passMarks ?? []}
          columnDefs={markColumns}
          getRowId={(p) => p.data.predicate}
          onCellValueChanged={(e) =>
            e.data && void run(() => api('integrity.lke.updatePassMark', { ...e.data })).then(load)
          }
        />
      </div>
    </div>
  );
}
