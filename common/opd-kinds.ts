/** The kinds of work unit (OPD) the register knows (§5 of the office files). */
export const OPD_KINDS = [
  'sekretariat',
  'inspektorat',
  'badan',
  'dinas',
  'kantor',
  'rsud',
  'kecamatan',
  'instansi_vertikal',
  'lainnya',
] as const;
export type OpdKind = (typeof OPD_KINDS)[number];
