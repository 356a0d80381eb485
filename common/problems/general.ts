import { defineProblems } from './define.js';

/** Problems every feature may raise. */
export const generalProblems = defineProblems({
  id: {
    'general.internal':
      'Terjadi kesalahan di dalam Pendopo. Coba lagi; bila berulang, hubungi admin (rincian ada di berkas log).',
    // The operation's name stays in the parameters (the failure log names it): it is an internal code.
    'general.unknownOperation': 'Perintah ini tidak dikenal oleh Pendopo versi ini. Muat ulang halaman lalu coba lagi.',
    'general.unauthenticated': 'Sesi Anda sudah berakhir. Masuk lagi lalu coba lagi.',
    'general.forbidden': 'Peran Anda tidak boleh melakukan ini. Minta admin bila Anda memerlukannya.',
    'general.rejected': 'Permintaan ini ditolak. Periksa isian lalu coba lagi.',
    'general.notFound':
      'Data yang diminta tidak ditemukan; mungkin sudah diubah orang lain. Muat ulang lalu coba lagi.',
    'general.conflict': 'Data ini baru saja diubah orang lain. Muat ulang lalu coba lagi.',
    'general.invalidInput': 'Isian tidak sah. Periksa isian lalu coba lagi.',
    'general.roleForbidden': 'Peran {{role}} tidak boleh melakukan ini. Minta admin bila Anda memerlukannya.',
    'general.backendStopped': 'Mesin Pendopo berhenti bekerja. Tutup lalu buka kembali Pendopo.',
    'general.untrustedFrame': 'Panggilan dari bingkai yang tidak dipercaya ditolak.',
    'general.malformedCall': 'Panggilan ke Pendopo rusak. Muat ulang jendela lalu coba lagi.',
    'general.malformedSave': 'Permintaan menyimpan berkas rusak. Muat ulang jendela lalu coba lagi.',
    'general.databaseTooNew':
      'Basis data ini ({{file}}) ditulis oleh Pendopo yang lebih baru (skema {{schema, raw}}, aplikasi ini mengenal {{known, raw}}). Perbarui Pendopo untuk membukanya.',
    // `what` and the versions stay in the parameters (the log has them): the texts never show internal names.
    'general.unreachable':
      'Server kantor tidak dapat dihubungi atau jawabannya terputus{{status, raw}}. Periksa jaringan ke komputer server, lalu coba lagi.',
    'general.recordGone': 'Data ini tidak ada lagi; mungkin sudah dihapus orang lain. Muat ulang lalu coba lagi.',
    'general.changedMeanwhile': 'Data ini baru saja diubah orang lain. Muat ulang lalu coba lagi.',
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
    'general.roleForbidden': 'Role "{{role}}" may not do this',
    'general.backendStopped': 'The backend stopped: restart Pendopo',
    'general.untrustedFrame': 'IPC call from an untrusted frame refused',
    'general.malformedCall': 'Malformed IPC call',
    'general.malformedSave': 'Malformed save request',
    'general.databaseTooNew':
      'This database ({{file}}) was written by a newer version of Pendopo (schema {{schema, raw}}, this app knows {{known, raw}}). Update Pendopo to open it.',
    'general.unreachable':
      'The office server cannot be reached or its answer was cut off{{status, raw}}. Check the network to the server PC and try again.',
    'general.recordGone': 'This record no longer exists; someone may have deleted it. Reload and try again.',
    'general.changedMeanwhile': 'Someone else changed this record meanwhile. Reload and try again.',
  },
});
