import { and, count, eq, or, sql, type SQL } from 'drizzle-orm';
import { kecamatan, officers } from '../../../drizzle/schema/index.js';
import type { OfficerSort } from '../../../common/list-sorts.js';
import type { Db } from '../../db/open.js';
import { pageOrder, type Page, type PageQuery } from '../../api/paging.js';
import type { OfficerRole } from './rules.js';
import { contains } from '../../db/text-match.js';

export interface OfficerFilter {
  /** One officer (inside the backend: a read of one row with its load). */
  kode?: string;
  peran?: OfficerRole;
  kecamatan?: string;
  /** The officers reporting directly to this one. */
  atasan?: string;
  aktif?: boolean;
  /** Part of an officer code or name. */
  text?: string;
}

export type OfficerPageQuery = PageQuery<OfficerSort, OfficerFilter>;

// Written out: inside a subquery the builder leaves columns unqualified, and `kode` would be the inner table's.
// Each reads one officer's rows through an index (assignments by officer, officers by supervisor).
/** Active SLS the officer of the outer row holds (a PPL's). */
const heldSls = sql<number>`(SELECT count(*) FROM "assignments" AS "a"
  WHERE "a"."officer_kode" = "officers"."kode" AND "a"."end_date" IS NULL)`.mapWith(Number);
/** Their estimated families. */
const heldKk = sql<number>`(SELECT coalesce(sum("s"."perkiraan_kk"), 0) FROM "assignments" AS "a"
  JOIN "sls" AS "s" ON "s"."sls_id" = "a"."sls_id"
  WHERE "a"."officer_kode" = "officers"."kode" AND "a"."end_date" IS NULL)`.mapWith(Number);
/** Active officers reporting directly to them. */
const teamSize = sql<number>`(SELECT count(*) FROM "officers" AS "t"
  WHERE "t"."atasan_kode" = "officers"."kode" AND "t"."aktif" = 1)`.mapWith(Number);

/** The WHERE of an officer list filter. */
export function officerWhere(filter: OfficerFilter): SQL | undefined {
  const text = filter.text?.trim();
  return and(
    filter.kode ? eq(officers.kode, filter.kode) : undefined,
    filter.peran ? eq(officers.peran, filter.peran) : undefined,
    filter.kecamatan ? eq(officers.kecamatanKode, filter.kecamatan) : undefined,
    filter.atasan ? eq(officers.atasanKode, filter.atasan) : undefined,
    filter.aktif === undefined ? undefined : eq(officers.aktif, filter.aktif),
    // Part of a code ("0950" finds PPL-3316-0950) or of a name, any case: a kecamatan's few hundred rows at most, or ~1,000.
    text ? or(contains(officers.kode, text), contains(officers.nama, text)) : undefined,
  );
}

const SORT_COLUMNS = {
  kode: officers.kode,
  nama: officers.nama,
  peran: officers.peran,
  sls: heldSls,
  kk: heldKk,
} as const;

/** Officers matching a filter with their loads, ordered (ties by code); unbounded: callers page or filter to a few. */
export function officerRowsQuery(db: Db, filter: OfficerFilter, sort: OfficerPageQuery['sort'] = undefined) {
  return db
    .select({
      kode: officers.kode,
      nama: officers.nama,
      peran: officers.peran,
      kecamatanKode: officers.kecamatanKode,
      kecamatanNama: kecamatan.nama,
      atasanKode: officers.atasanKode,
      telepon: officers.telepon,
      aktif: officers.aktif,
      mulai: officers.mulai,
      version: officers.version,
      sls: heldSls,
      kk: heldKk,
      teamSize,
    })
    .from(officers)
    .innerJoin(kecamatan, eq(kecamatan.kode, officers.kecamatanKode))
    .where(officerWhere(filter))
    .orderBy(...pageOrder(sort, SORT_COLUMNS, officers.kode))
    .$dynamic();
}

/** The query builder of one page — exported so tests can read its plan. */
export function officerPageQuery(db: Db, query: OfficerPageQuery) {
  return officerRowsQuery(db, query.filter, query.sort).limit(query.limit).offset(query.offset);
}

export type OfficerRow = ReturnType<ReturnType<typeof officerRowsQuery>['all']>[number];

/** How many officers match — exported so tests can read its plan. */
export function officerTotalQuery(db: Db, filter: OfficerFilter) {
  return db.select({ total: count() }).from(officers).where(officerWhere(filter));
}

/** One page of the officer registry with each officer's load and team size, and how many match. */
export function pageOfficers(db: Db, query: OfficerPageQuery): Page<OfficerRow> {
  const [{ total }] = officerTotalQuery(db, query.filter).all();
  return { rows: officerPageQuery(db, query).all(), total };
}

export interface OfficerLoad {
  officer: OfficerRow;
  /** The officer's supervisor, with the load of the team they lead (active members). */
  lead: OfficerRow | null;
  team: { size: number; sls: number; kk: number } | null;
}

/** One officer's load and their supervisor's team load: what the load card beside the assign panel shows. */
export function officerLoad(db: Db, kode: string): OfficerLoad | null {
  const [officer] = officerRowsQuery(db, { kode }).all();
  if (!officer) return null;
  const [lead] = officer.atasanKode ? officerRowsQuery(db, { kode: officer.atasanKode }).all() : [];
  if (!lead) return { officer, lead: null, team: null };
  // A team is a handful of officers (4–5 PPL per PML).
  const members = officerRowsQuery(db, { atasan: lead.kode, aktif: true }).all();
  const team = {
    size: members.length,
    sls: members.reduce((s, o) => s + o.sls, 0),
    kk: members.reduce((s, o) => s + o.kk, 0),
  };
  return { officer, lead, team };
}
