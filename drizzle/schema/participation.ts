import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { desa } from './wilayah.js';

/** SP Online daily export (office-files.md §2): cumulative counts per village up to and including `tanggal`. */
export const spOnlineDaily = sqliteTable(
  'sp_online_daily',
  {
    tanggal: text('tanggal').notNull(),
    desaKode: text('desa_kode')
      .notNull()
      .references(() => desa.kode),
    kkOnline: integer('kk_online').notNull(),
    pendudukOnline: integer('penduduk_online').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.desaKode, t.tanggal] }), index('sp_online_daily_tanggal_idx').on(t.tanggal)],
);

/** Administrative population per village (office-files.md §3): the denominator of participation rates. */
export const populationBaseline = sqliteTable('population_baseline', {
  desaKode: text('desa_kode')
    .primaryKey()
    .references(() => desa.kode),
  kk: integer('kk').notNull(),
  penduduk: integer('penduduk').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * SP Online targets as a percentage of baseline families, for the regency, a kecamatan or a village
 * (`kode` is the Kemendagri code of any of them). A place without its own target inherits its parent's.
 */
export const participationTargets = sqliteTable(
  'participation_targets',
  {
    kode: text('kode').primaryKey(),
    targetPct: real('target_pct').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('participation_targets_pct_range', sql`${t.targetPct} BETWEEN 0 AND 100`)],
);

/** Jemput bola: an assisted-registration session at a gathering point in a village. */
export const jemputBolaSessions = sqliteTable(
  'jemput_bola_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tanggal: text('tanggal').notNull(),
    desaKode: text('desa_kode')
      .notNull()
      .references(() => desa.kode),
    /** Where, e.g. "Balai desa" or "Penyaluran PKH". */
    tempat: text('tempat').notNull(),
    /** Staff present, free text. */
    petugas: text('petugas').notNull(),
    kkDibantu: integer('kk_dibantu').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('jemput_bola_desa_idx').on(t.desaKode, t.tanggal)],
);
