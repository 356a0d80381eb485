import { defineProblems } from './define.js';

/** Problems of the OPD register and the employee list (office-files.md §4, §5). NIPs appear masked only. */
export const integrityProblems = defineProblems({
  id: {
    'integrity.nip.digits':
      'NIP "{{value}}" harus tepat 18 angka. Format kolom nip sebagai Teks, ketik ulang NIP-nya, lalu simpan lagi.',
    'integrity.nip.rounded':
      'NIP "{{value}}" berakhir 000: lembar kerja membulatkannya karena kolom nip berformat Angka (hanya 15 digit yang disimpan). Format kolom nip sebagai Teks, ketik atau tempel ulang NIP dari sumber aslinya, lalu simpan lagi.',
    'integrity.nip.birthDate':
      'NIP "{{value}}": tanggal lahir (angka 1–8, TTTTBBHH) bukan tanggal yang ada. Periksa NIP-nya.',
    'integrity.nip.appointmentMonth':
      'NIP "{{value}}": bulan pengangkatan (angka 9–14, TTTTBB) bukan bulan yang ada. Periksa NIP-nya.',
    'integrity.nip.appointedTooYoung':
      'NIP "{{value}}": bulan pengangkatan tidak sesudah ulang tahun ke-15. Periksa NIP-nya.',
    'integrity.nip.sexDigit': 'NIP "{{value}}": angka ke-15 (jenis kelamin) harus 1 atau 2. Periksa NIP-nya.',
    'integrity.nip.nonAsn':
      'Pegawai NON-ASN tidak punya NIP: kosongkan kolom nip (tertulis "{{value}}"), atau ubah statusnya.',
    'integrity.nip.required': 'Pegawai {{status}} wajib punya NIP: isi kolom nip dengan 18 angka.',
    'integrity.nip.duplicate':
      'NIP "{{value}}" muncul dua kali (juga di baris {{first, raw}}). Setiap NIP hanya boleh ada sekali.',
    'integrity.pegawai.noOpdRegister':
      'Daftar OPD belum diimpor, jadi {{rows}} pegawai belum bisa ditempatkan: impor daftar OPD dulu, lalu impor daftar pegawai lagi.',
    'integrity.pegawai.unknownUnit':
      '"{{value}}" bukan nama maupun kode OPD yang terdaftar. Tulis nama OPD persis seperti di daftar OPD (atau kodenya), atau impor daftar OPD dulu.',
    'integrity.opd.code':
      '"{{value}}" bukan kode OPD: 1–32 huruf besar A-Z, angka 0-9, titik atau tanda -, misalnya OPD-01.',
    'integrity.opd.duplicate':
      '"{{value}}" muncul dua kali (juga di baris {{first, raw}}); kolom {{column}} harus unik.',
    'integrity.opd.nameTaken':
      'Nama "{{value}}" sudah dipakai OPD terdaftar {{kode}}. Pakai nama lain, atau pakai kode {{kode}} untuk OPD ini.',
    'integrity.stage.outOfOrder':
      '{{opd}} sedang di tahap {{current}}; tahap {{stage}} tidak bisa menyusul. Tahap berikutnya yang boleh: {{allowed}}.',
    'integrity.stage.beforePrevious':
      'Tanggal {{date}} lebih awal dari tanggal tahap sekarang ({{previous}}). Pilih tanggal yang sama atau sesudahnya.',
    'integrity.stage.needsTpiScore': 'Tahap penilaian internal memerlukan nilai TPI. Isi nilai TPI lalu simpan lagi.',
    'integrity.stage.needsDecree':
      'Tahap ditetapkan memerlukan predikat (WBK/WBBM), nomor SK, dan tanggal SK. Lengkapi lalu simpan lagi.',
    'integrity.stage.requirementsNotMet': '{{opd}} belum bisa diusulkan: syarat tahun {{year, raw}} belum terpenuhi.',
    'integrity.requirement.auditOpinion':
      'Opini audit tahun {{year, raw}}: {{value}} (harus WTP). Catat opini audit di Syarat pengusulan.',
    'integrity.requirement.auditOpinionMissing':
      'Opini audit tahun {{year, raw}} belum dicatat (harus WTP). Catat opini audit di Syarat pengusulan.',
    'integrity.requirement.sakipGrade':
      'Nilai SAKIP tahun {{year, raw}}: {{value}} (paling rendah CC). Catat nilai SAKIP di Syarat pengusulan.',
    'integrity.requirement.sakipGradeMissing':
      'Nilai SAKIP tahun {{year, raw}} belum dicatat (paling rendah CC). Catat nilai SAKIP di Syarat pengusulan.',
    'integrity.nip.notEmployed': 'Tidak ada pegawai aktif dengan NIP "{{value}}". Periksa NIP itu.',
    'integrity.nip.notFoundBatch':
      '{{count}} NIP tidak ditemukan (yang pertama: "{{first}}"); tidak ada yang diubah. Periksa daftar NIP lalu coba lagi.',
    'integrity.asn.noneChosen': 'Belum ada pegawai yang dipilih. Centang pegawai atau tempel daftar NIP.',
    'integrity.asn.notCurrent': 'Pegawai #{{id, raw}} bukan pegawai aktif.',
    'integrity.asn.nonAsn': '{{name}} adalah NON-ASN; SP Online ASN hanya menghitung ASN.',
    'integrity.asn.cannotMark': '{{count}} pegawai tidak dapat ditandai; tidak ada yang diubah.',
    'integrity.date.future': '{{field}} {{date}} ada di masa depan. Periksa tanggalnya.',
    'integrity.notFound.lkeArea': 'Area LKE #{{id, raw}} tidak ditemukan. Muat ulang halaman.',
    'integrity.notFound.passMark': 'Batas predikat {{predicate}} tidak ditemukan.',
    'integrity.notFound.opd': 'OPD {{opd}} tidak ditemukan. Periksa kodenya, atau impor daftar OPD dahulu.',
    'integrity.notFound.employee': 'Pegawai #{{id, raw}} tidak ditemukan. Muat ulang daftar pegawai.',
    'integrity.notFound.pact': 'Pakta integritas #{{id, raw}} tidak ditemukan. Muat ulang halaman.',
    'integrity.notFound.declaration': 'Deklarasi #{{id, raw}} tidak ditemukan. Muat ulang daftar deklarasi.',
    'integrity.notFound.file': 'Berkas tersimpan #{{id, raw}} tidak ditemukan.',
    'integrity.file.empty': 'Berkas {{name}} kosong. Pilih berkas hasil pindaian yang benar.',
    'integrity.file.missing':
      'Berkas {{name}} hilang dari folder data. Pulihkan dari cadangan, atau unggah ulang berkasnya.',
    'integrity.file.changed':
      'Berkas {{name}} tidak lagi cocok dengan sidik SHA-256 yang tercatat ({{sha}}…): berkas itu diubah atau rusak. Pulihkan dari cadangan.',
    'integrity.pact.notInDeclaration':
      'OPD {{opd}} tidak ikut deklarasi #{{event, raw}}. Pilih deklarasi yang diikuti OPD itu.',
    'integrity.pact.beforeDeclaration':
      'Tanggal tanda tangan {{signedAt}} sebelum deklarasi #{{event, raw}} ({{date}}). Periksa tanggalnya.',
    'integrity.pact.notEmployeeOf': '{{who}} bukan pegawai aktif {{opd}}.',
    'integrity.pact.cannotSign':
      '{{count}} pegawai tidak dapat menandatangani pakta untuk {{opd}}; tidak ada yang dicatat.',
    'integrity.pact.notActive': 'Pakta #{{id, raw}} sudah tidak berlaku ({{status}}). Muat ulang halaman.',
    'integrity.declaration.unknownOpd': 'OPD tidak dikenal: {{opd}}. Periksa kodenya, atau impor daftar OPD dahulu.',
  },
  en: {
    'integrity.nip.digits':
      'NIP "{{value}}" must be exactly 18 digits. Format the nip column as Text, type the NIP again and save.',
    'integrity.nip.rounded':
      'NIP "{{value}}" ends in 000: the spreadsheet rounded it because the nip column is formatted as Number (it keeps only 15 digits). Format the nip column as Text, type or paste the NIPs again from their source, and save again.',
    'integrity.nip.birthDate':
      'NIP "{{value}}": the birth date (digits 1–8, YYYYMMDD) is not a real date. Check the NIP.',
    'integrity.nip.appointmentMonth':
      'NIP "{{value}}": the appointment month (digits 9–14, YYYYMM) is not a real month. Check the NIP.',
    'integrity.nip.appointedTooYoung':
      'NIP "{{value}}": the appointment month is not after the 15th birthday. Check the NIP.',
    'integrity.nip.sexDigit': 'NIP "{{value}}": digit 15 (sex) must be 1 or 2. Check the NIP.',
    'integrity.nip.nonAsn':
      'NON-ASN staff have no NIP: leave the nip column empty (it holds "{{value}}") or change the status.',
    'integrity.nip.required': '{{status}} staff must have a NIP: write the 18 digits in the nip column.',
    'integrity.nip.duplicate':
      'NIP "{{value}}" appears twice (also in row {{first, raw}}). Each NIP may appear only once.',
    'integrity.pegawai.noOpdRegister':
      'The OPD register has not been imported, so {{rows}} employees cannot be placed: import the OPD register first, then the employee list again.',
    'integrity.pegawai.unknownUnit':
      '"{{value}}" is neither the name nor the code of a registered OPD. Write the OPD\'s name exactly as in the OPD register (or its code), or import the OPD register first.',
    'integrity.opd.code':
      '"{{value}}" is not an OPD code: 1–32 capital letters A-Z, digits 0-9, dots or -, e.g. OPD-01.',
    'integrity.opd.duplicate':
      '"{{value}}" appears twice (also in row {{first, raw}}); column {{column}} must be unique.',
    'integrity.opd.nameTaken':
      'The name "{{value}}" is already used by registered OPD {{kode}}. Use another name, or use code {{kode}} for this OPD.',
    'integrity.stage.outOfOrder':
      '{{opd}} is at stage {{current}}; {{stage}} cannot come next. Allowed next: {{allowed}}.',
    'integrity.stage.beforePrevious':
      "The date {{date}} is before the current stage's date ({{previous}}). Pick that date or a later one.",
    'integrity.stage.needsTpiScore': 'Penilaian internal needs the TPI score. Fill it in and save again.',
    'integrity.stage.needsDecree':
      'Ditetapkan needs the predicate (WBK/WBBM), the decree number and the decree date. Fill them in and save again.',
    'integrity.stage.requirementsNotMet':
      '{{opd}} cannot be proposed yet: the requirements for {{year, raw}} are not met.',
    'integrity.requirement.auditOpinion':
      'Audit opinion for {{year, raw}}: {{value}} (WTP required). Record the audit opinion under requirements.',
    'integrity.requirement.auditOpinionMissing':
      'The audit opinion for {{year, raw}} is not recorded (WTP required). Record it under requirements.',
    'integrity.requirement.sakipGrade':
      'SAKIP grade for {{year, raw}}: {{value}} (at least CC required). Record the SAKIP grade under requirements.',
    'integrity.requirement.sakipGradeMissing':
      'The SAKIP grade for {{year, raw}} is not recorded (at least CC required). Record it under requirements.',
    'integrity.nip.notEmployed': 'No current employee has NIP "{{value}}". Check the NIP.',
    'integrity.nip.notFoundBatch':
      '{{count}} NIP not found (the first: "{{first}}"); nothing was changed. Check the NIP list and try again.',
    'integrity.asn.noneChosen': 'No employee chosen. Tick employees or paste a NIP list.',
    'integrity.asn.notCurrent': 'Employee #{{id, raw}} is not a current employee.',
    'integrity.asn.nonAsn': '{{name}} is NON-ASN; SP Online participation counts ASN only.',
    'integrity.asn.cannotMark': '{{count}} employee(s) cannot be marked; nothing was changed.',
    'integrity.date.future': '{{field}} {{date}} is in the future',
    'integrity.notFound.lkeArea': 'LKE area {{id, raw}} not found',
    'integrity.notFound.passMark': 'Pass mark {{predicate}} not found',
    'integrity.notFound.opd': 'OPD {{opd}} not found',
    'integrity.notFound.employee': 'Employee {{id, raw}} not found',
    'integrity.notFound.pact': 'Pact {{id, raw}} not found',
    'integrity.notFound.declaration': 'No declaration event with id {{id, raw}}',
    'integrity.notFound.file': 'No kept file with id {{id, raw}}',
    'integrity.file.empty': '{{name}}: the file is empty',
    'integrity.file.missing': '{{name}}: the kept file is missing from the data folder',
    'integrity.file.changed':
      '{{name}}: the kept file no longer matches its recorded SHA-256 ({{sha}}…); it was changed or damaged',
    'integrity.pact.notInDeclaration': 'OPD {{opd}} did not take part in declaration #{{event, raw}}',
    'integrity.pact.beforeDeclaration': 'signed date {{signedAt}} is before declaration #{{event, raw}} ({{date}})',
    'integrity.pact.notEmployeeOf': '{{who}} is not a current employee of {{opd}}',
    'integrity.pact.cannotSign': '{{count}} employee(s) cannot sign for {{opd}}, nothing was recorded',
    'integrity.pact.notActive': 'Pact {{id, raw}} is already {{status}}',
    'integrity.declaration.unknownOpd': 'Unknown OPD: {{opd}}',
  },
});
