/**
 * Rows for an export, a page at a time. Each page is one short query that finishes before the page
 * is written (keyset paging: "after the last key of the previous page"), so no statement stays open
 * while the export waits for the disk and other callers of the same connection are never blocked or
 * refused. Memory holds one page, whatever the table's size.
 */
export const EXPORT_PAGE_ROWS = 2000;

/** Pages of a query ordered by a unique key: `read(after, limit)` returns the rows after `after`, in key order. */
export function* keysetPages<R, K>(
  read: (after: K, limit: number) => R[],
  first: K,
  keyOf: (row: R) => K,
  pageSize = EXPORT_PAGE_ROWS,
): Generator<R[]> {
  let after = first;
  for (;;) {
    const page = read(after, pageSize);
    if (page.length) yield page;
    if (page.length < pageSize) return;
    after = keyOf(page[page.length - 1]);
  }
}

/** Rows already computed (aggregates bounded by the regency's SLS or OPD count), cut into pages. */
export function* arrayPages<R>(rows: readonly R[], pageSize = EXPORT_PAGE_ROWS): Generator<R[]> {
  for (let i = 0; i < rows.length; i += pageSize) yield rows.slice(i, i + pageSize);
}
