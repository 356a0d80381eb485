import { defineProblems } from './define.js';

/** Problems of office spreadsheets as files (reading) and as tables (validateTable, cell rules). */
export const filesProblems = defineProblems({
  id: {
    'files.empty': 'Berkas ini kosong. Pilih berkas yang berisi data.',
    'files.notFound': 'Berkas tidak ditemukan: {{path}}. Periksa nama dan foldernya.',
    'files.pathNotAllowed':
      'Hanya baris perintah di komputer ini yang boleh menyebut jalur berkas; unggah berkasnya saja.',
    'files.uploadTooLarge': '{{name}} lebih besar dari {{limit}} MiB. Bagi datanya menjadi beberapa berkas.',
    'files.tooLarge':
      'Berkas lebih besar dari {{limit}} MiB. Bagi datanya menjadi beberapa berkas, lalu impor satu per satu.',
    'files.tooManyRows':
      'Lembar kerja berisi lebih dari {{limit}} baris data. Bagi datanya menjadi beberapa berkas, lalu impor satu per satu.',
    'files.tooManyColumns':
      'Lembar kerja berisi data melewati kolom ke-{{limit, raw}}. Hapus kolom yang tidak dipakai, lalu simpan lagi.',
    'files.readerFailed':
      'Berkas tidak dapat dibaca sampai selesai ({{detail}}). Simpan ulang sebagai .xlsx atau CSV (UTF-8), lalu coba lagi.',
    'files.readAsWindows1252':
      'Berkas dibaca sebagai Windows-1252 (CSV biasa dari Excel), bukan UTF-8. Periksa nama yang berisi huruf khusus (é, ’); agar pasti benar, simpan sebagai "CSV UTF-8".',
    'files.format.xls':
      'Ini berkas Excel lama (.xls) atau buku kerja yang dikunci kata sandi. Buka di Excel atau LibreOffice, lalu simpan sebagai .xlsx atau CSV (UTF-8).',
    'files.format.ods':
      'Ini berkas LibreOffice/OpenOffice (.ods). Buka di LibreOffice, lalu simpan sebagai .xlsx atau CSV (UTF-8).',
    'files.format.numbers': 'Ini berkas Apple Numbers (.numbers). Ekspor dari Numbers sebagai .xlsx atau CSV (UTF-8).',
    'files.format.xmlSpreadsheet':
      'Ini lembar kerja XML Excel 2003. Buka di Excel atau LibreOffice, lalu simpan sebagai .xlsx atau CSV (UTF-8).',
    'files.format.html':
      'Ini halaman web (HTML), walaupun namanya seperti berkas Excel. Buka di Excel atau LibreOffice, lalu simpan sebagai .xlsx atau CSV (UTF-8).',
    'files.format.document':
      'Ini dokumen (PDF, Word, RTF atau sejenisnya), bukan lembar kerja. Salin tabelnya ke Excel atau LibreOffice, lalu simpan sebagai .xlsx atau CSV (UTF-8).',
    'files.format.archive':
      'Ini arsip terkompresi (ZIP, 7z, RAR atau gzip), bukan lembar kerja. Ekstrak dulu, lalu impor berkas .xlsx atau CSV (UTF-8) di dalamnya.',
    'files.format.binary':
      'Ini bukan lembar kerja maupun teks (mungkin gambar atau program). Pilih berkas .xlsx atau CSV (UTF-8).',
    'files.xlsx.damaged':
      'Berkas .xlsx rusak atau tidak lengkap ({{detail}}). Buka di Excel atau LibreOffice, lalu simpan lagi sebagai .xlsx atau CSV (UTF-8).',
    'files.xlsx.encrypted':
      'Berkas .xlsx ini dikunci kata sandi. Buka di Excel, hapus kata sandinya, lalu simpan lagi.',
    'files.xlsx.noSheet': 'Buku kerja ini tidak berisi lembar kerja. Simpan data di lembar pertama, lalu simpan lagi.',
    'files.xlsx.memberTooLarge':
      'Bagian "{{name}}" di dalam .xlsx mengembang lebih dari {{limit}} MiB. Berkas ini tidak wajar; simpan ulang datanya sebagai CSV (UTF-8).',
    'files.xlsx.ratio':
      'Bagian "{{name}}" di dalam .xlsx mengembang {{ratio}} kali lipat (tidak wajar untuk lembar kerja). Simpan ulang datanya sebagai CSV (UTF-8).',
    'files.xlsx.tooManyStrings':
      'Lembar kerja berisi lebih dari {{limit}} teks berbeda. Bagi datanya menjadi beberapa berkas.',
    'files.xlsx.stringsTooLarge': 'Teks di lembar kerja melebihi {{limit}} MiB. Bagi datanya menjadi beberapa berkas.',
    'files.csv.quotes':
      'Tanda kutip (") di baris {{row, raw}} tidak berpasangan. Perbaiki sel itu di Excel atau LibreOffice, lalu simpan lagi.',
    'files.cell.invalidBytes':
      'Sel ini berisi byte yang bukan teks UTF-8 yang sah (huruf yang rusak). Ketik ulang isinya, lalu simpan lagi sebagai "CSV UTF-8" atau .xlsx.',
    'files.cell.replacementCharacter':
      'Sel ini berisi tanda � : ada huruf yang sudah hilang sebelum berkas ini dibuat. Ketik ulang huruf itu, lalu simpan lagi.',
    'files.cell.controlCharacter':
      'Sel ini berisi karakter kendali tak terlihat ({{code}}). Ketik ulang isi sel itu, lalu simpan lagi.',
    'files.cell.lineBreak': 'Sel ini berisi ganti baris (Enter) di dalam teks. Jadikan satu baris, lalu simpan lagi.',
    'files.column.missing':
      'Kolom wajib "{{column}}" tidak ada. Tambahkan kolom itu di baris judul (baris 1), lalu simpan lagi.',
    'files.noRows': 'Berkas tidak berisi baris data di bawah baris judul.',
    'files.rejected':
      'Ada {{count}} masalah, tidak ada yang diimpor. Perbaiki baris dan kolom yang disebut di bawah, lalu impor lagi.',
    'files.moreProblems': '… dan {{count}} masalah lainnya (perbaiki yang di atas, lalu impor lagi untuk melihatnya).',
    'files.codeAsNumber':
      'Kolom {{column}} berisi kode yang disimpan sebagai angka ("{{value}}"); lembar kerja hanya menyimpan 15 digit angka, jadi digit kode bisa hilang. Format kolom {{column}} sebagai Teks, ketik atau tempel ulang kodenya dari sumber aslinya, lalu simpan lagi.',
    'files.phoneZeroRestored':
      '{{count}} nomor telepon di kolom {{column}} kehilangan angka 0 di depannya (disimpan sebagai angka); angka 0 itu sudah dikembalikan.',
    'files.cell.empty': 'Sel ini kosong; kolom {{column}} wajib diisi.',
    'files.cell.tooShort': '"{{value}}" terlalu pendek: paling sedikit {{min}} karakter.',
    'files.cell.tooLong': '"{{value}}" terlalu panjang: paling banyak {{max}} karakter.',
    'files.cell.wholeNumber':
      '"{{value}}" bukan bilangan bulat. Tulis angka saja, tanpa titik, koma atau spasi (misalnya 1269).',
    'files.cell.belowMin': '{{value}} terlalu kecil: paling sedikit {{min}}.',
    'files.cell.aboveMax': '{{value}} terlalu besar: paling banyak {{max}}.',
    'files.cell.dateFormat':
      '"{{value}}" bukan tanggal dengan format TTTT-BB-HH (misalnya 2020-09-15). Format kolom {{column}} sebagai Teks atau tanggal yyyy-mm-dd, lalu simpan lagi.',
    'files.cell.dateNotReal': '"{{value}}" bukan tanggal yang ada di kalender.',
    'files.cell.oneOf': '"{{value}}" tidak dikenal; isi dengan salah satu dari: {{allowed}}.',
    'files.cell.desaCode':
      '"{{value}}" bukan kode desa Kemendagri; tulis lengkap dengan titik, misalnya 33.16.01.2001.',
    'files.cell.kecamatanCode':
      '"{{value}}" bukan kode kecamatan Kemendagri; tulis lengkap dengan titik, misalnya 33.16.01.',
  },
  en: {
    'files.empty': 'The file is empty. Choose a file that holds the data.',
    'files.notFound': 'File not found: {{path}}. Check its name and folder.',
    'files.pathNotAllowed': 'Only the local command line may name a file path; upload the file instead.',
    'files.uploadTooLarge': '{{name}} is larger than {{limit}} MiB. Split the data into several files.',
    'files.tooLarge':
      'The file is larger than {{limit}} MiB. Split the data into several files and import them one by one.',
    'files.tooManyRows':
      'The sheet has more than {{limit}} data rows. Split the data into several files and import them one by one.',
    'files.tooManyColumns':
      'The sheet has data beyond column {{limit, raw}}. Delete the unused columns and save again.',
    'files.readerFailed':
      'The file could not be read to the end ({{detail}}). Save it again as .xlsx or CSV (UTF-8) and retry.',
    'files.readAsWindows1252':
      'The file was read as Windows-1252 (Excel\'s plain CSV), not UTF-8. Check names with special letters (é, ’); to be sure, save it as "CSV UTF-8".',
    'files.format.xls':
      'This is an old Excel file (.xls) or a password-protected workbook. Open it in Excel or LibreOffice and save it as .xlsx or CSV (UTF-8).',
    'files.format.ods':
      'This is a LibreOffice/OpenOffice file (.ods). Open it in LibreOffice and save it as .xlsx or CSV (UTF-8).',
    'files.format.numbers': 'This is an Apple Numbers file (.numbers). Export it from Numbers as .xlsx or CSV (UTF-8).',
    'files.format.xmlSpreadsheet':
      'This is an Excel 2003 XML spreadsheet. Open it in Excel or LibreOffice and save it as .xlsx or CSV (UTF-8).',
    'files.format.html':
      'This is a web page (HTML), even if its name looks like an Excel file. Open it in Excel or LibreOffice and save it as .xlsx or CSV (UTF-8).',
    'files.format.document':
      'This is a document (PDF, Word, RTF or similar), not a spreadsheet. Copy its table into Excel or LibreOffice and save it as .xlsx or CSV (UTF-8).',
    'files.format.archive':
      'This is a compressed archive (ZIP, 7z, RAR or gzip), not a spreadsheet. Extract it first, then import the .xlsx or CSV (UTF-8) file inside.',
    'files.format.binary':
      'This is neither a spreadsheet nor text (perhaps a picture or a program). Choose an .xlsx or CSV (UTF-8) file.',
    'files.xlsx.damaged':
      'The .xlsx file is damaged or incomplete ({{detail}}). Open it in Excel or LibreOffice and save it again as .xlsx or CSV (UTF-8).',
    'files.xlsx.encrypted':
      'This .xlsx file is password-protected. Open it in Excel, remove the password and save it again.',
    'files.xlsx.noSheet': 'The workbook has no sheet. Put the data on the first sheet and save again.',
    'files.xlsx.memberTooLarge':
      'The part "{{name}}" inside the .xlsx expands beyond {{limit}} MiB. The file is not normal; save the data again as CSV (UTF-8).',
    'files.xlsx.ratio':
      'The part "{{name}}" inside the .xlsx expands {{ratio}} times (not normal for a spreadsheet). Save the data again as CSV (UTF-8).',
    'files.xlsx.tooManyStrings':
      'The sheet holds more than {{limit}} different texts. Split the data into several files.',
    'files.xlsx.stringsTooLarge': "The sheet's texts exceed {{limit}} MiB. Split the data into several files.",
    'files.csv.quotes':
      'A quote mark (") in row {{row, raw}} has no partner. Fix that cell in Excel or LibreOffice and save again.',
    'files.cell.invalidBytes':
      'This cell holds bytes that are not valid UTF-8 text (a damaged letter). Type its content again and save as "CSV UTF-8" or .xlsx.',
    'files.cell.replacementCharacter':
      'This cell holds the sign � : a letter was lost before this file was made. Type that letter again and save.',
    'files.cell.controlCharacter':
      'This cell holds an invisible control character ({{code}}). Type the cell again and save.',
    'files.cell.lineBreak': 'This cell holds a line break (Enter) inside its text. Make it one line and save again.',
    'files.column.missing':
      'The required column "{{column}}" is missing. Add it to the header row (row 1) and save again.',
    'files.noRows': 'The file has no data rows below the header row.',
    'files.rejected':
      '{{count}} problems, nothing was imported. Fix the rows and columns named below and import again.',
    'files.moreProblems': '… and {{count}} more problems (fix the ones above, then import again to see them).',
    'files.codeAsNumber':
      'Column {{column}} holds a code stored as a number ("{{value}}"); spreadsheets keep only 15 digits of a number, so digits of the code may be lost. Format column {{column}} as Text, type or paste the codes again from their source, and save again.',
    'files.phoneZeroRestored':
      '{{count}} phone numbers in column {{column}} had lost their leading 0 (stored as numbers); the 0 was put back.',
    'files.cell.empty': 'This cell is empty; column {{column}} must be filled in.',
    'files.cell.tooShort': '"{{value}}" is too short: at least {{min}} characters.',
    'files.cell.tooLong': '"{{value}}" is too long: at most {{max}} characters.',
    'files.cell.wholeNumber':
      '"{{value}}" is not a whole number. Write digits only, without dots, commas or spaces (e.g. 1269).',
    'files.cell.belowMin': '{{value}} is too small: at least {{min}}.',
    'files.cell.aboveMax': '{{value}} is too large: at most {{max}}.',
    'files.cell.dateFormat':
      '"{{value}}" is not a date written YYYY-MM-DD (e.g. 2020-09-15). Format column {{column}} as Text or as the date yyyy-mm-dd and save again.',
    'files.cell.dateNotReal': '"{{value}}" is not a real calendar date.',
    'files.cell.oneOf': '"{{value}}" is not known; write one of: {{allowed}}.',
    'files.cell.desaCode':
      '"{{value}}" is not a Kemendagri village code; write it in full with dots, e.g. 33.16.01.2001.',
    'files.cell.kecamatanCode':
      '"{{value}}" is not a Kemendagri kecamatan code; write it in full with dots, e.g. 33.16.01.',
  },
});
