import { z } from 'zod';
import { isoDate } from '../../api/input-fields.js';
import { nipProblem } from '../../../common/nip.js';
import type { Role } from '../../api/define.js';

export interface SettingDefinition<T = unknown> {
  schema: z.ZodType<T>;
  default: T;
  /** Who may change it (everyone may read). */
  roles: readonly Role[];
  /** A NIP: shown masked in the audit trail. */
  nip?: boolean;
}

function setting<T>(
  schema: z.ZodType<T>,
  defaultValue: T,
  roles: readonly Role[],
  extra: Pick<SettingDefinition, 'nip'> = {},
): SettingDefinition<T> {
  return { schema, default: defaultValue, roles, ...extra };
}

const LETTER_ROLES: readonly Role[] = ['admin', 'koordinator'];
const shortText = (max: number) => z.string().trim().min(1).max(max);

/**
 * Every office setting the user can change, with its rule and default. Features read them with
 * `readSetting(db, key)`; the Pengaturan screen lists them. Add a feature's settings here.
 */
export const SETTINGS = {
  /** Target families per PPL when balancing loads (domain.md: about 300). */
  'census.targetLoadKk': setting(z.number().int().min(1).max(5000), 300, ['admin', 'koordinator']),
  'census.fieldStart': setting(isoDate.nullable(), null, ['admin', 'koordinator']),
  'census.fieldEnd': setting(isoDate.nullable(), null, ['admin', 'koordinator']),
  /** An SLS is "quiet" when no package touched it for this many days. */
  'census.quietDays': setting(z.number().int().min(1).max(90), 3, ['admin', 'koordinator']),
  /** The window locks and the session ends after this many minutes without activity. */
  'security.idleLockMinutes': setting(z.number().int().min(1).max(480), 15, ['admin']),
  /** Automatic backups: one on start and every N hours, keeping the last M. */
  'backup.everyHours': setting(z.number().int().min(1).max(168), 24, ['admin']),
  'backup.keep': setting(z.number().int().min(1).max(100), 7, ['admin']),
  /** The surat tugas signature block: who signs, their NIP and position, and the place before the date. */
  'letters.signerName': setting(shortText(120).nullable(), null, LETTER_ROLES),
  'letters.signerNip': setting(
    z
      .string()
      .refine((v) => nipProblem(v) === null, 'expected a valid 18-digit NIP')
      .nullable(),
    null,
    LETTER_ROLES,
    { nip: true },
  ),
  /** Empty: "Koordinator Sensus" and the office's regency. */
  'letters.signerTitle': setting(shortText(150).nullable(), null, LETTER_ROLES),
  /** Empty: the regency's name ("Blora"). */
  'letters.place': setting(shortText(60).nullable(), null, LETTER_ROLES),
};

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default'];
