import { defineProblems } from './define.js';

/** Problems every feature may raise. */
export const generalProblems = defineProblems({
  id: {
    'general.internal':
      'Terjadi kesalahan di dalam Pendopo. Coba lagi; bila berulang, hubungi admin (rincian ada di berkas log).',
    'general.unknownOperation': 'Perintah ini tidak dikenal oleh Pendopo versi ini. Muat ulang halaman lalu coba lagi.',
    'general.unauthenticated': 'Sesi Anda sudah berakhir. Masuk lagi lalu coba lagi.',
    'general.forbidden': 'Peran Anda tidak boleh melakukan ini. Minta admin bila Anda memerlukannya.',
    'general.rejected': 'Permintaan ini ditolak. Periksa isian lalu coba lagi.',
    'general.notFound':
      'Data yang diminta tidak ditemukan; mungkin sudah diubah orang lain. Muat ulang lalu coba lagi.',
    'general.conflict': 'Data ini baru saja diubah orang lain. Muat ulang lalu coba lagi.',
    'general.invalidInput': 'Isian tidak sah. Periksa isian lalu coba lagi.',
  },
  en: {
    'general.internal':
      'Something went wrong inside Pendopo. Try again; if it happens again, tell the admin (details are in the log file).',
    'general.unknownOperation': 'This version of Pendopo does not know this request. Reload the page and try again.',
    'general.unauthenticated': 'Your session has ended. Log in again and try again.',
    'general.forbidden': 'Your role may not do this. Ask the admin if you need it.',
    'general.rejected': 'The request was refused. Check what you entered and try again.',
    'general.notFound': 'What you asked for was not found; someone may have changed it. Reload and try again.',
    'general.conflict': 'Someone else just changed this. Reload and try again.',
    'general.invalidInput': 'Something you entered is not valid. Check it and try again.',
  },
});
