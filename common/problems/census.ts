import { defineProblems } from './define.js';

/** Problems of the SLS master and the officer list (office-files.md §1, §6) and their grid edits. */
export const censusProblems = defineProblems({
  id: {
    'census.cell.slsId':
      '"{{value}}" bukan id SLS: harus 16 angka (10 angka kode desa, 4 angka SLS, 2 angka sub-SLS), misalnya 3316012001000100.',
    'census.cell.officerCode':
      '"{{value}}" bukan kode petugas: 1–32 huruf besar A-Z, angka 0-9 atau tanda -, misalnya PPL-3316-0001.',
    'census.cell.atasan':
      '"{{value}}" bukan kode petugas: isi dengan kode atasan (huruf besar A-Z, angka, tanda -) atau kosongkan.',
    'census.cell.phone':
      '"{{value}}" bukan nomor HP: tulis 08…, 628… atau +628… dengan 10–13 angka setelah 0/62, misalnya 081234567890.',
    'census.sls.villageOutside':
      'Desa "{{value}}" tidak berada di kabupaten kantor ini ({{kabupaten, raw}}). Periksa kode desanya.',
    'census.sls.villageUnknown': 'Desa "{{value}}" tidak ada dalam daftar desa Kemendagri. Periksa kode desanya.',
    'census.sls.prefix':
      'Id SLS "{{value}}" tidak diawali angka kode desa {{desa, raw}}. Sepuluh angka pertama id SLS harus sama dengan kode desa tanpa titik.',
    'census.sls.duplicate': 'Id SLS "{{value}}" muncul dua kali (juga di baris {{first, raw}}). Hapus salah satunya.',
    'census.officer.duplicate':
      'Kode petugas "{{value}}" muncul dua kali (juga di baris {{first, raw}}). Setiap petugas punya kode sendiri.',
    'census.officer.kecamatanOutside':
      'Kecamatan "{{value}}" tidak berada di kabupaten kantor ini ({{kabupaten, raw}}). Periksa kode kecamatannya.',
    'census.officer.holdsSls':
      '{{kode}} masih memegang {{count}} SLS sebagai PPL. Alihkan SLS itu ke PPL lain dulu sebelum mengubah perannya menjadi {{role}}.',
    'census.balance.outOfBounds':
      'Usulan ini membuat {{count}} PPL di luar batas ±{{tolerance}}% dari rata-rata {{mean}} KK. Periksa lagi, atau terapkan dengan konfirmasi.',
    'census.balance.pplAbove': '{{kode}}: {{kk}} KK, {{deviation}}% di atas rata-rata.',
    'census.balance.pplBelow': '{{kode}}: {{kk}} KK, {{deviation}}% di bawah rata-rata.',
    'census.assign.reasonRequired':
      '{{count}} SLS sudah dipegang PPL lain: tulis alasan pemindahannya (misalnya "petugas mengundurkan diri"), agar riwayatnya jelas.',
    'census.supervisor.kosekaHasNone': 'KOSEKA tidak punya atasan: kosongkan kolom atasan.',
    'census.supervisor.required': '{{role}} harus punya atasan seorang {{wanted}}: isi kolom atasan dengan kodenya.',
    'census.supervisor.unknown':
      'Atasan "{{atasan}}" tidak ada di berkas ini dan belum terdaftar. Periksa kodenya, atau tambahkan atasan itu ke berkas.',
    'census.supervisor.wrongRole':
      'Atasan "{{atasan}}" adalah {{bossRole}}; seorang {{role}} melapor kepada {{wanted}}.',
    'census.supervisor.registeredWrongRole':
      'Petugas terdaftar {{kode}} ({{role}}) melapor kepada {{atasan}}, yang di berkas ini menjadi {{bossRole}}; seorang {{role}} melapor kepada {{wanted}}. Pertahankan peran {{atasan}}, atau pindahkan dulu {{kode}} ke atasan lain.',
    'census.sls.unknown': 'SLS {{slsId, raw}} tidak ada. Muat ulang daftar SLS.',
    'census.officer.unknown': 'Petugas {{kode}} belum terdaftar. Periksa kodenya, atau impor daftar petugas dahulu.',
    'census.assignments.notPpl': '{{kode}} adalah {{role}}; hanya PPL yang dapat memegang SLS. Pilih seorang PPL.',
    'census.assignments.inactive': '{{kode}} tidak aktif; hanya PPL aktif yang dapat memegang SLS. Pilih PPL lain.',
    'census.assignments.unknownSls':
      '{{count}} SLS tidak dikenal: {{ids}}. Tidak ada SLS yang ditugaskan; periksa id SLS-nya.',
    'census.assignments.unknownSlsUnassign':
      'SLS {{slsId, raw}} tidak dikenal. Tidak ada SLS yang dilepas; periksa id SLS-nya.',
    'census.balance.kecamatanOutside':
      'Kecamatan {{kecamatan}} tidak berada di kabupaten kantor ini. Periksa kode kecamatannya.',
    'census.balance.noPpl':
      'Kecamatan {{name}} ({{kecamatan}}) belum punya PPL aktif untuk dibagi SLS. Tambahkan atau aktifkan PPL dahulu.',
    'census.balance.noSls': 'Kecamatan {{name}} ({{kecamatan}}) belum punya SLS: impor master SLS dahulu.',
    'census.balance.outside':
      '{{count}} SLS berada di luar kecamatan {{kecamatan}}: {{ids}}. Tidak ada yang diterapkan.',
    'census.balance.twice':
      'SLS tercantum lebih dari sekali: {{ids}}. Setiap SLS hanya untuk satu PPL; tidak ada yang diterapkan.',
    'census.officer.stillHolds':
      '{{kode}} masih memegang {{sls}} SLS dan memimpin {{team}} petugas: nonaktifkan dengan menunjuk pengganti.',
    'census.officer.alreadyInactive': '{{kode}} sudah tidak aktif.',
    'census.officer.needsReplacement':
      '{{kode}} memegang {{sls}} SLS dan memimpin {{team}} petugas: pilih {{role}} pengganti.',
    'census.officer.replacesSelf':
      'Petugas tidak dapat menggantikan dirinya sendiri. Pilih petugas lain sebagai pengganti.',
    'census.officer.replacementRole':
      '{{replacement}} adalah {{replacementRole}}; {{kode}} harus digantikan oleh seorang {{role}}.',
    'census.officer.replacementInactive': 'Pengganti {{replacement}} tidak aktif. Pilih petugas yang aktif.',
  },
  en: {
    'census.cell.slsId':
      '"{{value}}" is not an SLS id: 16 digits (10 of the village code, 4 of the SLS, 2 of the sub-SLS), e.g. 3316012001000100.',
    'census.cell.officerCode':
      '"{{value}}" is not an officer code: 1–32 capital letters A-Z, digits 0-9 or -, e.g. PPL-3316-0001.',
    'census.cell.atasan':
      '"{{value}}" is not an officer code: write the supervisor\'s code (A-Z, digits, -) or leave it empty.',
    'census.cell.phone':
      '"{{value}}" is not a mobile number: write 08…, 628… or +628… with 10–13 digits after the 0/62, e.g. 081234567890.',
    'census.sls.villageOutside':
      'Village "{{value}}" is not in this office\'s regency ({{kabupaten, raw}}). Check the village code.',
    'census.sls.villageUnknown':
      'Village "{{value}}" is not in the Kemendagri list of villages. Check the village code.',
    'census.sls.prefix':
      'SLS id "{{value}}" does not start with the digits of village code {{desa, raw}}. Its first ten digits must be the village code without dots.',
    'census.sls.duplicate': 'SLS id "{{value}}" appears twice (also in row {{first, raw}}). Delete one of them.',
    'census.officer.duplicate':
      'Officer code "{{value}}" appears twice (also in row {{first, raw}}). Each officer has a code of their own.',
    'census.officer.kecamatanOutside':
      'Kecamatan "{{value}}" is not in this office\'s regency ({{kabupaten, raw}}). Check the kecamatan code.',
    'census.officer.holdsSls':
      '{{kode}} still holds {{count}} SLS as a PPL. Reassign them to another PPL before changing the role to {{role}}.',
    'census.balance.outOfBounds':
      'This proposal puts {{count}} PPL outside ±{{tolerance}}% of the mean load of {{mean}} households. Check it again, or apply it with confirmation.',
    'census.balance.pplAbove': '{{kode}}: {{kk}} households, {{deviation}}% above the mean.',
    'census.balance.pplBelow': '{{kode}}: {{kk}} households, {{deviation}}% below the mean.',
    'census.assign.reasonRequired':
      '{{count}} SLS are held by another PPL: write why they move (e.g. "officer resigned"), so their history says it.',
    'census.supervisor.kosekaHasNone': 'A KOSEKA has no supervisor: leave atasan empty.',
    'census.supervisor.required': 'A {{role}} needs a {{wanted}} as supervisor: write their code in atasan.',
    'census.supervisor.unknown':
      'Supervisor "{{atasan}}" is neither in this file nor registered. Check the code, or add that supervisor to the file.',
    'census.supervisor.wrongRole': 'Supervisor "{{atasan}}" is a {{bossRole}}; a {{role}} reports to a {{wanted}}.',
    'census.supervisor.registeredWrongRole':
      'Registered officer {{kode}} ({{role}}) reports to {{atasan}}, who becomes a {{bossRole}} in this file; a {{role}} reports to a {{wanted}}. Keep the role of {{atasan}}, or move {{kode}} to another supervisor first.',
    'census.sls.unknown': 'SLS {{slsId, raw}} does not exist',
    'census.officer.unknown': 'Officer {{kode}} is not registered',
    'census.assignments.notPpl': '{{kode}} is a {{role}}; only a PPL can hold SLS',
    'census.assignments.inactive': '{{kode}} is inactive; only an active PPL can hold SLS',
    'census.assignments.unknownSls': 'Unknown SLS ({{count}}): {{ids}}; nothing was assigned',
    'census.assignments.unknownSlsUnassign': 'Unknown SLS: {{slsId, raw}}; nothing was unassigned',
    'census.balance.kecamatanOutside': "Kecamatan {{kecamatan}} is not in the office's regency",
    'census.balance.noPpl': 'Kecamatan {{name}} ({{kecamatan}}) has no active PPL to balance over',
    'census.balance.noSls': 'Kecamatan {{name}} ({{kecamatan}}) has no SLS: import the SLS master first',
    'census.balance.outside': 'SLS outside kecamatan {{kecamatan}} ({{count}}): {{ids}}; nothing was applied',
    'census.balance.twice': 'SLS listed more than once: {{ids}}; each SLS goes to one PPL; nothing was applied',
    'census.officer.stillHolds':
      '{{kode}} still holds {{sls}} SLS and leads {{team}} officers: retire them with a replacement instead',
    'census.officer.alreadyInactive': '{{kode}} is already inactive',
    'census.officer.needsReplacement':
      '{{kode}} holds {{sls}} SLS and leads {{team}} officers: choose a replacement {{role}}',
    'census.officer.replacesSelf': 'An officer cannot replace themself',
    'census.officer.replacementRole':
      '{{replacement}} is a {{replacementRole}}; {{kode}} must be replaced by a {{role}}',
    'census.officer.replacementInactive': '{{replacement}} is inactive',
  },
});
