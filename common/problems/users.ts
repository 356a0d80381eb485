import { defineProblems } from './define.js';

/** Refusals of the user accounts (users.*): creating, changing and checking an account. */
export const usersProblems = defineProblems({
  id: {
    'users.reserved': 'Nama pengguna "{{username}}" dipakai oleh aplikasi sendiri. Pilih nama pengguna lain.',
    'users.exists': 'Pengguna "{{username}}" sudah ada. Pilih nama pengguna lain, atau ubah akun yang ada.',
    'users.unknown': 'Pengguna "{{username}}" tidak ada. Muat ulang daftar pengguna.',
    'users.lastAdmin':
      'Admin aktif terakhir tidak dapat dinonaktifkan atau diturunkan perannya. Jadikan pengguna lain admin dahulu.',
    'users.disabled': 'Akun "{{username}}" dinonaktifkan. Minta admin mengaktifkannya kembali.',
    'users.adminExists': 'Admin sudah ada: silakan masuk dengan akun yang ada.',
    'users.wrongCurrentPassword': 'Kata sandi saat ini salah. Periksa ejaannya dan tombol Caps Lock, lalu coba lagi.',
  },
  en: {
    'users.reserved': '"{{username}}" is reserved for the app itself',
    'users.exists': 'User "{{username}}" already exists',
    'users.unknown': 'User "{{username}}" does not exist',
    'users.lastAdmin': 'The last active admin cannot be disabled or demoted',
    'users.disabled': 'The account "{{username}}" is disabled',
    'users.adminExists': 'An admin already exists: log in instead',
    'users.wrongCurrentPassword': 'The current password is wrong',
  },
});
