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
  },
  en: {
    'participation.duplicateDay':
      'Village {{value}} on {{tanggal}} appears twice (also in row {{first, raw}}). Delete one of them.',
    'participation.duplicateVillage':
      'Village {{value}} appears twice (also in row {{first, raw}}). Delete one of them.',
    'participation.villageOutside':
      "Village {{value}} is not in this office's regency ({{kabupaten, raw}}). Check the village code.",
  },
});
