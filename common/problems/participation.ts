import { defineProblems } from './define.js';

/** Problems of the SP Online daily file and the population baseline (office-files.md §2, §3). */
export const participationProblems = defineProblems({
  id: {
    'participation.duplicateDay':
      'Desa {{value}} pada tanggal {{tanggal}} muncul dua kali (juga di baris {{first, raw}}). Hapus salah satunya.',
    'participation.duplicateVillage':
      'Desa {{value}} muncul dua kali (juga di baris {{first, raw}}). Hapus salah satunya.',
    'participation.villageOutside':
      'Desa {{value}} tidak ada di kabupaten kantor ini ({{kabupaten, raw}}). Periksa kode desanya.',
    'participation.sessionVillageOutside':
      'Desa {{desa, raw}} tidak ada di kabupaten kantor ini. Pilih desa dari daftar.',
    'participation.unknownSession': 'Sesi jemput bola #{{id, raw}} tidak ditemukan. Muat ulang daftar sesi.',
    'participation.targetOutside':
      '{{kode, raw}} bukan kabupaten {{kabupaten, raw}}, dan bukan salah satu kecamatan atau desanya. Periksa kode wilayahnya.',
  },
  en: {
    'participation.duplicateDay':
      'Village {{value}} on {{tanggal}} appears twice (also in row {{first, raw}}). Delete one of them.',
    'participation.duplicateVillage':
      'Village {{value}} appears twice (also in row {{first, raw}}). Delete one of them.',
    'participation.villageOutside':
      "Village {{value}} is not in this office's regency ({{kabupaten, raw}}). Check the village code.",
    'participation.sessionVillageOutside': "village {{desa, raw}} is not in the office's regency",
    'participation.unknownSession': 'jemput bola session {{id, raw}} does not exist',
    'participation.targetOutside':
      '{{kode, raw}} is not the regency {{kabupaten, raw}} nor one of its kecamatan or villages',
  },
});
