import { defineProblems as defineAuditTexts } from '../problems/define.js';

/** What the audit trail says of the integrity zone registers, pacts, stages and LKE (integrity.*). */
export const integrityAuditTexts = defineAuditTexts({
  id: {
    'integrity.opdImported':
      '{{rows}} baris: {{added}} ditambah, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{notInFile}} tidak ada di berkas',
    'integrity.opdEdited': '{{before}} → {{after}}; {{jenis}}; kepala {{kepala}}',
    'integrity.pegawaiImported':
      '{{rows}} baris: {{added}} ditambah, {{updated}} diperbarui ({{transferred}} mutasi), {{unchanged}} tidak berubah, {{left}} keluar',
    'integrity.declarationRecorded': '{{date}} {{place}}: {{opd}} OPD, {{witnesses}} saksi',
    'integrity.pactsSigned': '{{signed}} ditandatangani pada {{signedAt}}, {{alreadySigned}} sudah ditandatangani',
    'integrity.pactsSignedAtDeclaration':
      '{{signed}} ditandatangani pada {{signedAt}} di deklarasi #{{eventId, raw}}, {{alreadySigned}} sudah ditandatangani',
    'integrity.pactRevoked': 'dicabut ({{opd}}): {{reason}}',
    'integrity.pactCorrected': 'dikoreksi sebagai #{{id, raw}}: {{signedAt}}, acara {{eventId, raw}}: {{reason}}',
    'integrity.scanAttached': 'pindaian #{{scanId, raw}} dilampirkan ke {{pacts}} pakta',
    'integrity.stageFirst': 'belum ada → {{stage}} pada {{date}}',
    'integrity.stageChanged': '{{from}} → {{stage}} pada {{date}}',
    'integrity.requirementsSet': 'audit {{opinion}}, SAKIP {{grade}}',
    'integrity.lkeWeight': 'bobot {{before}} → {{after}}',
    'integrity.lkePassMark': 'total ≥ {{minTotal}}, pengungkit ≥ {{minPengungkit}}',
    'integrity.lkeScored': 'area {{item, raw}}: {{achievement}}% → total {{total}}',
    'integrity.lkeEvidence': '{{added}} berkas bukti untuk area {{item, raw}}',
    'integrity.spOnlineMarked': '{{changed}} ditandai ({{date}}), {{unchanged}} tidak berubah',
    'integrity.spOnlineUnmarked': '{{changed}} tanda dihapus ({{date}}), {{unchanged}} tidak berubah',
  },
  en: {
    'integrity.opdImported':
      '{{rows}} rows: {{added}} added, {{updated}} updated, {{unchanged}} unchanged, {{notInFile}} not in file',
    'integrity.opdEdited': '{{before}} → {{after}}; {{jenis}}; kepala {{kepala}}',
    'integrity.pegawaiImported':
      '{{rows}} rows: {{added}} added, {{updated}} updated ({{transferred}} transferred), {{unchanged}} unchanged, {{left}} left',
    'integrity.declarationRecorded': '{{date}} {{place}}: {{opd}} OPD, {{witnesses}} witnesses',
    'integrity.pactsSigned': '{{signed}} signed on {{signedAt}}, {{alreadySigned}} already signed',
    'integrity.pactsSignedAtDeclaration':
      '{{signed}} signed on {{signedAt}} at declaration #{{eventId, raw}}, {{alreadySigned}} already signed',
    'integrity.pactRevoked': 'revoked ({{opd}}): {{reason}}',
    'integrity.pactCorrected': 'corrected as #{{id, raw}}: {{signedAt}}, event {{eventId, raw}}: {{reason}}',
    'integrity.scanAttached': 'scan #{{scanId, raw}} attached to {{pacts}} pacts',
    'integrity.stageFirst': 'none → {{stage}} on {{date}}',
    'integrity.stageChanged': '{{from}} → {{stage}} on {{date}}',
    'integrity.requirementsSet': 'audit {{opinion}}, SAKIP {{grade}}',
    'integrity.lkeWeight': 'weight {{before}} → {{after}}',
    'integrity.lkePassMark': 'total ≥ {{minTotal}}, pengungkit ≥ {{minPengungkit}}',
    'integrity.lkeScored': 'area {{item, raw}}: {{achievement}}% → total {{total}}',
    'integrity.lkeEvidence': '{{added}} evidence file(s) for area {{item, raw}}',
    'integrity.spOnlineMarked': '{{changed}} marked ({{date}}), {{unchanged}} unchanged',
    'integrity.spOnlineUnmarked': '{{changed}} unmarked ({{date}}), {{unchanged}} unchanged',
  },
});
