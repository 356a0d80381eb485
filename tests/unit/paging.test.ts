import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PAGE_LIMIT_MAX, pageInput } from '../../electron/api/paging.js';

describe('pageInput: { offset, limit ≤ 500, sort, filter }', () => {
  const input = pageInput(['id', 'nama'], { state: z.enum(['open', 'all']).default('open') });
  it('fills an omitted filter with its own defaults, and offset and limit', () => {
    expect(input.parse({})).toEqual({ offset: 0, limit: 100, filter: { state: 'open' } });
    expect(input.parse({ filter: { state: 'all' } }).filter).toEqual({ state: 'all' });
  });
  it('refuses a page over the limit, a negative offset and a sort it does not know', () => {
    expect(input.safeParse({ limit: PAGE_LIMIT_MAX + 1 }).success).toBe(false);
    expect(input.safeParse({ offset: -1 }).success).toBe(false);
    expect(input.safeParse({ sort: { field: 'secret', dir: 'asc' } }).success).toBe(false);
    expect(input.parse({ sort: { field: 'nama' } }).sort).toEqual({ field: 'nama', dir: 'asc' });
  });
});
