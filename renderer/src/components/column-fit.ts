import type { ColDef, ColGroupDef } from 'ag-grid-community';

/**
 * Columns fit the grid rather than scroll it sideways. A screen gives each column the width it likes
 * (`width`) or lets it take the rest (`flex`, from its `minWidth`); when the grid is narrower than
 * those widths together (a 1366×768 screen, a half-width panel), every column shrinks in proportion
 * to its width, down to its `minWidth` (its header's longest word, the whole of a date), and the
 * grid scrolls sideways only when even those minimums do not fit.
 */

/** AG Grid's width of a column that names none. */
const DEFAULT_WIDTH = 200;
/** The body's vertical scroll bar, which takes its width from the columns. */
const SCROLLBAR = 16;

type Column<T> = ColDef<T> | ColGroupDef<T>;

const isGroup = <T>(c: Column<T>): c is ColGroupDef<T> => 'children' in c;
/** Columns that keep their width: pinned ones (row actions) and those that say so. */
const keepsWidth = <T>(c: ColDef<T>) => Boolean(c.pinned || c.suppressSizeToFit || c.hide);
const liked = <T>(c: ColDef<T>) => (c.flex ? (c.minWidth ?? 0) : (c.width ?? DEFAULT_WIDTH));

function leaves<T>(columns: Column<T>[]): ColDef<T>[] {
  return columns.flatMap((c) => (isGroup(c) ? leaves(c.children) : [c]));
}

/** Whether the columns at the widths they like are wider than a grid of this (client) width. */
export function needsFit<T>(columns: Column<T>[] | null | undefined, gridWidth: number): boolean {
  if (!columns || gridWidth <= 0) return false;
  const total = leaves(columns)
    .filter((c) => !c.hide)
    .reduce((sum, c) => sum + liked(c), 0);
  return total > gridWidth - SCROLLBAR;
}

/** The columns sharing the grid's width in proportion to the widths they like, none below its minimum. */
export function fitColumns<T>(columns: Column<T>[]): Column<T>[] {
  return columns.map((c) => {
    if (isGroup(c)) return { ...c, children: fitColumns(c.children) };
    if (keepsWidth(c)) return c;
    const { width: _width, ...rest } = c;
    return { ...rest, flex: Math.max(1, liked(c)) };
  });
}
