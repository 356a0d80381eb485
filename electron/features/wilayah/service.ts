import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open.js';
import { desa, kabupaten, kecamatan } from '../../../drizzle/schema/index.js';
import { ApiError } from '../../api/errors.js';
import { getSetting, setSetting } from '../settings/service.js';
import type { RegencyAreas } from './area-data.js';
import { localDay, ZONES, zoneOfArea, type OfficeZone, type ZoneName } from '../../../common/time-zone.js';

export const KABUPATEN_CODE = /^\d{2}\.\d{2}$/;

export interface OfficeSummary {
  kabupaten: string;
  nama: string;
  provinsi: string;
  kecamatan: number;
  desa: number;
  /** The office's time zone (WIB, WITA, WIT): visit days and times are shown in it. */
  zone: ZoneName;
}

export interface SetupResult extends OfficeSummary {
  created: boolean;
}

export function officeKabupaten(db: Db): string | null {
  return getSetting(db, 'office.kabupaten');
}

/** The office's regency, or a NOT_INITIALISED error for features that need one. */
export function requireOfficeKabupaten(db: Db): string {
  const kode = officeKabupaten(db);
  if (!kode) throw ApiError.problem('NOT_INITIALISED', 'wilayah.notSetUp');
  return kode;
}

/** The office's time zone (from its province); WIB before the office is set up. */
export function officeZone(db: Db): OfficeZone {
  const kode = officeKabupaten(db);
  return kode ? zoneOfArea(kode) : ZONES.WIB;
}

/** Today's date (YYYY-MM-DD) in the office's zone, whatever the PC's clock zone is. */
export function officeToday(db: Db, now = new Date()): string {
  return localDay(now, officeZone(db));
}

export function officeSummary(db: Db): OfficeSummary | null {
  const kode = officeKabupaten(db);
  if (!kode) return null;
  const row = db.select().from(kabupaten).where(eq(kabupaten.kode, kode)).get();
  if (!row) return null;
  const counts = db
    .select({
      kecamatan: sql<number>`(SELECT count(*) FROM ${kecamatan})`,
      desa: sql<number>`(SELECT count(*) FROM ${desa})`,
    })
    .from(kabupaten)
    .where(eq(kabupaten.kode, kode))
    .get();
  return {
    kabupaten: row.kode,
    nama: row.nama,
    provinsi: row.provinsiNama,
    kecamatan: counts?.kecamatan ?? 0,
    desa: counts?.desa ?? 0,
    zone: zoneOfArea(row.kode).name,
  };
}

/**
 * Sets the office's regency and loads its kecamatan and villages. Idempotent for the same
 * regency; an office is bound to one regency for life, so a different one is refused.
 */
export function setupOffice(db: Db, areas: RegencyAreas): SetupResult {
  const existing = officeKabupaten(db);
  if (existing && existing !== areas.regency.kode) {
    throw ApiError.problem('REJECTED', 'wilayah.otherRegency', { existing, wanted: areas.regency.kode });
  }
  if (existing) return { ...(officeSummary(db) as OfficeSummary), created: false };
  const { regency } = areas;
  db.insert(kabupaten)
    .values({
      kode: regency.kode,
      nama: regency.nama,
      provinsiKode: regency.provinsiKode,
      provinsiNama: regency.provinsiNama,
    })
    .run();
  for (const k of areas.kecamatan)
    db.insert(kecamatan).values({ kode: k.kode, kabupatenKode: regency.kode, nama: k.nama }).run();
  for (const d of areas.desa) db.insert(desa).values(d).run();
  setSetting(db, 'office.kabupaten', regency.kode);
  return { ...(officeSummary(db) as OfficeSummary), created: true };
}

export interface KecamatanRow {
  kode: string;
  nama: string;
  desa: number;
  kelurahan: number;
  sls: number;
  estimatedHouseholds: number;
}

export function listKecamatan(db: Db): KecamatanRow[] {
  return db.$client
    .prepare(
      `SELECT k.kode, k.nama,
              (SELECT count(*) FROM desa d WHERE d.kecamatan_kode = k.kode AND d.jenis = 'desa') AS desa,
              (SELECT count(*) FROM desa d WHERE d.kecamatan_kode = k.kode AND d.jenis = 'kelurahan') AS kelurahan,
              (SELECT count(*) FROM sls s JOIN desa d ON d.kode = s.desa_kode WHERE d.kecamatan_kode = k.kode) AS sls,
              (SELECT coalesce(sum(s.perkiraan_kk), 0) FROM sls s JOIN desa d ON d.kode = s.desa_kode WHERE d.kecamatan_kode = k.kode) AS estimatedHouseholds
         FROM kecamatan k ORDER BY k.kode`,
    )
    .all() as KecamatanRow[];
}

export interface DesaRow {
  kode: string;
  nama: string;
  jenis: 'desa' | 'kelurahan';
  kecamatanKode: string;
  kecamatanNama: string;
  sls: number;
  estimatedHouseholds: number;
}

export function listDesa(db: Db, kecamatanKode?: string): DesaRow[] {
  return db.$client
    .prepare(
      `SELECT d.kode, d.nama, d.jenis, d.kecamatan_kode AS kecamatanKode, k.nama AS kecamatanNama,
              count(s.sls_id) AS sls, coalesce(sum(s.perkiraan_kk), 0) AS estimatedHouseholds
         FROM desa d JOIN kecamatan k ON k.kode = d.kecamatan_kode
         LEFT JOIN sls s ON s.desa_kode = d.kode
        WHERE (@kecamatan IS NULL OR d.kecamatan_kode = @kecamatan)
        GROUP BY d.kode ORDER BY d.kode`,
    )
    .all({ kecamatan: kecamatanKode ?? null }) as DesaRow[];
}
