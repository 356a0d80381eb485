import { defineProblems } from './define.js';

/** Refusals of the field sync imports and their conflicts (sync.*). */
export const syncProblems = defineProblems({
  id: {
    'sync.unknownImport': 'Impor #{{id, raw}} tidak ditemukan. Muat ulang daftar impor.',
    'sync.unknownConflict': 'Konflik #{{id, raw}} tidak ditemukan. Muat ulang daftar konflik.',
    'sync.conflictClosed': 'Konflik #{{id, raw}} sudah diselesaikan ({{state}}). Muat ulang daftar konflik.',
    'sync.householdMoved':
      'Rumah tangga {{household}} sudah berubah ke revisi lain sejak konflik ini tercatat. Muat ulang lalu periksa lagi.',
  },
  en: {
    'sync.unknownImport': 'No import with id {{id, raw}}',
    'sync.unknownConflict': 'No conflict with id {{id, raw}}',
    'sync.conflictClosed': 'Conflict {{id, raw}} is already {{state}}',
    'sync.householdMoved': 'Household {{household}} has moved on to another revision',
  },
});
