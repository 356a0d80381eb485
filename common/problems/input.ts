import { defineProblems } from './define.js';

/** Problems with what a caller sent, found before any operation sees it. */
export const inputProblems = defineProblems({
  id: {
    'input.illFormedText':
      '{{field}}: teks berisi karakter rusak (setengah pasangan surrogate) yang tidak dapat disimpan. Ketik ulang teks itu, jangan disalin dari sumber yang rusak.',
    'input.controlCharacter':
      '{{field}}: teks berisi karakter kendali yang tidak terlihat (misalnya NUL atau pindah baris). Hapus karakter itu lalu coba lagi.',
    'input.bidiCharacter':
      '{{field}}: teks berisi tanda arah tulisan tersembunyi yang membuatnya terbaca lain dari isinya. Ketik ulang teks itu tanpa menyalinnya.',
    'input.notUtf8': 'Permintaan ini bukan teks UTF-8 yang sah. Muat ulang halaman lalu coba lagi.',
    'input.required': '{{field}} wajib diisi.',
    'input.tooShort': '{{field}} terlalu pendek: paling sedikit {{minimum}} karakter.',
    'input.tooLong': '{{field}} terlalu panjang: paling banyak {{maximum}} karakter.',
    'input.tooSmall': '{{field}} terlalu kecil: paling sedikit {{minimum}}.',
    'input.tooBig': '{{field}} terlalu besar: paling banyak {{maximum}}.',
    'input.wrongType': '{{field}} tidak sah: periksa isian itu.',
    'input.wrongFormat': '{{field}} tidak sesuai bentuk yang diminta.',
    'input.notAllowed': '{{field}}: pilih salah satu pilihan yang tersedia.',
    'input.invalid': '{{field}} tidak sah.',
    'input.date': '{{field}} bukan tanggal yang sah. Tulis tanggal sebagai dd/mm/yyyy, misalnya 17/08/2026.',
  },
  en: {
    'input.illFormedText':
      '{{field}}: the text holds a broken character (half of a surrogate pair) that cannot be stored. Type it again rather than copying it from a damaged source.',
    'input.controlCharacter':
      '{{field}}: the text holds an invisible control character (such as NUL or a line break). Remove it and try again.',
    'input.bidiCharacter':
      '{{field}}: the text holds a hidden writing-direction mark that makes it read differently from what it is. Type it again without copying it.',
    'input.notUtf8': 'The request is not valid UTF-8 text. Reload the page and try again.',
    'input.required': '{{field}} is required.',
    'input.tooShort': '{{field}} is too short: at least {{minimum}} characters.',
    'input.tooLong': '{{field}} is too long: at most {{maximum}} characters.',
    'input.tooSmall': '{{field}} is too small: at least {{minimum}}.',
    'input.tooBig': '{{field}} is too big: at most {{maximum}}.',
    'input.wrongType': '{{field}} is not valid: check it.',
    'input.wrongFormat': '{{field}} does not have the required form.',
    'input.notAllowed': '{{field}}: choose one of the offered options.',
    'input.invalid': '{{field}} is not valid.',
    'input.date': '{{field}} is not a valid date. Write it as dd/mm/yyyy, e.g. 17/08/2026.',
  },
});
