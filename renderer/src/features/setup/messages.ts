import { defineMessages } from '../../i18n/define';

export const setupMessages = defineMessages({
  id: {
    'setup.title': 'Selamat datang di Pendopo',
    'setup.intro':
      'Pilih kabupaten/kota kantor ini. Kecamatan dan desa/kelurahan akan dimuat dari data wilayah Kemendagri.',
    'setup.search': 'Cari kabupaten/kota',
    'setup.searchPlaceholder': 'mis. blora',
    'setup.noResults': 'Tidak ada kabupaten/kota yang cocok.',
    'setup.choose': 'Pilih',
    'setup.working': 'Memuat wilayah…',
    'setup.done': '{{nama}}: {{kecamatan}} kecamatan, {{desa}} desa/kelurahan dimuat.',
  },
  en: {
    'setup.title': 'Welcome to Pendopo',
    'setup.intro':
      "Choose this office's regency or city. Its districts and villages are loaded from the Kemendagri region data.",
    'setup.search': 'Search regency/city',
    'setup.searchPlaceholder': 'e.g. blora',
    'setup.noResults': 'No regency or city matches.',
    'setup.choose': 'Choose',
    'setup.working': 'Loading regions…',
    'setup.done': '{{nama}}: {{kecamatan}} districts, {{desa}} villages loaded.',
  },
});
