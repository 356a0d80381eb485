import { describe, expect, it } from 'vitest';
import type { ColDef } from 'ag-grid-community';
import { fitColumns, needsFit } from '../../renderer/src/components/column-fit.js';

type Row = { kode: string; nama: string; kk: number; aksi: string };
const columns: ColDef<Row>[] = [
  { field: 'kode', width: 150, minWidth: 120 },
  { field: 'nama', flex: 1, minWidth: 140 },
  { field: 'kk', width: 130, minWidth: 80 },
  { field: 'aksi', width: 96, pinned: 'right' },
];

describe('grid columns fit the width instead of scrolling sideways', () => {
  it('keeps the widths a screen gave while they fit, and fits them once they do not', () => {
    // 150 + 140 + 130 + 96 = 516 px liked, plus the vertical scroll bar.
    expect(needsFit(columns, 600)).toBe(false);
    expect(needsFit(columns, 520)).toBe(true);
    expect(needsFit(columns, 0)).toBe(false);
  });

  it('shares the width in proportion to the liked widths, keeping minimums and pinned columns', () => {
    expect(fitColumns(columns)).toEqual([
      { field: 'kode', flex: 150, minWidth: 120 },
      { field: 'nama', flex: 140, minWidth: 140 },
      { field: 'kk', flex: 130, minWidth: 80 },
      { field: 'aksi', width: 96, pinned: 'right' },
    ]);
  });

  it('leaves hidden columns out of the sum and fits the columns inside groups', () => {
    const grouped = [
      { headerName: 'Kelompok', children: columns.slice(0, 3) },
      { field: 'aksi' as const, width: 400, hide: true },
    ];
    expect(needsFit(grouped, 520)).toBe(false);
    expect(fitColumns(grouped)[0]).toEqual({ headerName: 'Kelompok', children: fitColumns(columns.slice(0, 3)) });
  });
});
