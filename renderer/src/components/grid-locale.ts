import type { Language } from '../i18n';

/** AG Grid's own texts (overlays, filters, pagination) in the UI's language; the grid's English is never shown in id. */
export const GRID_LOCALE: Record<Language, Record<string, string>> = {
  id: {
    noRowsToShow: 'Belum ada data',
    loadingOoo: 'Memuat…',
    loadingError: 'Gagal memuat',
    filterOoo: 'Saring…',
    searchOoo: 'Cari…',
    selectAll: '(Pilih semua)',
    selectAllSearchResults: '(Pilih semua hasil)',
    blanks: '(Kosong)',
    noMatches: 'Tidak ada yang cocok',
    equals: 'Sama dengan',
    notEqual: 'Tidak sama dengan',
    blank: 'Kosong',
    notBlank: 'Tidak kosong',
    empty: 'Pilih satu',
    lessThan: 'Kurang dari',
    greaterThan: 'Lebih dari',
    lessThanOrEqual: 'Kurang dari atau sama dengan',
    greaterThanOrEqual: 'Lebih dari atau sama dengan',
    inRange: 'Di antara',
    inRangeStart: 'Dari',
    inRangeEnd: 'Sampai',
    contains: 'Memuat',
    notContains: 'Tidak memuat',
    startsWith: 'Diawali',
    endsWith: 'Diakhiri',
    before: 'Sebelum',
    after: 'Sesudah',
    dateFormatOoo: 'dd/mm/yyyy',
    andCondition: 'DAN',
    orCondition: 'ATAU',
    applyFilter: 'Terapkan',
    resetFilter: 'Atur ulang',
    clearFilter: 'Bersihkan',
    cancelFilter: 'Batal',
    columnFilter: 'Saringan kolom',
    page: 'Halaman',
    of: 'dari',
    to: 'sampai',
    more: 'lebih',
    firstPage: 'Halaman pertama',
    lastPage: 'Halaman terakhir',
    nextPage: 'Halaman berikutnya',
    previousPage: 'Halaman sebelumnya',
    pageSizeSelectorLabel: 'Baris per halaman:',
    ariaPageSizeSelectorLabel: 'Baris per halaman',
    sortAscending: 'Urutkan naik',
    sortDescending: 'Urutkan turun',
    sortUnSort: 'Hapus urutan',
    pinColumn: 'Sematkan kolom',
    autosizeThisColumn: 'Sesuaikan lebar kolom ini',
    autosizeAllColumns: 'Sesuaikan lebar semua kolom',
    resetColumns: 'Kembalikan kolom',
    copy: 'Salin',
    ctrlC: 'Ctrl+C',
  },
  en: {
    noRowsToShow: 'No data yet',
    dateFormatOoo: 'dd/mm/yyyy',
  },
};

/** AG Charts' own texts for the languages AG Charts does not ship (Indonesian); English is its default. */
export const CHART_LOCALE: Record<Language, Record<string, string> | undefined> = {
  id: {
    overlayNoData: 'Belum ada data',
    overlayLoadingData: 'Memuat data…',
    overlayNoVisibleSeries: 'Tidak ada deret yang ditampilkan',
    ariaLabelChart: 'Grafik',
    ariaLabelLegend: 'Legenda',
  },
  en: undefined,
};

/** The `locale` option of an AG Charts chart in this language (none for English, its own). */
export function chartLocale(language: string): { locale?: { localeText: Record<string, string> } } {
  const localeText = CHART_LOCALE[language === 'en' ? 'en' : 'id'];
  return localeText ? { locale: { localeText } } : {};
}
