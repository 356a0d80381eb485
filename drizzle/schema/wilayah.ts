import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Places come from idn-area-data (Kemendagri codes with dots); never imported from files. */
export const kabupaten = sqliteTable('kabupaten', {
  kode: text('kode').primaryKey(),
  nama: text('nama').notNull(),
  provinsiKode: text('provinsi_kode').notNull(),
  provinsiNama: text('provinsi_nama').notNull(),
});

export const kecamatan = sqliteTable(
  'kecamatan',
  {
    kode: text('kode').primaryKey(),
    kabupatenKode: text('kabupaten_kode')
      .notNull()
      .references(() => kabupaten.kode),
    nama: text('nama').notNull(),
  },
  (t) => [index('kecamatan_kabupaten_idx').on(t.kabupatenKode)],
);

export const desa = sqliteTable(
  'desa',
  {
    kode: text('kode').primaryKey(),
    kecamatanKode: text('kecamatan_kode')
      .notNull()
      .references(() => kecamatan.kode),
    nama: text('nama').notNull(),
    /** 'desa' when the 4th code part starts with 2, 'kelurahan' when with 1. */
    jenis: text('jenis', { enum: ['desa', 'kelurahan'] }).notNull(),
  },
  (t) => [index('desa_kecamatan_idx').on(t.kecamatanKode)],
);
