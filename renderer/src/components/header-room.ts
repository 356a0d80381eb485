import type { ColDef, ColGroupDef } from 'ag-grid-community';

/**
 * Grid headers wrap onto more lines rather than being cut; what must not happen is a word broken
 * in the middle or lost behind the filter button. Each column is made at least as wide as the
 * longest word of its header ("Desa/Kelurahan" is one: browsers do not break after that slash)
 * plus the room the header needs beside its text.
 */

/** A cell's horizontal padding (DataGrid's theme), one side. */
export const CELL_PADDING = 8;
/** Cell padding on both sides (and a pixel of border each), and the filter button and sort arrow where the header shows them. */
const PADDING = 2 * CELL_PADDING + 2;
// Measured in the theme's header: the filter button 16 px (and 2 px from the text); the sort arrow, shown once the column is sorted, 8 + 16 px.
const FILTER_BUTTON = 18;
const SORT_ARROW = 24;
/** The theme's header and cell text: 13 px, weight 600 and normal (DataGrid's theme). */
const HEADER_FONT = '600 13px';
const CELL_FONT = '400 13px';

let context: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, font = HEADER_FONT): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d');
  // Without a canvas (never in a browser), guess from the length.
  if (!context) return text.length * 8;
  context.font = `${font} ${getComputedStyle(document.body).fontFamily}`;
  return context.measureText(text).width;
}

/**
 * The width a cell needs to show `sample` whole (a date and time, a code of known length): the
 * `minWidth` of a column whose values must never be cut when the grid shrinks its columns to fit.
 */
export function cellRoom(sample: string): number {
  return Math.ceil(textWidth(sample, CELL_FONT)) + PADDING;
}

/** The words of a label: a line may break only between them. */
function headerWords(label: string): string[] {
  return label.split(/\s+/).filter(Boolean);
}

function withRoom<T>(column: ColDef<T>, defaults: ColDef): ColDef<T> {
  const label = column.headerName;
  if (!label) return column;
  const room =
    PADDING +
    ((column.filter ?? defaults.filter) ? FILTER_BUTTON : 0) +
    ((column.sortable ?? defaults.sortable) ? SORT_ARROW : 0);
  const needed = Math.ceil(Math.max(...headerWords(label).map((word) => textWidth(word)))) + room;
  return {
    ...column,
    minWidth: Math.max(column.minWidth ?? 0, needed),
    ...(column.width !== undefined && column.width < needed ? { width: needed } : {}),
  };
}

/** The columns, each at least as wide as its header needs. */
export function withHeaderRoom<T>(
  columns: (ColDef<T> | ColGroupDef<T>)[] | null | undefined,
  defaults: ColDef,
): (ColDef<T> | ColGroupDef<T>)[] | null | undefined {
  return columns?.map((c) =>
    'children' in c ? { ...c, children: withHeaderRoom(c.children, defaults) ?? [] } : withRoom(c, defaults),
  );
}
