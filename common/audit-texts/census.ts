import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of the census registers and assignments (census.*). */
export const censusAuditTexts = defineAuditTexts({
  id: {
    'census.slsImported':
      '{{file}}: {{rows}} baris, {{added}} ditambah, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{removed}} dihapus, {{vanished}} hilang tetapi disimpan',
    'census.slsEdited': 'diubah: {{nama}}, {{households}} KK',
    'census.officersImported':
      '{{file}}: {{rows}} baris ({{koseka}} Koseka, {{pml}} PML, {{ppl}} PPL), {{added}} ditambah, {{updated}} diperbarui, {{unchanged}} tidak berubah',
    'census.officerEdited': 'mengubah {{fields}}',
    'census.officerRetired': 'diberhentikan',
    'census.officerRetiredReplaced':
      'diberhentikan; digantikan oleh {{replacement}}: {{movedSls}} SLS, {{movedTeam}} anggota tim dipindahkan',
    'census.assigned':
      '{{total}} SLS ke {{officer}}: {{assigned}} baru, {{moved}} dipindah dari PPL lain, {{unchanged}} tidak berubah',
    'census.assignedBecause':
      '{{total}} SLS ke {{officer}}: {{assigned}} baru, {{moved}} dipindah dari PPL lain, {{unchanged}} tidak berubah ({{reason}})',
    'census.unassigned': '{{ended}} penugasan diakhiri, {{unchanged}} SLS tidak punya penugasan',
    'census.unassignedBecause': '{{ended}} penugasan diakhiri, {{unchanged}} SLS tidak punya penugasan ({{reason}})',
    'census.balanceAccepted':
      'penyeimbangan otomatis diterima: {{assigned}} baru, {{moved}} dipindah, {{unchanged}} tidak berubah',
    'census.balanceAcceptedOutside':
      'penyeimbangan otomatis diterima: {{assigned}} baru, {{moved}} dipindah, {{unchanged}} tidak berubah; dikonfirmasi di luar batas beban: {{outside}}',
  },
  en: {
    'census.slsImported':
      '{{file}}: {{rows}} rows, {{added}} added, {{updated}} updated, {{unchanged}} unchanged, {{removed}} removed, {{vanished}} vanished but kept',
    'census.slsEdited': 'edited: {{nama}}, {{households}} KK',
    'census.officersImported':
      '{{file}}: {{rows}} rows ({{koseka}} Koseka, {{pml}} PML, {{ppl}} PPL), {{added}} added, {{updated}} updated, {{unchanged}} unchanged',
    'census.officerEdited': 'edited {{fields}}',
    'census.officerRetired': 'retired',
    'census.officerRetiredReplaced':
      'retired; replaced by {{replacement}}: {{movedSls}} SLS, {{movedTeam}} team members moved',
    'census.assigned':
      '{{total}} SLS to {{officer}}: {{assigned}} new, {{moved}} moved from another PPL, {{unchanged}} unchanged',
    'census.assignedBecause':
      '{{total}} SLS to {{officer}}: {{assigned}} new, {{moved}} moved from another PPL, {{unchanged}} unchanged ({{reason}})',
    'census.unassigned': '{{ended}} assignments ended, {{unchanged}} SLS had none',
    'census.unassignedBecause': '{{ended}} assignments ended, {{unchanged}} SLS had none ({{reason}})',
    'census.balanceAccepted': 'auto-balance accepted: {{assigned}} new, {{moved}} moved, {{unchanged}} unchanged',
    'census.balanceAcceptedOutside':
      'auto-balance accepted: {{assigned}} new, {{moved}} moved, {{unchanged}} unchanged; confirmed outside the load bounds: {{outside}}',
  },
});
