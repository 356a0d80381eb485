import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of the participation registers (participation.*). */
export const participationAuditTexts = defineAuditTexts({
  id: {
    'participation.spOnlineImported':
      '{{rows}} baris {{first}}…{{last}}: {{added}} ditambah, {{replaced}} diganti, {{unchanged}} tidak berubah, {{drops}} penurunan kumulatif ditandai',
    'participation.baselineImported':
      '{{rows}} desa: {{added}} ditambah, {{updated}} diperbarui, {{unchanged}} tidak berubah',
    'participation.targetSet': '{{before}} → {{after}}',
    'participation.targetSetFromInherited': 'warisan → {{after}}',
    'participation.targetSetToInherited': '{{before}} → warisan',
    'participation.targetInherited': 'warisan → warisan',
    'participation.jemputBolaSaved': '{{tanggal}} {{desa}} {{tempat}}: {{kk}} KK',
    'participation.jemputBolaDeleted': 'menghapus {{tanggal}} {{desa}} {{tempat}}',
  },
  en: {
    'participation.spOnlineImported':
      '{{rows}} rows {{first}}…{{last}}: {{added}} added, {{replaced}} replaced, {{unchanged}} unchanged, {{drops}} cumulative drops flagged',
    'participation.baselineImported':
      '{{rows}} villages: {{added}} added, {{updated}} updated, {{unchanged}} unchanged',
    'participation.targetSet': '{{before}} → {{after}}',
    'participation.targetSetFromInherited': 'inherited → {{after}}',
    'participation.targetSetToInherited': '{{before}} → inherited',
    'participation.targetInherited': 'inherited → inherited',
    'participation.jemputBolaSaved': '{{tanggal}} {{desa}} {{tempat}}: {{kk}} KK',
    'participation.jemputBolaDeleted': 'deleted {{tanggal}} {{desa}} {{tempat}}',
  },
});
