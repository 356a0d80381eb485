import { defineProblems } from './define.js';

/** Refusals of the office's regency and its areas (wilayah.*). */
export const wilayahProblems = defineProblems({
  id: {
    'wilayah.notSetUp':
      'Kantor belum punya kabupaten. Admin perlu menyiapkan kantor dahulu (di komputer kantor: pendopo init --kabupaten KODE).',
    'wilayah.otherRegency':
      'Basis data ini sudah milik kabupaten {{existing, raw}} dan tidak dapat dipindah ke {{wanted, raw}}. Gunakan basis data baru untuk kabupaten lain.',
    'wilayah.unknownRegency':
      'Kode kabupaten {{kabupaten, raw}} tidak dikenal (tidak ada dalam daftar wilayah Kemendagri). Periksa kodenya, misalnya 33.16.',
  },
  en: {
    'wilayah.notSetUp': 'The office has no regency yet: run setup (pendopo init --kabupaten CODE) first',
    'wilayah.otherRegency':
      'This database already belongs to regency {{existing, raw}}; it cannot be switched to {{wanted, raw}}',
    'wilayah.unknownRegency': 'Unknown regency code {{kabupaten, raw}}: it is not in idn-area-data',
  },
});
