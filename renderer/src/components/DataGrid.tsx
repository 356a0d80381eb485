import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef, type GridOptions } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { useMemo } from 'react';
import { formatNumber } from '../../../common/format';
import { useTranslation } from 'react-i18next';
import { EmptyHint, type EmptyPointer } from './EmptyHint';
import { GRID_LOCALE } from './grid-locale';
import { STYLE_NONCE } from './style-nonce';
import { withHeaderRoom } from './header-room';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontWeight: 600,
  accentColor: '#0f6e56',
  rowHeight: 34,
  headerHeight: 38,
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
 * A column of long ids (SLS, households) whose ends differ: digits of one width, and when the column
 * is too narrow the ellipsis is at the start, so the distinguishing tail stays visible.
 */
export function idColumn<T>(field: ColDef<T>['field'], headerName: string, extra: ColDef<T> = {}): ColDef<T> {
  return {
    field,
    headerName,
    width: 180,
    cellClass: 'id-cell',
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

/**
 * AG Grid with the app's theme and defaults; screens pass rows and columns only. `empty` replaces the
 * grid's "no data" overlay with what to do to fill it.
 */
export function DataGrid<T>(
  props: AgGridReactProps<T> & { testId?: string; height?: number | string; empty?: EmptyPointer },
) {
  const { testId, height = '100%', empty, columnDefs, ...gridProps } = props;
  const columns = useMemo(() => withHeaderRoom(columnDefs, defaultColDef), [columnDefs]);
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
    <div className="grid-host" data-testid={testId} style={height === '100%' ? { height } : { height, flex: 'none' }}>
      <AgGridReact<T> key={language} {...options} {...gridProps} columnDefs={columns} />
    </div>
  );
}
