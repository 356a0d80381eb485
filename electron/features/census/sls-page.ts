import { and, count, eq, gte, isNull, lt, or, sum, type SQL } from 'drizzle-orm';
import { assignments, desa, kecamatan, officers, sls } from '../../../drizzle/schema/index.js';
import type { Db } from '../../db/open.js';
import { pageOrder, type Page, type PageQuery } from '../../api/paging.js';
import { contains, startsWith } from '../../db/text-match.js';
import type { SlsRow } from './sls.js';

import type { SlsSort } from '../../../common/list-sorts.js';

export interface SlsFilter {
  kecamatan?: string;
  desa?: string;
  /** Digits: the start of an SLS id; otherwise part of the SLS name. */
  text?: string;
  /** `none`: SLS without a PPL; otherwise the PPL's code. */
  ppl?: string;
}

export type SlsPageQuery = PageQuery<SlsSort, SlsFilter>;

/** An SLS id range for a kecamatan or village code: SLS ids start with the village's digits (the importer checks). */
function idPrefix(code: string): SQL {
  const digits = code.replace(/\./g, '');
  // ':' sorts right after '9', so [digits, digits + ':') holds exactly the ids starting with digits.
  return and(gte(sls.slsId, digits), lt(sls.slsId, `${digits}:`)) as SQL;
}

/** The WHERE of an SLS list filter; `active` is the open-assignment alias joined by the caller. */
export function slsWhere(filter: SlsFilter): SQL | undefined {
  const text = filter.text?.trim();
  return and(
    filter.desa ? idPrefix(filter.desa) : filter.kecamatan ? idPrefix(filter.kecamatan) : undefined,
    text && /^\d+$/.test(text) ? idPrefix(text) : undefined,
    text && !/^\d+$/.test(text) ? or(contains(sls.nama, text), startsWith(sls.slsId, text)) : undefined,
    filter.ppl === 'none'
      ? isNull(assignments.officerCode)
      : filter.ppl
        ? eq(assignments.officerCode, filter.ppl)
        : undefined,
  );
}

const openAssignment = and(eq(assignments.slsId, sls.slsId), isNull(assignments.endDate));

const SORT_COLUMNS = { slsId: sls.slsId, nama: sls.nama, estimatedHouseholds: sls.estimatedHouseholds } as const;

/** The query builder of one page, ordered (ties by SLS id) — exported so tests can read its plan. */
export function slsPageQuery(db: Db, query: SlsPageQuery) {
  return db
    .select({
      slsId: sls.slsId,
      desaKode: sls.desaKode,
      desaNama: desa.nama,
      kecamatanKode: desa.kecamatanKode,
      kecamatanNama: kecamatan.nama,
      nama: sls.nama,
      estimatedHouseholds: sls.estimatedHouseholds,
      version: sls.version,
      pplKode: assignments.officerCode,
      pplNama: officers.nama,
    })
    .from(sls)
    .innerJoin(desa, eq(desa.kode, sls.desaKode))
    .innerJoin(kecamatan, eq(kecamatan.kode, desa.kecamatanKode))
    .leftJoin(assignments, openAssignment)
    .leftJoin(officers, eq(officers.kode, assignments.officerCode))
    .where(slsWhere(query.filter))
    .orderBy(...pageOrder(query.sort, SORT_COLUMNS, sls.slsId))
    .limit(query.limit)
    .offset(query.offset);
}

/** How many SLS match and their estimated families — exported so tests can read its plan. */
export function slsTotalQuery(db: Db, filter: SlsFilter) {
  const counted = db.select({ total: count(), kk: sum(sls.estimatedHouseholds).mapWith(Number) }).from(sls);
  // The assignment join only when the filter names a PPL: the plain count reads the narrowest index.
  return (filter.ppl ? counted.leftJoin(assignments, openAssignment) : counted).where(slsWhere(filter));
}

/** One page of the census frame, with the number of matching SLS and their estimated families. */
export function pageSls(db: Db, query: SlsPageQuery): Page<SlsRow> & { kk: number } {
  const [{ total, kk }] = slsTotalQuery(db, query.filter).all();
  return { rows: slsPageQuery(db, query).all(), total, kk: kk ?? 0 };
}

/** Every SLS id matching a filter: "assign all matching" resolves its filter here, inside the write. */
export function slsIdsMatching(db: Db, filter: SlsFilter): string[] {
  return db
    .select({ slsId: sls.slsId })
    .from(sls)
    .leftJoin(assignments, openAssignment)
    .where(slsWhere(filter))
    .orderBy(sls.slsId)
    .all()
    .map((r) => r.slsId);
}
