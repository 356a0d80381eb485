import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { desa, kecamatan } from './wilayah.js';

/** The census frame: one row per SLS (or sub-SLS). Id = 10-digit village code + 4-digit SLS + 2-digit sub-SLS. */
export const sls = sqliteTable(
  'sls',
  {
    slsId: text('sls_id').primaryKey(),
    desaKode: text('desa_kode')
      .notNull()
      .references(() => desa.kode),
    nama: text('nama').notNull(),
    estimatedHouseholds: integer('perkiraan_kk').notNull(),
    updatedAt: text('updated_at').notNull(),
    /** Bumped on every change; a grid edit sends the version it read and is refused if it moved. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('sls_desa_idx').on(t.desaKode),
    // The SLS list's sorts (ties by id), so a page is read in order instead of sorted whole.
    index('sls_nama_idx').on(t.nama, t.slsId),
    index('sls_perkiraan_kk_idx').on(t.estimatedHouseholds, t.slsId),
    check('sls_perkiraan_kk_range', sql`${t.estimatedHouseholds} BETWEEN 0 AND 2000`),
  ],
);

export const OFFICER_ROLES = ['PPL', 'PML', 'KOSEKA'] as const;

/** Field officers; `kode` is the officer_code the tablets write into sync packages. */
export const officers = sqliteTable(
  'officers',
  {
    kode: text('kode').primaryKey(),
    nama: text('nama').notNull(),
    peran: text('peran', { enum: OFFICER_ROLES }).notNull(),
    kecamatanKode: text('kecamatan_kode')
      .notNull()
      .references(() => kecamatan.kode),
    atasanKode: text('atasan_kode'),
    /** Normalised +628… or null. */
    telepon: text('telepon'),
    aktif: integer('aktif', { mode: 'boolean' }).notNull().default(true),
    mulai: text('mulai'),
    updatedAt: text('updated_at').notNull(),
    /** Bumped on every change; a grid edit sends the version it read and is refused if it moved. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('officers_atasan_idx').on(t.atasanKode),
    // The officer list's filters and sorts (ties by code), so a page is read in order instead of sorted whole.
    index('officers_kecamatan_kode_idx').on(t.kecamatanKode, t.kode),
    index('officers_peran_kode_idx').on(t.peran, t.kode),
    // The PPL picker: one kecamatan's PPL.
    index('officers_kecamatan_peran_idx').on(t.kecamatanKode, t.peran, t.kode),
    index('officers_nama_idx').on(t.nama, t.kode),
  ],
);

/** Who held an SLS and when. At most one open (end_date IS NULL) row per SLS. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slsId: text('sls_id')
      .notNull()
      .references(() => sls.slsId),
    officerCode: text('officer_kode')
      .notNull()
      .references(() => officers.kode),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    reason: text('reason'),
    endReason: text('end_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('assignments_one_active_per_sls').on(t.slsId).where(sql`${t.endDate} IS NULL`),
    index('assignments_officer_idx').on(t.officerCode),
  ],
);

export const HOUSEHOLD_STATUSES = ['complete', 'online_verified', 'partial', 'refused', 'not_found', 'moved'] as const;

/** The current record of each household: the highest revision received from field sync packages. */
export const households = sqliteTable(
  'households',
  {
    householdId: text('household_id').primaryKey(),
    slsId: text('sls_id')
      .notNull()
      .references(() => sls.slsId),
    status: text('status', { enum: HOUSEHOLD_STATUSES }).notNull(),
    members: integer('members').notNull(),
    male: integer('male').notNull(),
    female: integer('female').notNull(),
    visitedAt: text('visited_at').notNull(),
    revision: integer('revision').notNull(),
    officerCode: text('officer_code').notNull(),
    packageId: text('package_id').notNull(),
    /** Reported by an officer who was not the one assigned to the SLS at import time. */
    flagged: integer('flagged', { mode: 'boolean' }).notNull().default(false),
  },
  // No index on officer_code: nothing reads households by officer, and each index costs every import.
  (t) => [index('households_sls_status_idx').on(t.slsId, t.status)],
);

/**
 * One row whose `stamp` triggers set to a new random value whenever an SLS id is added, removed or
 * renamed (custom migration `scale_summary`), so a field sync import knows without reading the
 * master whether the copy its parser thread holds is still the master. Random rather than counted:
 * a restored backup of another office cannot bring back a stamp this one has seen.
 */
export const slsMasterStamp = sqliteTable('sls_master_stamp', {
  id: integer('id').primaryKey(),
  stamp: integer('stamp').notNull(),
});
