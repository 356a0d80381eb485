import { defineProblems } from './define.js';

/** Files going out: exports, reports, downloads. */
export const exportProblems = defineProblems({
  id: {
    'exports.gone':
      'Berkas ekspor ini sudah tidak tersedia (sudah diunduh, atau lebih dari 1 jam). Klik tombol ekspor sekali lagi.',
    'exports.saveFailed':
      'Berkas {{file}} tidak dapat disimpan ({{reason}}). Pilih folder lain atau tutup berkas itu bila sedang dibuka di Excel, lalu ekspor lagi.',
  },
  en: {
    'exports.gone':
      'This export is no longer available (already downloaded, or older than 1 hour). Click the export button again.',
    'exports.saveFailed':
      '{{file}} could not be saved ({{reason}}). Choose another folder, or close the file if Excel has it open, then export again.',
  },
});
