import { z } from 'zod';
import { cell } from '../../files/table-validate.js';
import { OFFICER_ROLES } from '../../../drizzle/schema/index.js';

/** Cell rules of the SLS master (office-files.md §1) and the officer list (§6), shared by importers and grid edits. */
export const slsCell = {
  slsId: () => z.string().regex(/^\d{16}$/, 'expected 16 digits'),
  nama: () => cell.text(1, 100),
  perkiraanKk: () => cell.integer(0, 2000),
};

const MOBILE = /^(?:0|\+?62)(8\d{9,12})$/;

/** "0812-3456-7890", "62812…", "+62812…" → "+62812…"; null when it is not a mobile number. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  const match = MOBILE.exec(compact);
  return match ? `+62${match[1]}` : null;
}

export const officerCell = {
  kode: () => z.string().regex(/^[A-Z0-9-]{1,32}$/, 'expected 1–32 characters of A-Z, 0-9 and -'),
  nama: () => cell.text(1, 120),
  peran: () => cell.oneOf(OFFICER_ROLES),
  /** Empty → null; otherwise a mobile number, stored as +628… */
  telepon: () =>
    z.string().transform((value, ctx) => {
      if (value === '') return null;
      const phone = normalisePhone(value);
      if (!phone) {
        ctx.addIssue({ code: 'custom', message: 'expected a mobile number 08…, 628… or +628… with 10–13 digits after 0/62' });
        return z.NEVER;
      }
      return phone;
    }),
  atasan: () => z.string().refine((v) => v === '' || /^[A-Z0-9-]{1,32}$/.test(v), 'expected an officer code or nothing'),
};

/** Which role an officer's supervisor must have. */
export const SUPERVISOR_ROLE = { PPL: 'PML', PML: 'KOSEKA', KOSEKA: null } as const;

export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** Checks one officer's supervisor against the registry; returns the problem or null. */
export function supervisorProblem(peran: OfficerRole, atasan: string | null, find: (kode: string) => { peran: OfficerRole } | undefined): string | null {
  const wanted = SUPERVISOR_ROLE[peran];
  if (wanted === null) return atasan ? 'a KOSEKA has no supervisor: leave atasan empty' : null;
  if (!atasan) return `a ${peran} needs a ${wanted} as atasan`;
  const boss = find(atasan);
  if (!boss) return `supervisor "${atasan}" is neither in this file nor registered`;
  if (boss.peran !== wanted) return `supervisor "${atasan}" is a ${boss.peran}; a ${peran} reports to a ${wanted}`;
  return null;
}
