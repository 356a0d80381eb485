import { defineMessages } from '../i18n/define';

/** Strings of the shared components. */
export const componentMessages = defineMessages({
  id: {
    'common.problems': 'Masalah',
    'common.row': 'Baris',
    'common.column': 'Kolom',
    'common.problem': 'Masalah',
    'common.dropHint': 'atau seret berkas ke sini',
    'common.imported': '{{file}} diimpor.',
    'common.rejected': '{{file}} ditolak, tidak ada yang diubah.',
    'common.export': 'Ekspor',
    'common.save': 'Simpan',
    'common.cancel': 'Batal',
    'common.close': 'Tutup',
    'common.search': 'Cari…',
    'common.all': 'Semua',
    'common.yes': 'Ya',
    'common.no': 'Tidak',
  },
  en: {
    'common.problems': 'Problems',
    'common.row': 'Row',
    'common.column': 'Column',
    'common.problem': 'Problem',
    'common.dropHint': 'or drop a file here',
    'common.imported': '{{file}} imported.',
    'common.rejected': '{{file}} rejected; nothing was changed.',
    'common.export': 'Export',
    'common.save': 'Save',
    'common.cancel': 'Cancel',
    'common.close': 'Close',
    'common.search': 'Search…',
    'common.all': 'All',
    'common.yes': 'Yes',
    'common.no': 'No',
  },
});
