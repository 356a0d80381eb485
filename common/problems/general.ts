import { defineProblems } from './define.js';

/** Problems every feature may raise. */
export const generalProblems = defineProblems({
  id: {
    'general.internal':
      'Terjadi kesalahan di dalam Pendopo. Coba lagi; bila berulang, hubungi admin (rincian ada di berkas log).',
  },
  en: {
    'general.internal':
      'Something went wrong inside Pendopo. Try again; if it happens again, tell the admin (details are in the log file).',
  },
});
