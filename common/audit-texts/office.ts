import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of the office's settings, backups, restores and regency (settings.*, backup.*, wilayah.*). */
export const officeAuditTexts = defineAuditTexts({
  id: {
    'settings.changed': '{{before}} → {{after}}',
    'backup.written': 'cadangan ditulis ({{size}} bita)',
    'backup.restored': 'basis data dipulihkan dari {{backup}}',
    'backup.restoredKeptAside': 'basis data dipulihkan dari {{backup}}; yang sebelumnya disimpan sebagai {{keptAside}}',
    'wilayah.regencyLoaded': 'kabupaten {{nama}}: {{kecamatan}} kecamatan, {{desa}} desa dimuat',
    'wilayah.alreadySetUp': 'sudah disiapkan',
  },
  en: {
    'settings.changed': '{{before}} → {{after}}',
    'backup.written': 'backup written ({{size, raw}} bytes)',
    'backup.restored': 'database restored from {{backup}}',
    'backup.restoredKeptAside': 'database restored from {{backup}}; previous kept as {{keptAside}}',
    'wilayah.regencyLoaded': 'regency {{nama}}: {{kecamatan}} kecamatan, {{desa}} villages loaded',
    'wilayah.alreadySetUp': 'already set up',
  },
});
