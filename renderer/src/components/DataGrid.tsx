import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type ColDef,
  type GridApi,
  type GridOptions,
} from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo, useRef, useState } from 'react';
import { formatDate, formatDateTimeIn, formatNumber } from '../../../common/format';
import type { OfficeZone } from '../../../common/time-zone';
import { useTranslation } from 'react-i18next';
import { labelOf, type MessageKey, type Translate } from '../i18n';
import { EmptyHint, type EmptyPointer } from './EmptyHint';
import { GRID_LOCALE } from './grid-locale';
import { STYLE_NONCE } from './style-nonce';
import { CELL_PADDING, cellRoom, withHeaderRoom } from './header-room';
import { fitColumns, needsFit } from './column-fit';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#0f6e56',
  rowHeight: 34,
  headerHeight: 38,
  cellHorizontalPadding: CELL_PADDING,
});

/** A right-aligned integer column formatted the Indonesian way (33.566). */
export function numberColumn<T>(field: ColDef<T>['field'], headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    type: 'numericColumn',
    valueFormatter: (p) => formatNumber(p.value as number),
    filter: 'agNumberColumnFilter',
    width: 130,
    ...extra,
  };
}

/**
 * Columns whose values must show whole (codes, dates, times: a cut one reads as another) are tagged `whole-value`
 * and never shrink below their longest value when the grid fits its columns to its width
 * (`tests/e2e/layout.spec.ts` fails on a cut one).
 */
export const WHOLE = 'whole-value';

/** A sync package's file name as tablets write it (`<officer>_<yyyymmddThhmmss>.spsync`). */
export const PACKAGE_FILE_SAMPLE = 'PPL-3316-0000_20200930T180000.spsync';

/** A column whose values show whole: `width` it likes, never narrower than `minWidth` (its longest value). */
function wholeColumn<T>(
  field: ColDef<T>['field'],
  headerName: string,
  size: { width: number; minWidth: number },
  extra: ColDef<T>,
): ColDef<T> {
  return { field, headerName, ...size, cellClass: WHOLE, ...extra };
}

/** A column of codes shaped like `sample` ("PPL-3316-0000", "33.16.01.2001"), never cut. */
export function codeColumn<T>(
  field: ColDef<T>['field'],
  headerName: string,
  sample: string,
  extra: ColDef<T> = {},
): ColDef<T> {
  const room = cellRoom(sample);
  return wholeColumn(field, headerName, { width: room + 20, minWidth: room }, extra);
}

/** A column of codes said in words (a status), as wide as its longest word-label, never cut. */
export function labelColumn<T, Code extends string>(
  field: ColDef<T>['field'],
  headerName: string,
  t: Translate,
  labels: Record<Code, MessageKey>,
  extra: ColDef<T> = {},
): ColDef<T> {
  const room = Math.max(...Object.values<MessageKey>(labels).map((key) => cellRoom(t(key))));
  return wholeColumn(
    field,
    headerName,
    { width: room, minWidth: room },
    { valueFormatter: (p) => labelOf(t, labels, p.value), ...extra },
  );
}

/** A column of days ("23/06/2020"), never cut. */
export function dateColumn<T>(field: ColDef<T>['field'], headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return wholeColumn(
    field,
    headerName,
    { width: 115, minWidth: cellRoom('00/00/0000') },
    { valueFormatter: (p) => formatDate(p.value as string | null), ...extra },
  );
}

/** A column of instants in the office's zone ("15/09/2020 00.30 WIB"), never cut. */
export function dateTimeColumn<T>(
  field: ColDef<T>['field'],
  headerName: string,
  zone: OfficeZone,
  extra: ColDef<T> = {},
): ColDef<T> {
  return wholeColumn(
    field,
    headerName,
    { width: 175, minWidth: cellRoom('00/00/0000 00.00 WITA') },
    { valueFormatter: (p) => formatDateTimeIn(p.value as string | null, zone), ...extra },
  );
}

/**
 * A column of long ids (SLS, households) whose ends differ: digits of one width, and when the column
 * is too narrow the ellipsis is at the start, so the distinguishing tail stays visible.
 */
