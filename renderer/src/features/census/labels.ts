import type { MessageKey } from '../../i18n';

/** The fields of an officer that `census.officers.update` changes (its input's names), said as the grid's headers. */
export const OFFICER_FIELD_LABELS = {
  nama: 'census.col.nama',
  telepon: 'census.col.telepon',
  kecamatanKode: 'census.col.kecamatan',
  atasanKode: 'census.col.atasan',
  aktif: 'census.col.aktif',
  mulai: 'census.col.mulai',
} satisfies Record<string, MessageKey>;
