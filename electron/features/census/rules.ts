import { cell, fail, rule, type CellFailure } from '../../files/table-validate.js';
import { OFFICER_ROLES } from '../../../drizzle/schema/index.js';
import type { ProblemKey, ProblemParams } from '../../../common/problems/index.js';

/** Cell rules of the SLS master (office-files.md §1) and the officer list (§6), shared by importers and grid edits. */
export const slsCell = {
  slsId: () => rule((v) => (/^\d{16}$/.test(v) ? v : fail('census.cell.slsId'))),
  nama: () => cell.text(1, 100),
  estimatedHouseholds: () => cell.integer(0, 2000),
};

const MOBILE = /^(?:0|\+?62)(8\d{9,12})$/;

/** "0812-3456-7890", "62812…", "+62812…" → "+62812…"; null when it is not a mobile number. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  const match = MOBILE.exec(compact);
  return match ? `+62${match[1]}` : null;
}

const OFFICER_CODE = /^[A-Z0-9-]{1,32}$/;

export const officerCell = {
  kode: () => rule((v) => (OFFICER_CODE.test(v) ? v : fail('census.cell.officerCode'))),
  nama: () => cell.text(1, 120),
  peran: () => cell.oneOf(OFFICER_ROLES),
  /** Empty → null; otherwise a mobile number, stored as +628… */
  telepon: () =>
    rule((v): string | null | CellFailure => (v === '' ? null : (normalisePhone(v) ?? fail('census.cell.phone')))),
  atasan: () => rule((v) => (v === '' || OFFICER_CODE.test(v) ? v : fail('census.cell.atasan'))),
};

/** Which role an officer's supervisor must have. */
export const SUPERVISOR_ROLE = { PPL: 'PML', PML: 'KOSEKA', KOSEKA: null } as const;

export type OfficerRole = (typeof OFFICER_ROLES)[number];

export interface SupervisorProblem {
  key: ProblemKey;
  params: ProblemParams;
}

/** Checks one officer's supervisor against the registry; returns the problem or null. */
export function supervisorProblem(
  peran: OfficerRole,
  atasan: string | null,
  find: (kode: string) => { peran: OfficerRole } | undefined,
): SupervisorProblem | null {
  const wanted = SUPERVISOR_ROLE[peran];
  if (wanted === null) return atasan ? { key: 'census.supervisor.kosekaHasNone', params: { atasan } } : null;
  if (!atasan) return { key: 'census.supervisor.required', params: { role: peran, wanted } };
  const boss = find(atasan);
  if (!boss) return { key: 'census.supervisor.unknown', params: { atasan, role: peran, wanted } };
  if (boss.peran !== wanted)
    return { key: 'census.supervisor.wrongRole', params: { atasan, bossRole: boss.peran, role: peran, wanted } };
  return null;
}
