import { defineProblems } from './define.js';

/** Accounts, sessions, the office server, the audit trail and restore. */
export const trustProblems = defineProblems({
  id: {
    'users.passwordTooShort':
      'Kata sandi terlalu pendek: gunakan paling sedikit {{min}} karakter (huruf, angka, atau tanda baca).',
    'auth.refused':
      'Nama pengguna atau kata sandi salah, atau akun dinonaktifkan. Periksa ejaannya dan tombol Caps Lock, lalu coba lagi.',
    'auth.throttledSeconds':
      'Terlalu banyak percobaan masuk yang salah dari komputer ini. Tunggu {{seconds}} detik, lalu coba lagi dengan kata sandi yang benar.',
    'auth.throttledMinutes':
      'Terlalu banyak percobaan masuk yang salah dari komputer ini. Tunggu {{minutes}} menit, lalu coba lagi dengan kata sandi yang benar; bila lupa, minta admin mengatur ulang kata sandi.',
    'session.ended':
      'Sesi Anda berakhir karena akun ini diubah (kata sandi diganti atau akun dinonaktifkan). Silakan masuk lagi.',
    'server.bodyTooLarge':
      'Kiriman terlalu besar (lebih dari {{size}}). Kirim berkas yang lebih kecil, atau bagi menjadi beberapa berkas.',
    'server.badBody': 'Kiriman ke server tidak dapat dibaca (terputus atau rusak). Muat ulang halaman lalu coba lagi.',
    'server.busy': 'Server kantor sedang menerima banyak berkas sekaligus. Tunggu sebentar, lalu coba lagi.',
    'server.unknownHost':
      'Server ini tidak melayani nama "{{host}}". Buka Pendopo dengan alamat server itu sendiri, misalnya http://127.0.0.1:8787/.',
    'restore.onlyInApp':
      'Pemulihan dari cadangan hanya dapat dijalankan di aplikasi atau mode kantor; di baris perintah gunakan "pendopo restore".',
    'restore.missing': 'Berkas cadangan {{file}} tidak ada. Periksa nama dan foldernya.',
    'restore.notSqlite': 'Berkas {{file}} bukan basis data yang dapat dibaca. Pilih berkas cadangan Pendopo (.db).',
    'restore.damaged': 'Berkas cadangan {{file}} rusak (pemeriksaan integritas gagal). Pilih cadangan lain.',
    'restore.notPendopo': 'Berkas {{file}} bukan basis data Pendopo. Pilih berkas cadangan Pendopo.',
    'restore.tooNew':
      'Cadangan {{file}} dibuat oleh Pendopo yang lebih baru (skema {{schema, raw}}, aplikasi ini mengenal {{known, raw}}). Perbarui Pendopo dahulu.',
    'restore.inUse':
      'Basis data sedang dibuka oleh Pendopo lain (aplikasi atau mode kantor). Tutup dahulu, lalu pulihkan lagi.',
    'audit.badHead':
      '{{field}}: tulis kepala rantai audit seperti tercetak di laporan harian, yaitu nomor entri, titik dua, lalu kode sidiknya (misalnya 1234:3fa2b9c01d4e5f67).',
    'check.noDatabase':
      'Tidak ada basis data di {{file}}. Periksa lokasi --db; "pendopo init" membuat basis data baru.',
    'backup.outOnlyCli':
      'Hanya baris perintah yang boleh menentukan berkas cadangan. Unduh cadangannya dari layar ini.',
    'backup.unknown': 'Cadangan {{name}} tidak ada. Muat ulang daftar cadangan.',
    'restore.adminOnly': 'Peran {{role}} tidak boleh memulihkan cadangan; hanya admin.',
    'server.crossOrigin':
      'Permintaan dari halaman lain, atau yang bukan JSON, ditolak. Buka Pendopo dari alamat server kantor.',
    'server.loginFirst': 'Silakan masuk dahulu.',
    'server.sessionExpired': 'Anda belum masuk, atau sesi sudah berakhir. Silakan masuk lagi.',
    'server.csrf': 'Token keamanan halaman hilang atau salah. Muat ulang halaman lalu coba lagi.',
    'server.setupAdminLocal':
      'Admin pertama hanya dapat dibuat di komputer server itu sendiri (atau dengan "pendopo user add").',
    'server.noRoute': 'Alamat API ini tidak ada. Muat ulang halaman lalu coba lagi.',
    'server.usePost': 'Panggilan API harus memakai POST. Buka Pendopo dari halaman awalnya.',
    'server.badJson': 'Isi kiriman bukan JSON yang sah. Muat ulang halaman lalu coba lagi.',
  },
  en: {
    'users.passwordTooShort':
      'The password is too short: use at least {{min}} characters (letters, digits or punctuation).',
    'auth.refused':
      'Wrong username or password, or the account is disabled. Check the spelling and Caps Lock, then try again.',
    'auth.throttledSeconds':
      'Too many wrong logins from this computer. Wait {{seconds}} seconds, then try again with the right password.',
    'auth.throttledMinutes':
      'Too many wrong logins from this computer. Wait {{minutes}} minutes, then try again with the right password; if it is forgotten, ask the admin to reset it.',
    'session.ended':
      'Your session ended because this account was changed (password changed or account disabled). Please log in again.',
    'server.bodyTooLarge': 'The request is too large (over {{size}}). Send a smaller file, or split it into several.',
    'server.badBody': 'The request could not be read (cut off or malformed). Reload the page and try again.',
    'server.busy': 'The office server is receiving many files at once. Wait a moment, then try again.',
    'server.unknownHost':
      'This server does not answer to the name "{{host}}". Open Pendopo by the server\'s own address, such as http://127.0.0.1:8787/.',
    'restore.onlyInApp':
      'Restoring a backup runs only in the app or office mode; from the command line use "pendopo restore".',
    'restore.missing': 'The backup file {{file}} does not exist. Check its name and folder.',
    'restore.notSqlite': '{{file}} cannot be read as a database. Choose a Pendopo backup file (.db).',
    'restore.damaged': 'The backup {{file}} is damaged (integrity check failed). Choose another backup.',
    'restore.notPendopo': '{{file}} is not a Pendopo database. Choose a Pendopo backup file.',
    'restore.tooNew':
      'The backup {{file}} was written by a newer Pendopo (schema {{schema, raw}}, this app knows {{known, raw}}). Update Pendopo first.',
    'restore.inUse':
      'The database is open in another Pendopo (the app or office mode). Close it first, then restore again.',
    'audit.badHead':
      '{{field}}: write the audit chain head as the daily report prints it: the entry number, a colon, then its fingerprint (such as 1234:3fa2b9c01d4e5f67).',
    'check.noDatabase': 'There is no database at {{file}}. Check the --db path; "pendopo init" creates a new one.',
    'backup.outOnlyCli': 'Only the command line may name a backup file; download it instead',
    'backup.unknown': 'No backup named {{name}}',
    'restore.adminOnly': 'restore: role "{{role}}" may not do this',
    'server.crossOrigin': 'Cross-origin or non-JSON request refused',
    'server.loginFirst': 'Please log in first',
    'server.sessionExpired': 'Not logged in, or the session expired: please log in again',
    'server.csrf': 'Missing or wrong CSRF token: reload the page',
    'server.setupAdminLocal':
      'The first admin can be created only on the server machine itself (or with "pendopo user add")',
    'server.noRoute': 'No such API route',
    'server.usePost': 'Use POST for API calls',
    'server.badJson': 'Request body is not valid JSON',
  },
});
