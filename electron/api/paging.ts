import { asc, desc, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';

/** The most rows one page may ask for: a screen never downloads a table that grows with the data. */
export const PAGE_LIMIT_MAX = 500;

/**
 * The input of a paged list: `{ offset, limit, sort, filter }`, where `sort` names one of the
 * list's sortable fields and `filter` is the list's own filter object. Answers are `Page<Row>`.
 */
export function pageInput<S extends [string, ...string[]], F extends z.ZodRawShape>(sortable: S, filter: F) {
  return z.object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(PAGE_LIMIT_MAX).default(100),
    sort: z.object({ field: z.enum(sortable), dir: z.enum(['asc', 'desc']).default('asc') }).optional(),
    // prefault: an omitted filter is parsed as {}, so the filter's own defaults apply.
    filter: z.object(filter).prefault({} as never),
  });
}

export interface Page<Row> {
  rows: Row[];
  /** Rows matching the filter, over every page. */
  total: number;
}

/** A paged list's query as pageInput() parses it. */
export interface PageQuery<Sort extends string, Filter> {
  offset: number;
  limit: number;
  sort?: { field: Sort; dir: 'asc' | 'desc' };
  filter: Filter;
}

/**
 * The ORDER BY of a page: the sort's column, then the list's key, so rows of equal value keep one
 * order across pages; by the key alone when nothing else is asked.
 */
export function pageOrder<Sort extends string>(
  sort: PageQuery<Sort, unknown>['sort'],
  columns: Record<Sort, SQLWrapper>,
  key: SQLWrapper,
): SQL[] {
  const order = sort?.dir === 'desc' ? desc : asc;
  const column = sort ? columns[sort.field] : key;
  return column === key ? [order(key)] : [order(column), order(key)];
}
