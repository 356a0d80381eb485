import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of field sync packages and conflicts (sync.*). */
export const syncAuditTexts = defineAuditTexts({
  id: {
    'sync.rejected': '{{file}}: ditolak, {{errors}} masalah',
    'sync.duplicate': '{{file}}: sudah pernah diimpor',
    'sync.imported':
      '{{file}}: {{new}} baru, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{stale}} usang, {{conflict}} konflik, {{flagged}} ditandai',
    'sync.conflictKept': 'konflik {{id, raw}} pada revisi {{revision, raw}}: rekaman tersimpan dipertahankan',
    'sync.conflictTaken': 'konflik {{id, raw}} pada revisi {{revision, raw}}: rekaman masuk diambil',
  },
  en: {
    'sync.rejected': '{{file}}: rejected, {{errors}} problem(s)',
    'sync.duplicate': '{{file}}: already imported',
    'sync.imported':
      '{{file}}: {{new}} new, {{updated}} updated, {{unchanged}} unchanged, {{stale}} stale, {{conflict}} conflict, {{flagged}} flagged',
    'sync.conflictKept': 'conflict {{id, raw}} at revision {{revision, raw}}: kept the stored record',
    'sync.conflictTaken': 'conflict {{id, raw}} at revision {{revision, raw}}: took the incoming record',
  },
});