export function idColumn<T>(field: ColDef<T>['field'], headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    width: 180,
    // It keeps its width when the grid shrinks its columns: the tail ellipsis is for a user who narrows it.
    minWidth: extra.width ?? 180,
    cellClass: ['id-cell', WHOLE],
    cellRenderer: (p: { value?: unknown }) =>
      p.value == null ? null : (
        <span className="id-tail" title={String(p.value)}>
          <bdi>{String(p.value)}</bdi>
        </span>
      ),
    ...extra,
  };
}

/**
 * Columns of a grid whose rows come a page at a time from the server: only the fields the server
 * sorts on are sortable, and no column filter (the screen's own filters go to the server).
 */
export function serverColumns<T>(columns: ColDef<T>[], sortable: readonly string[] = []): ColDef<T>[] {
  return columns.map((c) => ({ ...c, filter: false, sortable: Boolean(c.field && sortable.includes(c.field)) }));
}

// Headers wrap onto a second line rather than being cut (1366×768 screens, Indonesian labels).
const defaultColDef: ColDef = {
  sortable: true,
  resizable: true,
  filter: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** How far past its width a grid may run because AG Grid missed its vertical scroll bar (15–17 px). */
const SCROLL_BAR_SLACK = 24;

/**
 * On a loaded machine AG Grid at times shares the width among flex columns before the rows bring the vertical
 * scroll bar, and the grid then scrolls sideways by the bar's width (tests/e2e/layout.spec.ts, scroll-bars
 * project). Such a grid is fitted again once its rows are in, and a moment later (rows of auto height).
 */
function refitPastScrollBar<T>(api: GridApi<T>, host: HTMLElement | null) {
  const refit = () => {
    const body = host?.querySelector('.ag-grid-viewport');
    if (!body || api.isDestroyed()) return;
    const over = body.scrollWidth - body.clientWidth;
    if (over > 0 && over <= SCROLL_BAR_SLACK && api.getColumns()?.some((c) => c.getFlex())) api.sizeColumnsToFit();
  };
  requestAnimationFrame(refit);
  setTimeout(refit, 500);
}

/**
 * AG Grid with the app's theme and defaults; screens pass rows and columns only. `empty` replaces the
 * grid's "no data" overlay with what to do to fill it.
 */
export function DataGrid<T>(
  props: AgGridReactProps<T> & { testId?: string; height?: number | string; empty?: EmptyPointer },
) {
  const { testId, height = '100%', empty, columnDefs, onGridSizeChanged, onRowDataUpdated, ...gridProps } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const [gridWidth, setGridWidth] = useState(0);
  const roomy = useMemo(() => withHeaderRoom(columnDefs, defaultColDef), [columnDefs]);
  const fit = needsFit(roomy, gridWidth);
  const columns = useMemo(() => (fit && roomy ? fitColumns(roomy) : roomy), [roomy, fit]);
  const { i18n } = useTranslation();
  const language = i18n.language === 'en' ? 'en' : 'id';
  const options: GridOptions<T> = {
    localeText: GRID_LOCALE[language],
    animateRows: false,
    theme,
    defaultColDef: defaultColDef as ColDef<T>,
    styleNonce: STYLE_NONCE,
    ...(empty && { noRowsOverlayComponent: EmptyHint, noRowsOverlayComponentParams: empty }),
  };
  return (
    // A given height is kept: as a flex item with `flex: 1` in a panel of no set height it would shrink to the
    // content, and AG Grid (100% of its host) to 2 px.
    <div
      ref={hostRef}
      className="grid-host"
      data-testid={testId}
      style={height === '100%' ? { height } : { height, flex: 'none' }}
    >
      <AgGridReact<T>
        key={language}
        {...options}
        {...gridProps}
        columnDefs={columns}
        onGridSizeChanged={(e) => {
          setGridWidth(e.clientWidth);
          refitPastScrollBar(e.api, hostRef.current);
          onGridSizeChanged?.(e);
        }}
        onRowDataUpdated={(e) => {
          refitPastScrollBar(e.api, hostRef.current);
          onRowDataUpdated?.(e);
        }}
      />
    </div>
  );
}
