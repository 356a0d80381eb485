import { useMemo, useRef } from 'react';
import type { GridApi, GridReadyEvent, IDatasource, SortModelItem } from 'ag-grid-community';

/** Rows a block at a time (AG Grid asks for one block per scroll position). */
export const BLOCK_ROWS = 100;

export interface ServerPage<T> {
  rows: T[];
  total: number;
}

/** The grid's sort as a paged operation takes it, when the column is one the server sorts on. */
export function serverSort<F extends string>(order: SortModelItem | undefined, fields: readonly F[]) {
  return order && (fields as readonly string[]).includes(order.colId)
    ? { field: order.colId as F, dir: order.sort }
    : undefined;
}

/**
 * A grid whose rows come from the server a block at a time (AG Grid's infinite row model):
 * `load(offset, limit, sort)` asks one paged operation; a new `key` (the screen's filter, as
 * text) starts again from the top. Spread `gridProps` on the `DataGrid`; `refresh()` re-asks the
 * blocks shown (after a change event), keeping the scroll position.
 */
export function useServerRows<T>(
  key: string,
  load: (offset: number, limit: number, sort: SortModelItem | undefined) => Promise<ServerPage<T>>,
  onError: (error: unknown) => void,
) {
  const grid = useRef<GridApi<T> | null>(null);
  const latest = useRef({ load, onError });
  latest.current = { load, onError };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is the trigger; load and onError are read at call time
  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params) {
        const limit = params.endRow - params.startRow;
        latest.current.load(params.startRow, limit, params.sortModel[0]).then(
          (page) => params.successCallback(page.rows, page.total),
          (error: unknown) => {
            latest.current.onError(error);
            params.failCallback();
          },
        );
      },
    }),
    [key],
  );
  return {
    grid,
    refresh: () => grid.current?.refreshInfiniteCache(),
    gridProps: {
      rowModelType: 'infinite' as const,
      datasource,
      cacheBlockSize: BLOCK_ROWS,
      maxBlocksInCache: 20,
      onGridReady: (e: GridReadyEvent<T>) => {
        grid.current = e.api;
      },
    },
  };
}
